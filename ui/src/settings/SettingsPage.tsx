import { Code, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../app/LanguageSwitch";
import { AutoLockSection } from "./AutoLockSection";
import { BackupSection } from "./BackupSection";
import { PassphraseSection } from "./PassphraseSection";
import { RecoveryKeySection } from "./RecoveryKeySection";
import { TemplatesSection } from "./TemplatesSection";
import { UsersSection } from "./UsersSection";

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
      <PassphraseSection />
      <UsersSection />
      <RecoveryKeySection />
      <TemplatesSection />
      <AutoLockSection />
      <BackupSection />
    </Stack>
  );
}
