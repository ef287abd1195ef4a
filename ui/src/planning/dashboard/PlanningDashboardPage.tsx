import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Dashboard } from "../../api";
import { currentLang } from "../../i18n";
import { addDays, dateWithWeekday } from "../dates";
import { useDashboard } from "../usePlanning";
import { useOwnerFilter } from "./ownerFilter";
import { PlanTable } from "./PlanTable";
import { TaskTable } from "./TaskTable";

/**
 * 退院支援: what is late, what is due this week (everyone's, or one owner's), and the active plans
 * by target date. Every row opens the child's plan.
 */
export function PlanningDashboardPage() {
  const { t } = useTranslation();
  const filter = useOwnerFilter();
  const dashboard = useDashboard(filter.owner);
  const lang = currentLang();

  return (
    <Stack gap="lg" data-testid="planning-dashboard">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={720}>
          <Title order={1} size="h2">
            {t("planning.dashboard.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("planning.dashboard.intro")}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          {dashboard.data && (
            <Text fw={700} data-testid="planning-today">
              {t("planning.dashboard.today", {
                date: dateWithWeekday(t, dashboard.data.today, lang),
              })}
            </Text>
          )}
          <Anchor component={Link} to="/settings/templates" size="sm">
            {t("planning.dashboard.editTemplates")}
          </Anchor>
        </Stack>
      </Group>

      {/* Filtering by owner means nothing before there is a plan. */}
      {!isEmpty(dashboard.data) && (
        <TextInput
          w={480}
          label={t("planning.dashboard.owner")}
          description={t("planning.dashboard.ownerDescription")}
          placeholder={t("planning.dashboard.ownerPlaceholder")}
          value={filter.typed}
          onChange={(event) => filter.set(event.currentTarget.value)}
          autoComplete="off"
          data-testid="planning-owner"
          rightSection={
            filter.typed ? (
              <CloseButton
                aria-label={t("planning.dashboard.ownerClear")}
                onClick={() => filter.set("")}
                data-testid="planning-owner-clear"
              />
            ) : null
          }
        />
      )}

      {dashboard.isError ? (
        <Alert color="red" title={t("planning.dashboard.loadError")}>
          {dashboard.error.message}
        </Alert>
      ) : dashboard.isPending ? (
        <Text c="dimmed">{t("planning.dashboard.loading")}</Text>
      ) : (
        <Sections data={dashboard.data} owner={filter.owner} />
      )}
    </Stack>
  );
}

const isEmpty = (data: Dashboard | undefined) =>
  data !== undefined &&
  data.plans.length === 0 &&
  data.overdue.length === 0 &&
  data.due_this_week.length === 0;

function Sections({ data, owner }: { data: Dashboard; owner: string | null }) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (isEmpty(data)) {
    return (
      <EmptyState
        py="xl"
        title={t("planning.dashboard.emptyTitle")}
        description={t("planning.dashboard.emptyHint")}
        data-testid="planning-empty"
      >
        <Button component={Link} to="/cases" mt="md" variant="default">
          {t("planning.dashboard.toCases")}
        </Button>
      </EmptyState>
    );
  }
  const none = (section: "overdue" | "week") =>
    owner
      ? t(`planning.dashboard.${section}.noneForOwner`, { owner })
      : t(`planning.dashboard.${section}.none`);
  return (
    <Stack gap="lg">
      <Section
        title={t("planning.dashboard.overdue.title")}
        count={data.overdue.length}
        danger
        testId="planning-overdue-section"
      >
        {data.overdue.length === 0 ? (
          <Text size="sm" c="dimmed">
            {none("overdue")}
          </Text>
        ) : (
          <TaskTable tasks={data.overdue} today={data.today} overdue testId="planning-overdue" />
        )}
      </Section>
      <Section
        title={t("planning.dashboard.week.title")}
        subtitle={t("planning.dashboard.week.range", {
          from: dateWithWeekday(t, data.today, lang),
          to: dateWithWeekday(t, addDays(data.today, 6), lang),
        })}
        count={data.due_this_week.length}
        testId="planning-week-section"
      >
        {data.due_this_week.length === 0 ? (
          <Text size="sm" c="dimmed">
            {none("week")}
          </Text>
        ) : (
          <TaskTable
            tasks={data.due_this_week}
            today={data.today}
            overdue={false}
            testId="planning-week"
          />
        )}
      </Section>
      <Section
        title={t("planning.dashboard.plans.title")}
        count={data.plans.length}
        testId="planning-plans-section"
      >
        {data.plans.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("planning.dashboard.plans.none")}
          </Text>
        ) : (
          <PlanTable plans={data.plans} />
        )}
      </Section>
    </Stack>
  );
}

type SectionProps = {
  title: string;
  subtitle?: string;
  count: number;
  danger?: boolean;
  testId: string;
  children: ReactNode;
};

function Section({ title, subtitle, count, danger = false, testId, children }: SectionProps) {
  const { t } = useTranslation();
  const alarming = danger && count > 0;
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      style={alarming ? { borderColor: "var(--mantine-color-red-5)" } : undefined}
    >
      <Group gap="sm" mb="sm" align="baseline">
        <Title order={2} size="h4" id={`${testId}-title`} c={alarming ? "red.8" : undefined}>
          {title}
        </Title>
        <Badge color={alarming ? "red" : "gray"} variant={alarming ? "filled" : "light"}>
          {t("planning.dashboard.count", { count })}
        </Badge>
        {subtitle && (
          <Text size="sm" c="dimmed">
            {subtitle}
          </Text>
        )}
      </Group>
      {children}
    </Paper>
  );
}
