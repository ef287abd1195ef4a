import { Alert, Button, Grid, Group, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CallerType,
  type Consultation,
  type ConsultationOutcome,
  officeNow,
  recordConsultation,
} from "../api";
import { useLockDraft } from "../autolock/drafts";
import { foldWidth } from "../cases/dates";
import { ChildPicker, type PickedChild } from "../common/ChildPicker";
import { Panel } from "../equipment/Panel";
import { errorsAt, useOfficeNow } from "../equipment/useEquipment";
import { WriteAction } from "../users/WriteAction";
import { CALLER_TYPES, composing, OUTCOMES } from "./codes";
import { KeyChoice } from "./KeyChoice";
import { atOf, CONSULTATIONS_KEY } from "./useConsultations";

/** The fields in keyboard order; Enter moves along it, and on the last one saves. */
const ORDER = [
  "at",
  "caller_type",
  "outcome",
  "child_id",
  "topic",
  "staff",
  "minutes",
  "note",
] as const;
type Field = (typeof ORDER)[number];

/** What the quick entry keeps over a lock. */
type QuickEntryDraft = {
  at: string;
  caller: CallerType | null;
  outcome: ConsultationOutcome | null;
  child: PickedChild | null;
  topic: string;
  staff: string;
  minutes: string;
  note: string;
};

/**
 * A phone call logged in seconds, from the keyboard: the cursor starts in 日時 (now), number keys
 * pick the caller and the outcome, Enter goes on, and Enter in メモ (or Ctrl+Enter anywhere)
 * saves. After saving the form is empty again for the next call, keeping 担当.
 */
