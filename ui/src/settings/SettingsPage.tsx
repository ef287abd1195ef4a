import { Code, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../app/LanguageSwitch";
import { BackupSection } from "./BackupSection";
import { TemplatesSection } from "./TemplatesSection";

export function SettingsPage({ dataDir }: { dataDir: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" maw={720}>
      <Title order={1} size="h2">
        {t("settings.title")}
      </Title>
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t("settings.dataDir")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("settings.dataDirDescription")}
        </Text>
        <Code block data-testid="settings-data-dir">
          {dataDir}
        </Code>
      </Stack>
      <Stack gap={4} align="flex-start">
        <Title order={2} size="h4">
          {t("language.label")}
        </Title>
        <LanguageSwitch testId="settings-language-switch" />
      </Stack>
      <TemplatesSection />
      <BackupSection />
    </Stack>
  );
}
