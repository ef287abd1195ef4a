import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  addConference,
  type Conference,
  type ConferenceInput,
  type ConferenceKind,
  type PlanDetail,
  updateConference,
} from "../../api";
import { normalizeDate } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { Section } from "../../cases/page/Section";
import { WriteAction } from "../../users/WriteAction";
import { errorsAt } from "../model";
import { usePlanWrite } from "../usePlan";

const KINDS: readonly ConferenceKind[] = ["in_hospital", "pre_discharge_joint"];

/** 院内 and 退院前合同 conferences by date: who came from the team, who else, and the minutes. */
export function ConferencesSection({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const editable = detail.plan.status === "active";
  return (
    <Section
      title={t("plan.conferences.title")}
      testId="plan-conferences"
      action={
        editable &&
        editing === null && (
          <WriteAction>
            <Button
              size="xs"
              variant="light"
              onClick={() => setEditing("new")}
              data-testid="conference-add"
            >
              {t("plan.conferences.add")}
            </Button>
          </WriteAction>
        )
      }
    >
      <Stack gap="sm">
        {editing === "new" && (
          <ConferenceForm detail={detail} conference={null} onDone={() => setEditing(null)} />
        )}
        {detail.conferences.length === 0 && editing !== "new" && (
          <Text size="sm" c="dimmed" data-testid="conferences-empty">
            {t("plan.conferences.empty")}
          </Text>
        )}
        {detail.conferences.map((conference) =>
          editing === conference.id ? (
            <ConferenceForm
              key={conference.id}
              detail={detail}
              conference={conference}
              onDone={() => setEditing(null)}
            />
          ) : (
            <Paper key={conference.id} withBorder p="sm" data-testid="conference">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge
                      variant="light"
                      color={conference.kind === "in_hospital" ? "blue" : "grape"}
                    >
                      {t(`plan.conferenceKind.${conference.kind}`)}
                    </Badge>
                    <Text size="sm" fw={700}>
                      {conference.held_on}
                    </Text>
                    {conference.held_on > detail.today && (
                      <Text size="xs" c="dimmed">
                        {t("plan.conferences.planned")}
                      </Text>
                    )}
                    {conference.title && <Text size="sm">{conference.title}</Text>}
                  </Group>
                  <Text size="xs">
                    {t("plan.conferences.attendeesLine", {
                      names:
                        [
                          ...conference.attendees.map((a) => a.name),
                          ...(conference.other_attendees ? [conference.other_attendees] : []),
                        ].join("、") || t("plan.conferences.nobody"),
                    })}
                  </Text>
                  {conference.minutes && (
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }} lineClamp={4}>
                      {conference.minutes}
                    </Text>
                  )}
                </Stack>
                {editable && editing === null && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEditing(conference.id)}
                  >
                    {t("plan.conferences.edit")}
                  </Button>
                )}
              </Group>
            </Paper>
          ),
        )}
      </Stack>
    </Section>
  );
}

function ConferenceForm({
  detail,
  conference,
  onDone,
}: {
  detail: PlanDetail;
  conference: Conference | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ConferenceInput>(
    conference
      ? {
          kind: conference.kind,
          held_on: conference.held_on,
          title: conference.title,
          attendee_ids: conference.attendees.map((a) => a.member_id),
          other_attendees: conference.other_attendees,
          minutes: conference.minutes,
        }
      : {
          kind: "in_hospital",
          held_on: detail.today,
          title: "",
          attendee_ids: [],
          other_attendees: "",
          minutes: "",
        },
  );
  const add = usePlanWrite(detail.plan.child_id, addConference);
  const update = usePlanWrite(detail.plan.child_id, updateConference);
  const error = add.error ?? update.error;
  const fields = ["kind", "held_on", "title", "attendee_ids", "other_attendees", "minutes"];
  const { at, elsewhere } = errorsAt(error, fields);
  const set = <K extends keyof ConferenceInput>(key: K, value: ConferenceInput[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  // Who may be ticked: the team now, and anyone who attended before leaving it.
  const members = detail.team.filter((m) => m.current || values.attendee_ids.includes(m.id));

  return (
    <form
      noValidate
      onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onDone();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const input: ConferenceInput = {
          ...values,
          held_on: normalizeDate(values.held_on),
          title: values.title.trim(),
          other_attendees: values.other_attendees.trim(),
          minutes: values.minutes.trim(),
        };
        if (conference) {
          update.mutate(
            {
              conference_id: conference.id,
              row_version: conference.row_version,
              conference: input,
            },
            { onSuccess: onDone },
          );
        } else {
          add.mutate({ plan_id: detail.plan.id, conference: input }, { onSuccess: onDone });
        }
      }}
      aria-label={conference ? t("plan.conferences.edit") : t("plan.conferences.add")}
      data-testid="conference-form"
    >
      <Stack gap="xs" p="sm" bg="gray.0" style={{ borderRadius: 4 }}>
        <Group gap="sm" align="flex-start">
          <NativeSelect
            w={230}
            label={t("plan.conferences.kind")}
            value={values.kind}
            onChange={(event) => set("kind", event.currentTarget.value as ConferenceKind)}
            data={KINDS.map((k) => ({ value: k, label: t(`plan.conferenceKind.${k}`) }))}
            error={at("kind")}
            autoFocus
          />
          <DateField
            w={160}
            label={t("plan.conferences.heldOn")}
            value={values.held_on}
            onChange={(value) => set("held_on", value)}
            error={at("held_on")}
            required
            data-testid="conference-date"
          />
          <TextInput
            style={{ flex: 1, minWidth: 160 }}
            label={t("plan.conferences.titleLabel")}
            placeholder={t("plan.conferences.titlePlaceholder")}
            value={values.title}
            onChange={(event) => set("title", event.currentTarget.value)}
            error={at("title")}
          />
        </Group>
        <Checkbox.Group
          label={t("plan.conferences.attendees")}
          value={values.attendee_ids}
          onChange={(ids) => set("attendee_ids", ids)}
          error={at("attendee_ids")}
        >
          {members.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t("plan.conferences.noTeam")}
            </Text>
          ) : (
            <Group gap="md" mt={4}>
              {members.map((m) => (
                <Checkbox key={m.id} value={m.id} label={`${t(`plan.role.${m.role}`)} ${m.name}`} />
              ))}
            </Group>
          )}
        </Checkbox.Group>
        <TextInput
          label={t("plan.conferences.others")}
          placeholder={t("plan.conferences.othersPlaceholder")}
          value={values.other_attendees}
          onChange={(event) => set("other_attendees", event.currentTarget.value)}
          error={at("other_attendees")}
        />
        <Textarea
          label={t("plan.conferences.minutes")}
          autosize
          minRows={3}
          value={values.minutes}
          onChange={(event) => set("minutes", event.currentTarget.value)}
          error={at("minutes")}
        />
        {elsewhere && error && (
          <Alert color="red" title={t("plan.actionError")}>
            {error.message}
          </Alert>
        )}
        <Group gap="xs">
          <Button
            type="submit"
            size="xs"
            loading={add.isPending || update.isPending}
            data-testid="conference-save"
          >
            {t("plan.conferences.save")}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t("plan.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
