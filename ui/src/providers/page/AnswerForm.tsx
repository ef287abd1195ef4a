import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type ApiError, type ProviderDetail, recordConditions } from "../../api";
import { normalizeDate, todayIso } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { ConditionsEditor } from "../conditions/ConditionsEditor";
import { buildConditions } from "../form/request";
import { focusFirstError, useFormErrors } from "../form/useFormErrors";
import { type AnswerFormValues, conditionsValues } from "../form/values";
import { RECORD_SOURCES } from "../kinds";
import { PROVIDERS_KEY, providerKey } from "../useProvider";

type Props = { detail: ProviderDetail; opened: boolean; onClose: () => void };

/**
 * 「回答を記録」: a survey form or a phone call entered as a new dated answer. It starts from the
 * current answers, so only what changed needs a click. Esc closes it without saving.
 */
export function AnswerForm({ detail, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("providerPage.recordAnswerTitle", { name: detail.provider.name })}
      size="80rem"
    >
      {/* Mounted only while open, so each opening starts from the current answers. */}
      {opened && <AnswerFormBody detail={detail} onClose={onClose} />}
    </Modal>
  );
}

function AnswerFormBody({ detail, onClose }: { detail: ProviderDetail; onClose: () => void }) {
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
    mutationFn: recordConditions,
    onSuccess: (saved) => {
      client.setQueryData(providerKey(saved.id), saved);
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
      {
        id: detail.id,
        answered_on: normalizeDate(values.answered_on),
        source: values.source,
        conditions,
      },
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
          <NativeSelect
            w={200}
            label={t("providerPage.answerSource")}
            data={RECORD_SOURCES.map((s) => ({ value: s, label: t(`providerSource.${s}`) }))}
            data-testid="answer-source"
            {...form.getInputProps("source")}
          />
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