export function QuickEntry() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const now = useOfficeNow();
  const [at, setAt] = useState("");
  const [caller, setCaller] = useState<CallerType | null>(null);
  const [outcome, setOutcome] = useState<ConsultationOutcome | null>(null);
  const [child, setChild] = useState<PickedChild | null>(null);
  const [topic, setTopic] = useState("");
  const [staff, setStaff] = useState("");
  const [minutes, setMinutes] = useState("");
  const [minutesBad, setMinutesBad] = useState(false);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<Consultation | null>(null);
  const fields = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  // A call being noted when the app locks is kept (sealed) and comes back after unlocking.
  useLockDraft<QuickEntryDraft>("consultation-quick-entry", {
    getValues: () => ({ at, caller, outcome, child, topic, staff, minutes, note }),
    isDirty: () =>
      caller !== null ||
      outcome !== null ||
      child !== null ||
      topic !== "" ||
      minutes !== "" ||
      note !== "",
    setValues: (v) => {
      if (v.at !== undefined) setAt(v.at);
      if (v.caller !== undefined) setCaller(v.caller);
      if (v.outcome !== undefined) setOutcome(v.outcome);
      if (v.child !== undefined) setChild(v.child);
      if (v.topic !== undefined) setTopic(v.topic);
      if (v.staff !== undefined) setStaff(v.staff);
      if (v.minutes !== undefined) setMinutes(v.minutes);
      if (v.note !== undefined) setNote(v.note);
    },
  });

  const focus = (field: Field) => {
    const el = fields.current[field];
    // A choice group takes the focus on its chosen (or first) option, the child picker on its
    // search field (or its change button).
    const target =
      el?.getAttribute("role") === "radiogroup"
        ? el.querySelector<HTMLElement>('[tabindex="0"]')
        : el instanceof HTMLDivElement
          ? el.querySelector<HTMLElement>("input, button")
          : el;
    target?.focus();
  };
  const next = (field: Field) => {
    const i = ORDER.indexOf(field);
    const following = ORDER[i + 1];
    if (following) focus(following);
    // Not form.requestSubmit(): WebKitGTK's older engines lack it.
    else submit();
  };
  const onEnter = (field: Field) => (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "Enter" || event.ctrlKey || event.metaKey || composing(event)) return;
    event.preventDefault();
    next(field);
  };

  // The cursor starts in the first field, which starts at now (the office's time).
  useEffect(() => {
    if (now.data && at === "" && !saved) setAt(atOf(now.data));
  }, [now.data, at, saved]);
  useEffect(() => fields.current.at?.focus(), []);

  const save = useMutation({
    mutationFn: recordConsultation,
    onSuccess: async (consultation) => {
      void client.invalidateQueries({ queryKey: CONSULTATIONS_KEY });
      setSaved(consultation);
      setCaller(null);
      setOutcome(null);
      setChild(null);
      setTopic("");
      setMinutes("");
      setNote("");
      setAt(atOf(await officeNow().catch(() => now.data ?? "")));
      focus("at");
    },
    onError: (error) => {
      const field = ORDER.find((f) => f === error.field);
      if (field) focus(field);
    },
  });
  const { at: errorAt, elsewhere } = errorsAt(save.error, ORDER);

  const submit = () => {
    const typed = foldWidth(minutes).trim();
    const mins = typed === "" ? null : Number(typed);
    if (mins !== null && !(Number.isInteger(mins) && mins >= 0)) {
      setMinutesBad(true);
      focus("minutes");
      return;
    }
    setMinutesBad(false);
    setSaved(null);
    save.mutate({
      at,
      caller_type: caller,
      child_id: child?.id ?? null,
      topic,
      outcome,
      staff,
      minutes: mins,
      note,
    });
  };

  return (
    <Panel title={t("consultations.entry.title")} testId="consultation-entry">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !composing(event)) {
            event.preventDefault();
            submit();
          }
        }}
      >
        <Text size="sm" c="dimmed" mb="sm">
          {t("consultations.entry.keys")}
        </Text>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput
              ref={(el) => {
                fields.current.at = el;
              }}
              label={t("consultations.entry.at")}
              description={t("consultations.entry.atDescription")}
              inputWrapperOrder={["label", "input", "description", "error"]}
              value={at}
              onChange={(event) => setAt(event.currentTarget.value)}
              onKeyDown={onEnter("at")}
              error={errorAt("at")}
              withAsterisk
              autoComplete="off"
              data-testid="consultation-at"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <KeyChoice
              ref={(el) => {
                fields.current.caller_type = el;
              }}
              label={t("consultations.entry.caller")}
              options={CALLER_TYPES}
              labelOf={(c) => t(`consultations.caller.${c}`)}
              value={caller}
              onChange={setCaller}
              onEnter={() => next("caller_type")}
              error={errorAt("caller_type")}
              testId="consultation-caller"
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <KeyChoice
              ref={(el) => {
                fields.current.outcome = el;
              }}
              label={t("consultations.entry.outcome")}
              options={OUTCOMES}
              labelOf={(o) => t(`consultations.outcome.${o}`)}
              value={outcome}
              onChange={setOutcome}
              onEnter={() => next("outcome")}
              error={errorAt("outcome")}
              testId="consultation-outcome"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ChildPicker
              ref={(el) => {
                fields.current.child_id = el;
              }}
              label={t("consultations.entry.child")}
              value={child}
              onChange={setChild}
              onEnter={() => next("child_id")}
              error={errorAt("child_id")}
              data-testid="consultation-child"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <TextInput
              ref={(el) => {
                fields.current.topic = el;
              }}
              label={t("consultations.entry.topic")}
              placeholder={t("consultations.entry.topicPlaceholder")}
              value={topic}
              onChange={(event) => setTopic(event.currentTarget.value)}
              onKeyDown={onEnter("topic")}
              error={errorAt("topic")}
              withAsterisk
              autoComplete="off"
              data-testid="consultation-topic"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput
              ref={(el) => {
                fields.current.staff = el;
              }}
              label={t("consultations.entry.staff")}
              value={staff}
              onChange={(event) => setStaff(event.currentTarget.value)}
              onKeyDown={onEnter("staff")}
              error={errorAt("staff")}
              autoComplete="off"
              data-testid="consultation-staff"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <TextInput
              ref={(el) => {
                fields.current.minutes = el;
              }}
              label={t("consultations.entry.minutes")}
              inputMode="numeric"
              value={minutes}
              onChange={(event) => setMinutes(event.currentTarget.value)}
              onKeyDown={onEnter("minutes")}
              error={minutesBad ? t("consultations.entry.minutesInvalid") : errorAt("minutes")}
              autoComplete="off"
              data-testid="consultation-minutes"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <TextInput
              ref={(el) => {
                fields.current.note = el;
              }}
              label={t("consultations.entry.note")}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              onKeyDown={onEnter("note")}
              error={errorAt("note")}
              autoComplete="off"
              data-testid="consultation-note"
            />
          </Grid.Col>
        </Grid>
        {elsewhere && (
          <Alert color="red" mt="sm" title={t(`errorKind.${elsewhere.kind}`)}>
            {elsewhere.message}
          </Alert>
        )}
        <Group justify="space-between" mt="md">
          <Text size="sm" c="teal.8" role="status" data-testid="consultation-saved">
            {saved
              ? t("consultations.entry.saved", {
                  at: saved.at_local,
                  caller: t(`consultations.caller.${saved.caller_type}`),
                  topic: saved.topic,
                })
              : ""}
          </Text>
          <WriteAction>
            <Button type="submit" loading={save.isPending} data-testid="consultation-save">
              {t("consultations.entry.save")}
            </Button>
          </WriteAction>
        </Group>
      </form>
    </Panel>
  );
}
