import { Alert, Button, Code, Container, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api";
import { LanguageSwitch } from "./LanguageSwitch";

type Props = { problem: ApiError; dataDir: string | null; onRetry: () => void };

/** Full page for a data directory the app cannot use: what happened, where, and what to do. */
export function ProblemPage({ problem, dataDir, onRetry }: Props) {
  const { t } = useTranslation();
  const advice =
    problem.kind === "conflict" || problem.kind === "io"
      ? t(`problem.advice.${problem.kind}`)
      : t("problem.advice.other");
  return (
    <Container size="sm" py="xl" data-testid="app-problem">
      <Group justify="space-between" mb="lg">
        <Text fw={700} size="xl" c="teal.8">
          {t("app.name")}
        </Text>
        <LanguageSwitch />
      </Group>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t("problem.title")}
        </Title>
        <Alert color="red" variant="light" title={t(`errorKind.${problem.kind}`)}>
          {problem.message}
        </Alert>
        {dataDir && (
          <Text size="sm">
            {t("problem.dataDir")}
            <Code>{dataDir}</Code>
          </Text>
        )}
        <Title order={2} size="h4">
          {t("problem.whatToDo")}
        </Title>
        <Text>{advice}</Text>
        <Group>
          <Button onClick={onRetry}>{t("problem.retry")}</Button>
        </Group>
      </Stack>
    </Container>
  );
}
