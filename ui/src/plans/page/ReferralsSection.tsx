import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Timeline,
} from "@mantine/core";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { moveReferral, type PlanDetail, type Referral, type ReferralStatus } from "../../api";
import { formatDateTime, normalizeDate } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { Section } from "../../cases/page/Section";
import { errorsAt, REFERRAL_COLOR } from "../model";
import { usePlanWrite } from "../usePlan";
import "./match.css";

/**
 * The referrals of the plan, newest first, each with its status, dates and history, and the
 * steps its status allows: 受諾 (the provider joins the team), 辞退 (with a reason), 開始, 終了,
 * 取消, 再開.
 */
export function ReferralsSection({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t("plan.referrals.title")} testId="plan-referrals">
      {detail.referrals.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="referrals-empty">
          {t("plan.referrals.empty")}
        </Text>
      ) : (
        <Stack gap="sm">
          {detail.referrals.map((referral) => (
            <ReferralCard key={referral.id} referral={referral} detail={detail} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** Whether a step can be taken on this plan: only ending and cancelling outlive an active plan. */
function allowedOn(detail: PlanDetail, step: ReferralStatus) {
  if (detail.plan.status === "active") return true;
  return detail.plan.status === "completed" && (step === "ended" || step === "cancelled");
}

function ReferralCard({ referral, detail }: { referral: Referral; detail: PlanDetail }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<ReferralStatus | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const steps = referral.next.filter((s) => allowedOn(detail, s));

  return (
    <Paper withBorder p="sm" data-testid="referral" data-status={referral.status}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs">
              <Badge
                color={REFERRAL_COLOR[referral.status]}
                variant={
                  referral.status === "accepted" || referral.status === "active"
                    ? "filled"
                    : "light"
                }
                data-testid="referral-status"
              >
                {t(`plan.referralStatus.${referral.status}`)}
              </Badge>
              <Anchor component={Link} to={`/providers/${referral.provider_id}`} size="sm" fw={700}>
                {referral.provider_name}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed" className="plan-facts">
              {[
                t(`plan.role.${referral.role}`),
                referral.sent_on && t("plan.referrals.sentOn", { date: referral.sent_on }),
                referral.decided_on && t("plan.referrals.decidedOn", { date: referral.decided_on }),
                referral.start_on && t("plan.referrals.startOn", { date: referral.start_on }),
                referral.ended_on && t("plan.referrals.endedOn", { date: referral.ended_on }),
              ]
                .filter(Boolean)
                .map((part) => (
                  <span key={part as string}>{part}</span>
                ))}
            </Text>
            {referral.reason && (
              <Text
                size="xs"
                c={referral.status === "declined" ? "red.8" : undefined}
                data-testid="referral-reason"
              >
                {t("plan.referrals.reason", { reason: referral.reason })}
              </Text>
            )}
          </Stack>
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => setShowHistory((s) => !s)}
            aria-expanded={showHistory}
            data-testid="referral-history-toggle"
            style={{ whiteSpace: "nowrap", flexShrink: 0 }}
          >
            {showHistory
              ? t("plan.referrals.hideHistory")
              : t("plan.referrals.showHistory", { count: referral.history.length })}
          </Anchor>
        </Group>
        {showHistory && (
          <Timeline bulletSize={10} lineWidth={2} data-testid="referral-history">
            {referral.history.map((event) => (
              <Timeline.Item
                key={`${event.recorded_at}-${event.status}`}
                color={REFERRAL_COLOR[event.status]}
                title={
                  <Text size="xs" fw={700}>
                    {t(`plan.referralStatus.${event.status}`)} {event.on}
                  </Text>
                }
              >
                {event.reason && <Text size="xs">{event.reason}</Text>}
                <Text size="xs" c="dimmed">
                  {t("plan.referrals.recordedBy", {
                    at: formatDateTime(event.recorded_at),
                    who: event.actor,
                  })}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {step ? (
          <StepForm referral={referral} detail={detail} step={step} onDone={() => setStep(null)} />
        ) : (
          steps.length > 0 && (
            <Group gap="xs">
              {steps.map((s) => (
                <Button
                  key={s}
                  size="compact-sm"
                  variant={s === "accepted" || s === "sent" ? "filled" : "default"}
                  color={s === "cancelled" || s === "declined" ? "red" : undefined}
                  onClick={() => setStep(s)}
                  data-testid={`referral-step-${s}`}
                >
                  {t(`plan.referralStep.${s}`)}
                </Button>
              ))}
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}

/**
 * One step, dated (today unless said otherwise): a decline needs its reason, a cancellation may
 * have one, an acceptance says when the provider starts. Enter saves, Esc closes.
 */
function StepForm({
  referral,
  detail,
  step,
  onDone,
}: {
  referral: Referral;
  detail: PlanDetail;
  step: ReferralStatus;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [on, setOn] = useState(detail.today);
  const [reason, setReason] = useState("");
  const [startOn, setStartOn] = useState(referral.start_on ?? detail.plan.target_date);
  const move = usePlanWrite(detail.plan.child_id, moveReferral);
  const { at, elsewhere } = errorsAt(move.error, ["on", "reason", "start_on"]);
  const asksReason = step === "declined" || step === "cancelled";

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDone();
    }
  };

  return (
    <form
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        move.mutate(
          {
            referral_id: referral.id,
            row_version: referral.row_version,
            status: step,
            on: normalizeDate(on),
            reason: asksReason ? reason.trim() : "",
            start_on: step === "accepted" ? normalizeDate(startOn) : null,
          },
          { onSuccess: onDone },
        );
      }}
      aria-label={t(`plan.referralStep.${step}`)}
      data-testid="referral-step-form"
    >
      <Stack gap="xs" p="xs" bg="gray.0" style={{ borderRadius: 4 }}>
        <Text size="sm" fw={700}>
          {t(`plan.referralStepTitle.${step}`, { name: referral.provider_name })}
        </Text>
        <Group gap="sm" align="flex-start">
          <DateField
            w={150}
            size="xs"
            label={t("plan.referrals.stepOn")}
            value={on}
            onChange={setOn}
            error={at("on")}
            autoFocus={!asksReason}
            data-testid="referral-step-on"
          />
          {step === "accepted" && (
            <DateField
              w={150}
              size="xs"
              label={t("plan.referrals.startOnLabel")}
              value={startOn}
              onChange={setStartOn}
              error={at("start_on")}
              data-testid="referral-step-start"
            />
          )}
          {asksReason && (
            <TextInput
              size="xs"
              style={{ flex: 1, minWidth: 200 }}
              label={t("plan.referrals.reasonLabel")}
              placeholder={t(
                `plan.referrals.reasonPlaceholder.${step as "declined" | "cancelled"}`,
              )}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={at("reason")}
              required={step === "declined"}
              autoFocus
              data-testid="referral-step-reason"
            />
          )}
        </Group>
        {elsewhere && move.error && (
          <Alert color="red" title={t("plan.actionError")} data-testid="referral-step-error">
            {move.error.message}
          </Alert>
        )}
        <Group gap="xs">
          <Button
            type="submit"
            size="xs"
            color={step === "declined" || step === "cancelled" ? "red" : undefined}
            loading={move.isPending}
            data-testid="referral-step-save"
          >
            {t(`plan.referralStepSave.${step}`)}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t("plan.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
