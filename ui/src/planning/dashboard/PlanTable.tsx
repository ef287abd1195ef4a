import { Anchor, Badge, Group, Progress, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PlanSummary } from "../../api";
import { currentLang } from "../../i18n";
import { dateWithWeekday } from "../dates";
import { planPath } from "./paths";

/** Active plans by target date: how many days are left, how far the tasks are, what is late. */
export function PlanTable({ plans }: { plans: PlanSummary[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="planning-plans">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={220}>{t("planning.dashboard.column.child")}</Table.Th>
            <Table.Th w={170}>{t("planning.dashboard.column.target")}</Table.Th>
            <Table.Th w={150}>{t("planning.dashboard.column.left")}</Table.Th>
            <Table.Th>{t("planning.dashboard.column.progress")}</Table.Th>
            <Table.Th w={130}>{t("planning.dashboard.column.overdue")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <Table.Tr key={plan.plan_id} data-testid="planning-plan-row">
              <Table.Td>
                <Anchor
                  component={Link}
                  to={planPath(plan.child_id)}
                  size="sm"
                  fw={700}
                  data-testid="plan-link"
                >
                  {plan.child_name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t("planning.dashboard.caseNumber", { number: plan.case_number })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dateWithWeekday(t, plan.target_date, lang)}</Text>
              </Table.Td>
              <Table.Td>
                <DaysLeft days={plan.days_to_target} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Progress
                    value={plan.total_tasks === 0 ? 0 : (plan.done_tasks * 100) / plan.total_tasks}
                    color="teal"
                    size="md"
                    aria-label={t("planning.dashboard.plans.progressLabel", {
                      done: plan.done_tasks,
                      total: plan.total_tasks,
                    })}
                  />
                  <Text size="xs" c="dimmed" data-testid="plan-progress">
                    {t("planning.dashboard.plans.progress", {
                      done: plan.done_tasks,
                      total: plan.total_tasks,
                    })}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                {plan.overdue_tasks > 0 ? (
                  <Badge color="red" variant="filled" data-testid="plan-overdue">
                    {t("planning.dashboard.plans.overdueCount", { count: plan.overdue_tasks })}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("planning.dashboard.plans.noOverdue")}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days < 0) {
    return (
      <Text size="sm" fw={700} c="red.8" data-testid="plan-days-left">
        {t("planning.dashboard.plans.daysPast", { count: -days })}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={700} c={days <= 14 ? "orange.8" : undefined} data-testid="plan-days-left">
        {days === 0
          ? t("planning.dashboard.plans.targetToday")
          : t("planning.dashboard.plans.daysLeft", { count: days })}
      </Text>
    </Group>
  );
}
