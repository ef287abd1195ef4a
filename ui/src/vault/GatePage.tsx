import { Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../app/LanguageSwitch";

/** The frame shared by the first-run and unlock pages: app name, language, one card. */
export function GatePage({
  title,
  children,
  size = 480,
}: {
  title: string;
  children: ReactNode;
  size?: number;
}) {
  const { t } = useTranslation();
  return (
    <Container size={size} py="xl">
      <Group justify="space-between" mb="lg">
        <Text fw={700} size="xl" c="teal.8">
          {t("app.name")}
        </Text>
        <LanguageSwitch />
      </Group>
      <Paper withBorder shadow="sm" p="xl">
        <Stack gap="md">
          <Title order={1} size="h3">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Container>
  );
}
