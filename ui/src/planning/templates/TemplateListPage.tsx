import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type PathwayTemplate, saveTemplate } from "../../api";
import { TEMPLATES_KEY, useTemplates } from "../usePlanning";
import { taskInputs } from "./TemplateForm";

/** `/settings/templates`: every pathway template, the default first and marked. */
export function TemplateListPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const templates = useTemplates();
  const [madeDefault, setMadeDefault] = useState<string | null>(null);
  // Making a template the default saves it as it is, with the flag set (the core then clears the
  // flag of the previous default in the same transaction).
  const makeDefault = useMutation({
    mutationFn: (template: PathwayTemplate) =>
      saveTemplate({
        id: template.id,
        row_version: template.row_version,
        name: template.name,
        note: template.note,
        is_default: true,
        tasks: taskInputs(template),
      }),
    onSuccess: (saved) => {
      setMadeDefault(saved.name);
      void client.invalidateQueries({ queryKey: TEMPLATES_KEY });
    },
    onError: () => {
      setMadeDefault(null);
      void client.invalidateQueries({ queryKey: TEMPLATES_KEY });
    },
  });

  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/settings" size="sm">
        {`← ${t("planning.templates.backToSettings")}`}
      </Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("planning.templates.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("planning.templates.intro")}
        </Text>
      </Stack>
      {madeDefault && (
        <Alert color="teal" data-testid="templates-made-default">
          {t("planning.templates.madeDefault", { name: madeDefault })}
        </Alert>
      )}
      {makeDefault.error && (
        <Alert color="red" title={t("planning.templates.errorTitle")}>
          {makeDefault.error.message}
        </Alert>
      )}
      {templates.isError ? (
        <Alert color="red" title={t("planning.templates.loadError")}>
          {templates.error.message}
        </Alert>
      ) : templates.isPending ? (
        <Text c="dimmed">{t("planning.templates.loading")}</Text>
      ) : templates.data.length === 0 ? (
        <EmptyState
          py="xl"
          title={t("planning.templates.emptyTitle")}
          description={t("planning.templates.emptyHint")}
          data-testid="templates-empty"
        />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {templates.data.map((template) => (
            <Paper key={template.id} component="li" withBorder p="md" data-testid="template-item">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Group gap="sm">
                    <Anchor
                      component={Link}
                      to={`/settings/templates/${template.id}`}
                      fw={700}
                      size="lg"
                      data-testid="template-edit-link"
                    >
                      {template.name}
                    </Anchor>
                    {template.is_default && (
                      <Badge color="teal" data-testid="template-default">
                        {t("planning.templates.default")}
                      </Badge>
                    )}
                  </Group>
                  {template.note && (
                    <Text size="sm" c="dimmed">
                      {template.note}
                    </Text>
                  )}
                  <Text size="sm">
                    {t("planning.templates.taskCount", { count: template.tasks.length })}
                  </Text>
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    component={Link}
                    to={`/settings/templates/${template.id}`}
                    variant="default"
                    size="sm"
                  >
                    {t("planning.templates.edit")}
                  </Button>
                  <Button
                    component={Link}
                    to={`/settings/templates/new?from=${encodeURIComponent(template.id)}`}
                    variant="default"
                    size="sm"
                    data-testid="template-copy"
                  >
                    {t("planning.templates.copy")}
                  </Button>
                  {!template.is_default && (
                    <Button
                      size="sm"
                      variant="light"
                      loading={makeDefault.isPending && makeDefault.variables?.id === template.id}
                      onClick={() => makeDefault.mutate(template)}
                      data-testid="template-make-default"
                    >
                      {t("planning.templates.makeDefault")}
                    </Button>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
