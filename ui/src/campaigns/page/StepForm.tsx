import { Alert, Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type ApiError, type CampaignTarget, setTargetState, type TargetState } from "../../api";
import { normalizeDate, todayIso } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { focusFirstError, useFormErrors } from "../../providers/form/useFormErrors";
import { STEP_STATES } from "../states";
import { CAMPAIGNS_KEY } from "../useCampaigns";

type Values = { state: Exclude<TargetState, "answered">; on: string; note: string };

type Props = { target: CampaignTarget; onDone: () => void };

/**
 * One step of chasing a target: a call, a visit, no answer (or sent again), dated, with a note
 * that replaces the target's. Saved with the row version the screen shows; if someone else
 * saved first the core says so, the campaign is read again and the input stays for a retry.
 * Enter saves, Esc closes.
 */
export function StepForm({ target, onDone }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLSelectElement>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { state: "phoned", on: todayIso(), note: target.note },
  });
  const errors = useFormErrors(form);
  const save = useMutation({
    mutationFn: setTargetState,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      onDone();
    },
    onError: (error) => {
      if (error.kind === "conflict") void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    },
  });

  // The person opened this to record what they just did: the state is the first choice.
  useEffect(() => firstRef.current?.focus(), []);

  useEffect(() => {
    if (errors.shown > 0) focusFirstError(formRef.current, alertRef.current);
  }, [errors.shown]);

  const submit = (values: Values) => {
    errors.clear();
    save.mutate(
      {
        target_id: target.id,
        row_version: target.row_version,
        state: values.state,
        on: normalizeDate(values.on),
        note: values.note.trim(),
      },
      { onError: (error: ApiError) => errors.show(error, []) },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDone();
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(submit)}
      onKeyDown={onKeyDown}
      aria-label={t("surveyPage.recordStepFor", { name: target.provider_name })}
      data-testid="step-form"
    >
      {errors.pageError && (
        <Alert
          ref={alertRef}
          tabIndex={-1}
          color="red"
          mb="xs"
          title={t("surveyPage.stepError")}
          data-testid="step-error"
        >
          {errors.pageError.message}
        </Alert>
      )}
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect
          w={150}
          label={t("surveyPage.stepState")}
          data={STEP_STATES.map((s) => ({ value: s, label: t(`surveyState.${s}`) }))}
          ref={firstRef}
          data-testid="step-state"
          {...form.getInputProps("state")}
        />
        <DateField
          w={170}
          label={t("surveyPage.stepOn")}
          required
          data-testid="step-on"
          {...form.getInputProps("on")}
        />
        <TextInput
          style={{ flex: 1, minWidth: 220 }}
          label={t("surveyPage.stepNote")}
          placeholder={t("surveyPage.stepNotePlaceholder")}
          data-testid="step-note"
          {...form.getInputProps("note")}
        />
        <Group gap="xs" mt={25} wrap="nowrap">
          <Button type="submit" loading={save.isPending} data-testid="step-save">
            {t("surveyPage.saveStep")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("surveyPage.cancelStep")}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
