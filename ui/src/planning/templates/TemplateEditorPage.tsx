import { Alert, Button, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import type { PathwayTemplate } from "../../api";
import { TEMPLATES_LIST_KEY, templateKey, useTemplate } from "../usePlanning";
import { TemplateForm } from "./TemplateForm";
import { copyValues, newRow, templateValues } from "./values";

/** Navigation state after a template was created: the editor says it was saved. */
type SavedState = { saved?: boolean } | null;

/**
 * `/settings/templates/:id` edits a template; `/settings/templates/new?from=<id>` makes a new one
 * starting from a copy of another's tasks.
 */
export function TemplateEditorPage() {
  const { id = "" } = useParams();
  return id === "new" ? <NewTemplate /> : <EditTemplate id={id} />;
}

function EditTemplate({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const location = useLocation();
  const template = useTemplate(id);
  // Bumped after a save or a reload: the form starts again from what the core answered.
  const [generation, setGeneration] = useState(0);
  const [justSaved, setJustSaved] = useState(() => (location.state as SavedState)?.saved === true);

  if (template.isPending) return <Text c="dimmed">{t("planning.templates.loading")}</Text>;
  if (template.isError) return <LoadError message={template.error.message} />;

  const onSaved = (saved: PathwayTemplate) => {
    client.setQueryData(templateKey(saved.id), saved);
    void client.invalidateQueries({ queryKey: TEMPLATES_LIST_KEY });
    setJustSaved(true);
    setGeneration((n) => n + 1);
  };
  const onReload = () => {
    void template.refetch().then(() => {
      setJustSaved(false);
      setGeneration((n) => n + 1);
    });
  };
  return (
    <TemplateForm
      key={`${template.data.id}:${generation}`}
      saved={template.data}
      initial={templateValues(template.data)}
      justSaved={justSaved}
      onSaved={onSaved}
      onReload={onReload}
    />
  );
}

function NewTemplate() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = params.get("from");
  const source = useTemplate(from);

  if (from && source.isPending) return <Text c="dimmed">{t("planning.templates.loading")}</Text>;
  if (from && source.isError) return <LoadError message={source.error.message} />;

  const initial = source.data
    ? copyValues(source.data, t("planning.templates.copyName", { name: source.data.name }))
    : { name: "", note: "", is_default: false, tasks: [newRow([], "introduction", "coordinator")] };
  const onSaved = (saved: PathwayTemplate) => {
    client.setQueryData(templateKey(saved.id), saved);
    void client.invalidateQueries({ queryKey: TEMPLATES_LIST_KEY });
    navigate(`/settings/templates/${saved.id}`, { replace: true, state: { saved: true } });
  };
  return (
    <TemplateForm
      saved={null}
      initial={initial}
      justSaved={false}
      onSaved={onSaved}
      onReload={() => undefined}
    />
  );
}

function LoadError({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Alert color="red" title={t("planning.templates.loadError")}>
        {message}
      </Alert>
      <Button component={Link} to="/settings/templates" variant="default">
        {t("planning.templates.backToList")}
      </Button>
    </Stack>
  );
}
