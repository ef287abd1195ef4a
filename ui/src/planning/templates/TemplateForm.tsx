import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type ApiError,
  type PathwayTemplate,
  type Phase,
  saveTemplate,
  type TemplateTaskInput,
} from "../../api";
import { useLockDraft } from "../../autolock/drafts";
import { focusFirstError } from "../../providers/form/useFormErrors";
import { WriteAction } from "../../users/WriteAction";
import { TaskRows } from "./TaskRows";
import {
  buildRequest,
  insertionIndex,
  newRow,
  sortByPhase,
  type TemplateValues,
  templateFormPath,
} from "./values";

type Props = {
  /** The template as it was read when the form opened; null for a new one. */
  saved: PathwayTemplate | null;
  initial: TemplateValues;
  /** Shown once above the form after a save. */
  justSaved: boolean;
  onSaved: (template: PathwayTemplate) => void;
  /** Reads the template again, dropping what was typed (after a conflict). */
  onReload: () => void;
};

/**
 * A pathway template's name, note, whether new plans get it, and its tasks. Saved whole with the
 * row version it was read with: if someone saved first, the core refuses and the input stays.
 * Errors from the core appear at their row's field; Enter in a field saves.
 */
export function TemplateForm({ saved: opened, initial, justSaved, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  // The version the form was filled from: a later read must not make a stale form look fresh.
  const [saved] = useState(opened);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const form = useForm<TemplateValues>({ mode: "controlled", initialValues: initial });
  useLockDraft("template", form);
  const [pageError, setPageError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState(0);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const save = useMutation({ mutationFn: saveTemplate, onSuccess: onSaved });

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (shown > 0) focusFirstError(formRef.current, alertRef.current);
  }, [shown]);
  // A row just added takes the keyboard at its title.
  useEffect(() => {
    if (!focusKey) return;
    formRef.current
      ?.querySelector<HTMLInputElement>(
        `[data-row-key="${focusKey}"] [data-testid="template-task-title"]`,
      )
      ?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const showAt = (path: string, message: string) => {
    form.setFieldError(path, message);
    setShown((n) => n + 1);
  };

  const submit = (values: TemplateValues) => {
    form.clearErrors();
    setPageError(null);
    const built = buildRequest(values, saved);
    if ("invalid" in built) {
      showAt(built.invalid.path, t("planning.templates.offsetRequired"));
      return;
    }
    save.mutate(built.request, {
      onError: (error: ApiError) => {
        const path =
          error.kind === "validation" && error.field
            ? templateFormPath(error.field, built.sentKeys, form.getValues().tasks)
            : null;
        if (path) showAt(path, error.message);
        else {
          setPageError(error);
          setShown((n) => n + 1);
        }
      },
    });
  };

  const add = (phase: Phase) => {
    const rows = form.getValues().tasks;
    const row = newRow(rows, phase, "coordinator");
    form.insertListItem("tasks", row, insertionIndex(rows, phase));
    setFocusKey(row.key);
  };
  const move = (index: number, by: -1 | 1) => {
    form.reorderListItem("tasks", { from: index, to: index + by });
  };
  const remove = (index: number) => form.removeListItem("tasks", index);
  const changePhase = (index: number, phase: Phase) => {
    const rows = form.getValues().tasks.map((row, i) => (i === index ? { ...row, phase } : row));
    // Rows are shown grouped by phase and sent in that order; errors named by index would no
    // longer point at their row, so they go.
    form.clearErrors();
    form.setFieldValue("tasks", sortByPhase(rows));
  };

  const conflict = pageError?.kind === "conflict";
  const fieldErrors = Object.keys(form.errors).length > 0;

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit(submit)} data-testid="template-form">
      <Stack gap="md">
        <Anchor component={Link} to="/settings/templates" size="sm">
          {`← ${t("planning.templates.backToList")}`}
        </Anchor>
        <Title order={1} size="h2">
          {saved ? t("planning.templates.editTitle") : t("planning.templates.newTitle")}
        </Title>

        {justSaved && !pageError && (
          <Alert color="teal" data-testid="template-saved">
            {t("planning.templates.saved")}
          </Alert>
        )}
        {pageError && (
          <Alert
            ref={alertRef}
            tabIndex={-1}
            color={conflict ? "orange" : "red"}
            title={t(
              conflict ? "planning.templates.conflictTitle" : "planning.templates.errorTitle",
            )}
            data-testid={conflict ? "template-conflict" : "template-error"}
          >
            <Text size="sm">{pageError.message}</Text>
            {!conflict && (
              <Text size="sm" mt={4}>
                {t("planning.templates.nothingLost")}
              </Text>
            )}
            {conflict && (
              <Button
                mt="sm"
                size="xs"
                variant="default"
                onClick={onReload}
                data-testid="template-reload"
              >
                {t("planning.templates.reload")}
              </Button>
            )}
          </Alert>
        )}

        <TextInput
          ref={nameRef}
          maw={520}
          label={t("planning.templates.name")}
          data-testid="template-name"
          {...form.getInputProps("name")}
        />
        <Textarea
          maw={720}
          rows={2}
          label={t("planning.templates.note")}
          data-testid="template-note"
          {...form.getInputProps("note")}
        />
        <Checkbox
          label={t("planning.templates.isDefault")}
          description={saved?.is_default ? t("planning.templates.isDefaultLocked") : undefined}
          disabled={saved?.is_default ?? false}
          data-testid="template-is-default"
          {...form.getInputProps("is_default", { type: "checkbox" })}
        />

        <Stack gap={4}>
          <Title order={2} size="h4">
            {t("planning.templates.tasksTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("planning.templates.tasksHint")}
          </Text>
        </Stack>
        <TaskRows form={form} onAdd={add} onMove={move} onRemove={remove} onPhase={changePhase} />

        <Paper
          pos="sticky"
          bottom={0}
          py="sm"
          style={{ zIndex: 2, borderTop: "1px solid var(--mantine-color-gray-3)" }}
          radius={0}
        >
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="red.7" aria-live="polite">
              {fieldErrors ? t("planning.templates.fieldErrors") : ""}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" component={Link} to="/settings/templates">
                {t("planning.templates.cancel")}
              </Button>
              <WriteAction>
                <Button type="submit" loading={save.isPending} data-testid="template-save">
                  {saved ? t("planning.templates.save") : t("planning.templates.create")}
                </Button>
              </WriteAction>
            </Group>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}

/** A saved template's tasks as the core takes them back (to save it unchanged but default). */
export const taskInputs = (template: PathwayTemplate): TemplateTaskInput[] =>
  template.tasks.map(({ id, phase, role, title, note, offset_days }) => ({
    id,
    phase,
    role,
    title,
    note,
    offset_days,
  }));
