import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Where the pathway templates of discharge planning are edited (`/settings/templates`). */
export function TemplatesSection() {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      <Title order={2} size="h4">
        {t("planning.templates.settingsTitle")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("planning.templates.settingsDescription")}
      </Text>
      <Button
        component={Link}
        to="/settings/templates"
        variant="default"
        mt={4}
        data-testid="settings-templates"
      >
        {t("planning.templates.settingsOpen")}
      </Button>
    </Stack>
  );
}
