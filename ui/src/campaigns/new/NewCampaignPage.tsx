import {
  Alert,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type ApiError, type CampaignInput, createCampaign } from "../../api";
import { useLockDraft } from "../../autolock/drafts";
import { normalizeDate, todayIso } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { focusFirstError, useFormErrors } from "../../providers/form/useFormErrors";
import { WriteAction } from "../../users/WriteAction";
import { CAMPAIGNS_KEY } from "../useCampaigns";
import { TargetPicker } from "./TargetPicker";

type Values = {
  title: string;
  sent_on: string;
  due_on: string;
  note: string;
  provider_ids: string[];
};

function toInput(v: Values): CampaignInput {
  return {
    title: v.title.trim(),
    sent_on: normalizeDate(v.sent_on),
    due_on: v.due_on.trim() === "" ? null : normalizeDate(v.due_on),
    note: v.note.trim(),
    provider_ids: v.provider_ids,
  };
}

/** A new survey: what was sent and when, and to which providers; then its page opens. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { title: "", sent_on: todayIso(), due_on: "", note: "", provider_ids: [] },
  });
  const errors = useFormErrors(form);
  useLockDraft("campaign-new", form);
  const create = useMutation({
    mutationFn: createCampaign,
    onSuccess: (id) => {
      void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      navigate(`/surveys/${id}`);
    },
  });

  useEffect(() => {
    if (errors.shown > 0) focusFirstError(formRef.current, alertRef.current);
  }, [errors.shown]);

  const save = (values: Values) => {
    errors.clear();
    create.mutate(toInput(values), { onError: (error: ApiError) => errors.show(error, []) });
  };

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit(save)} data-testid="survey-form">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t("surveyNew.title")}
        </Title>
        {errors.pageError && (
          <Alert
            ref={alertRef}
            tabIndex={-1}
            color="red"
            title={t("surveyNew.errorTitle")}
            data-testid="survey-form-error"
          >
            {errors.pageError.message}
          </Alert>
        )}

        <Paper withBorder p="md" component="section">
          <Title order={2} size="h4" mb="sm">
            {t("surveyNew.details")}
          </Title>
          <Stack gap="sm">
            <TextInput
              label={t("surveyNew.name")}
              placeholder={t("surveyNew.namePlaceholder")}
              required
              maw={640}
              // The page exists to fill this in: start typing at once.
              autoFocus
              data-testid="survey-title-input"
              {...form.getInputProps("title")}
            />
            <Group align="flex-start" gap="md">
              <DateField
                w={200}
                label={t("surveyNew.sentOn")}
                required
                data-testid="survey-sent-on"
                {...form.getInputProps("sent_on")}
              />
              <DateField
                w={200}
                label={t("surveyNew.dueOn")}
                description={t("surveyNew.dueOnHint")}
                data-testid="survey-due-on"
                {...form.getInputProps("due_on")}
              />
            </Group>
            <Textarea
              label={t("surveyNew.note")}
              placeholder={t("surveyNew.notePlaceholder")}
              rows={2}
              maw={640}
              data-testid="survey-note"
              {...form.getInputProps("note")}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section">
          <Title order={2} size="h4" mb={4}>
            {t("surveyNew.targets")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("surveyNew.targetsHint")}
          </Text>
          <TargetPicker
            selected={form.values.provider_ids}
            onChange={(ids) => {
              form.setFieldValue("provider_ids", ids);
              form.clearFieldError("provider_ids");
            }}
            error={form.errors.provider_ids}
          />
        </Paper>

        <Group justify="flex-end" gap="sm">
          <Text fw={700}>
            {t("surveyNew.selected", { count: form.values.provider_ids.length })}
          </Text>
          <Button variant="default" component={Link} to="/surveys">
            {t("surveyNew.cancel")}
          </Button>
          <WriteAction>
            <Button type="submit" loading={create.isPending} data-testid="survey-create">
              {t("surveyNew.submit")}
            </Button>
          </WriteAction>
        </Group>
      </Stack>
    </form>
  );
}
