import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  type ApiError,
  type Conditions,
  type ProviderDetail,
  type RecordSource,
  recordConditions,
} from "../../api";
import { normalizeDate, todayIso } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { ConditionsEditor } from "../conditions/ConditionsEditor";
import { buildConditions } from "../form/request";
import { focusFirstError, useFormErrors } from "../form/useFormErrors";
import { type AnswerFormValues, conditionsValues } from "../form/values";
import { RECORD_SOURCES } from "../kinds";
import { PROVIDERS_KEY, providerKey } from "../useProvider";

/** A dated answer as another screen saves it (a survey target's answer). */
export type DatedAnswer = { answered_on: string; conditions: Conditions };

type Props = {
  detail: ProviderDetail;
  opened: boolean;
  onClose: () => void;
  /**
   * Saves the answer instead of recording it on the provider (record_conditions): the survey
   * campaign page records it as its target's answer. Its source is then the survey, so the
   * form does not ask for one. A rejection is shown in the form like the core's own.
   */
  onSubmit?: (answer: DatedAnswer) => Promise<unknown>;
};

/**
 * 「回答を記録」: a survey form or a phone call entered as a new dated answer. It starts from the
 * current answers, so only what changed needs a click. Esc closes it without saving.
 */
export function AnswerForm({ detail, opened, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("providerPage.recordAnswerTitle", { name: detail.provider.name })}
      size="80rem"
    >
      {/* Mounted only while open, so each opening starts from the current answers. */}
      {opened && <AnswerFormBody detail={detail} onClose={onClose} onSubmit={onSubmit} />}
    </Modal>
  );
}

function AnswerFormBody({ detail, onClose, onSubmit }: Omit<Props, "opened">) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const form = useForm<AnswerFormValues>({
    mode: "controlled",
    initialValues: {
      answered_on: todayIso(),
      source: "survey",
      conditions: conditionsValues(detail.provider.conditions),
    },
  });
  const errors = useFormErrors(form);
  const record = useMutation({
    mutationFn: async ({ source, ...answer }: DatedAnswer & { source: RecordSource }) => {
      if (onSubmit) {
        await onSubmit(answer);
        void client.invalidateQueries({ queryKey: providerKey(detail.id) });
      } else {
        const saved = await recordConditions({ id: detail.id, source, ...answer });
        client.setQueryData(providerKey(saved.id), saved);
      }
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: PROVIDERS_KEY });
      onClose();
    },
  });

  useEffect(() => {
    if (errors.shown > 0) focusFirstError(formRef.current, alertRef.current);
  }, [errors.shown]);

  const save = (values: AnswerFormValues) => {
    errors.clear();
    const { conditions, sent } = buildConditions(values.conditions);
    record.mutate(
      { answered_on: normalizeDate(values.answered_on), source: values.source, conditions },
      { onError: (error: ApiError) => errors.show(error, sent) },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit(save)} data-testid="answer-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("providerPage.recordAnswerHint")}
        </Text>
        {errors.pageError && (
          <Alert
            ref={alertRef}
            tabIndex={-1}
            color="red"
            title={t("providerForm.errorTitle")}
            data-testid="answer-form-error"
          >
            {errors.pageError.message}
          </Alert>
        )}
        <Group align="flex-start" gap="md">
          <DateField
            w={200}
            label={t("providerPage.answeredOn")}
            required
            data-autofocus
            data-testid="answer-date"
            {...form.getInputProps("answered_on")}
          />
          {!onSubmit && (
            <NativeSelect
              w={200}
              label={t("providerPage.answerSource")}
              data={RECORD_SOURCES.map((s) => ({ value: s, label: t(`providerSource.${s}`) }))}
              data-testid="answer-source"
              {...form.getInputProps("source")}
            />
          )}
        </Group>
        <ConditionsEditor
          values={form.values.conditions}
          errors={form.errors}
          onChange={(path, value) =>
            form.setFieldValue(`conditions.${path}` as "conditions", value as never)
          }
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("providerForm.cancel")}
          </Button>
          <Button type="submit" loading={record.isPending} data-testid="answer-save">
            {t("providerPage.saveAnswer")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
