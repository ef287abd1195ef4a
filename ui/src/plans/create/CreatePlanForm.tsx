import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ApiError, createPlan } from "../../api";
import { useLockDraft } from "../../autolock/drafts";
import { normalizeDate, todayIso } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { useChild } from "../../cases/useChild";
import { useTemplates } from "../../planning/usePlanning";
import { focusFirstError, useFormErrors } from "../../providers/form/useFormErrors";
import { WriteAction } from "../../users/WriteAction";
import { addDays } from "../model";
import { usePlanWrite } from "../usePlan";

type Values = { target_date: string; template_id: string; note: string };

/** About three months ahead: the pathway's first tasks are due 90 days before the target. */
const SUGGESTED_DAYS_AHEAD = 90;

/**
 * A child without an active plan: the target discharge date (today or later), the pathway
 * template to make the tasks from (the default one is chosen), a note. The plan page follows.
 */
export function CreatePlanForm({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const child = useChild(childId);
  const templates = useTemplates();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      target_date: addDays(todayIso(), SUGGESTED_DAYS_AHEAD),
      template_id: "",
      note: "",
    },
  });
  const errors = useFormErrors(form);
  const create = usePlanWrite(childId, createPlan);
  useLockDraft("plan-create", form);

  useEffect(() => {
    if (errors.shown > 0) focusFirstError(formRef.current, alertRef.current);
  }, [errors.shown]);

  const save = (values: Values) => {
    errors.clear();
    create.mutate(
      {
        child_id: childId,
        target_date: normalizeDate(values.target_date),
        // "" is the default template: the core picks it.
        template_id: values.template_id === "" ? null : values.template_id,
        note: values.note.trim(),
      },
      { onError: (error: ApiError) => errors.show(error, []) },
    );
  };

  const defaultTemplate = templates.data?.find((tpl) => tpl.is_default);
  const templateOptions = [
    {
      value: "",
      label: defaultTemplate
        ? t("plan.create.defaultTemplateNamed", { name: defaultTemplate.name })
        : t("plan.create.defaultTemplate"),
    },
    ...(templates.data ?? [])
      .filter((tpl) => !tpl.is_default)
      .map((tpl) => ({ value: tpl.id, label: tpl.name })),
  ];

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit(save)} data-testid="plan-create-form">
      <Stack gap="md" maw={760}>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {child.data
              ? t("plan.create.forChild", {
                  name: child.data.child.name,
                  caseNumber: child.data.case_number,
                })
              : " "}
          </Text>
          <Title order={1} size="h2">
            {t("plan.create.title")}
          </Title>
        </Stack>
        <Text size="sm">{t("plan.create.intro")}</Text>
        {errors.pageError && (
          <Alert
            ref={alertRef}
            tabIndex={-1}
            color="red"
            title={t("plan.create.errorTitle")}
            data-testid="plan-create-error"
          >
            {errors.pageError.message}
          </Alert>
        )}
        <Paper withBorder p="md" component="section">
          <Stack gap="sm">
            <DateField
              w={240}
              label={t("plan.create.targetDate")}
              required
              autoFocus
              data-testid="plan-create-target"
              {...form.getInputProps("target_date")}
            />
            <NativeSelect
              maw={420}
              label={t("plan.create.template")}
              description={t("plan.create.templateHint")}
              data={templateOptions}
              data-testid="plan-create-template"
              {...form.getInputProps("template_id")}
            />
            <Textarea
              maw={640}
              rows={2}
              label={t("plan.create.note")}
              placeholder={t("plan.create.notePlaceholder")}
              data-testid="plan-create-note"
              {...form.getInputProps("note")}
            />
          </Stack>
        </Paper>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" component={Link} to={`/cases/${childId}`}>
            {t("plan.backToCase")}
          </Button>
          <WriteAction>
            <Button type="submit" loading={create.isPending} data-testid="plan-create-submit">
              {t("plan.create.submit")}
            </Button>
          </WriteAction>
        </Group>
      </Stack>
    </form>
  );
}
