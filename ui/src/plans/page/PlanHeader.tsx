import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { moveTargetDate, type PlanDetail, type PlanStatus } from "../../api";
import { normalizeDate, parseDate, wareki } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { PlanHandoutButton } from "../../disaster/documents/DocumentButtons";
import { daysBetween, errorsAt, formatAgeYm } from "../model";
import { usePlanWrite } from "../usePlan";

const PLAN_STATUS_COLOR: Record<PlanStatus, string> = {
  active: "teal",
  completed: "blue",
  cancelled: "gray",
};

/** The child, the target discharge date and how far away it is, and moving that date. */
export function PlanHeader({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const { plan, child } = detail;
  const [moving, setMoving] = useState(false);
  const daysLeft = daysBetween(detail.today, plan.target_date);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t("plan.header.kicker")} · {child.kana}
          </Text>
          <Group gap="md" align="center">
            <Title order={1} size="h2" data-testid="plan-child-name">
              {child.name}
            </Title>
            <Badge
              size="lg"
              variant="light"
              color={PLAN_STATUS_COLOR[plan.status]}
              data-testid="plan-status"
            >
              {t(`plan.status.${plan.status}`)}
            </Badge>
          </Group>
          <Group gap="lg">
            <Text size="sm">
              {t("plan.header.caseNumber")}:{" "}
              <Text span ff="monospace" fw={700}>
                {child.case_number}
              </Text>
            </Text>
            <Text size="sm">
              {t("plan.header.target")}: <b data-testid="plan-target-date">{plan.target_date}</b>
              <Text span size="xs" c="dimmed">
                {" "}
                （{wareki(plan.target_date)}）
              </Text>{" "}
              <Text
                span
                size="sm"
                c={daysLeft < 0 ? "red.8" : undefined}
                data-testid="plan-days-left"
              >
                {daysLeft >= 0
                  ? t("plan.header.daysLeft", { count: daysLeft })
                  : t("plan.header.daysPast", { count: -daysLeft })}
              </Text>
            </Text>
            <Text size="sm">
              {t("plan.header.ageAtTarget")}:{" "}
              <b data-testid="plan-age-at-target">{formatAgeYm(t, child.age_months_at_target)}</b>
            </Text>
          </Group>
          {plan.note && (
            <Text size="sm" c="dimmed">
              {plan.note}
            </Text>
          )}
        </Stack>
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" component={Link} to={`/cases/${child.id}`}>
            {t("plan.backToCase")}
          </Button>
          <PlanHandoutButton childId={child.id} />
          {plan.status === "active" && (
            <Button
              variant={moving ? "light" : "default"}
              onClick={() => setMoving((m) => !m)}
              data-testid="plan-move-target"
            >
              {t("plan.header.moveTarget")}
            </Button>
          )}
        </Group>
      </Group>
      {moving && <MoveTargetForm detail={detail} onDone={() => setMoving(false)} />}
    </Stack>
  );
}

/**
 * A new target date, with what it does said before it is done: the open tasks' due dates move
 * by the same number of days (done ones keep theirs). Enter confirms, Esc closes.
 */
function MoveTargetForm({ detail, onDone }: { detail: PlanDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { plan } = detail;
  const [date, setDate] = useState(plan.target_date);
  const move = usePlanWrite(plan.child_id, moveTargetDate);
  const { at, elsewhere } = errorsAt(move.error, ["target_date"]);
  const parsed = parseDate(date);
  const shift = parsed ? daysBetween(plan.target_date, parsed) : 0;
  const openTasks = detail.tasks.filter((task) => task.status === "open").length;

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDone();
    }
  };

  return (
    <Paper withBorder p="md" bg="yellow.0">
      <form
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          move.mutate(
            { plan_id: plan.id, row_version: plan.row_version, target_date: normalizeDate(date) },
            { onSuccess: onDone },
          );
        }}
        aria-label={t("plan.header.moveTarget")}
        data-testid="plan-move-form"
      >
        <Group align="flex-end" gap="md">
          <DateField
            w={220}
            label={t("plan.header.newTarget")}
            value={date}
            onChange={setDate}
            error={at("target_date")}
            autoFocus
            data-testid="plan-move-date"
          />
          <Text size="sm" mb={8} style={{ flex: 1, minWidth: 260 }} data-testid="plan-move-effect">
            {shift === 0
              ? t("plan.header.moveNone")
              : t("plan.header.moveEffect", {
                  count: openTasks,
                  days: Math.abs(shift),
                  direction: shift > 0 ? t("plan.header.later") : t("plan.header.earlier"),
                })}
          </Text>
          <Group gap="xs" mb={2}>
            <Button
              type="submit"
              disabled={shift === 0}
              loading={move.isPending}
              data-testid="plan-move-save"
            >
              {t("plan.header.moveConfirm")}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t("plan.cancel")}
            </Button>
          </Group>
        </Group>
        {elsewhere && move.error && (
          <Alert color="red" mt="sm" title={t("plan.actionError")}>
            {move.error.message}
          </Alert>
        )}
      </form>
    </Paper>
  );
}
