import { Anchor, Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DashboardTask } from "../../api";
import { currentLang } from "../../i18n";
import { dateWithWeekday, daysBetween } from "../dates";
import { planPath } from "./paths";

type Props = {
  tasks: DashboardTask[];
  /** The office's date the dashboard was read on. */
  today: string;
  overdue: boolean;
  testId: string;
};

/**
 * Tasks of several children: when each is due (with how late, or how soon), whose plan it is,
 * what it is, the role and the owner. The task's title opens the child's plan.
 */
export function TaskTable({ tasks, today, overdue, testId }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>{t("planning.dashboard.column.due")}</Table.Th>
            <Table.Th w={200}>{t("planning.dashboard.column.child")}</Table.Th>
            <Table.Th>{t("planning.dashboard.column.task")}</Table.Th>
            <Table.Th w={150}>{t("planning.dashboard.column.role")}</Table.Th>
            <Table.Th w={160}>{t("planning.dashboard.column.owner")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((entry) => {
            const { task } = entry;
            const days = daysBetween(today, task.due_date);
            return (
              <Table.Tr key={task.id} data-testid={`${testId}-row`} data-overdue={overdue}>
                <Table.Td>
                  <Text size="sm" fw={overdue ? 700 : 500} c={overdue ? "red.8" : undefined}>
                    {dateWithWeekday(t, task.due_date, lang)}
                  </Text>
                  <Badge
                    size="sm"
                    variant={overdue ? "filled" : "light"}
                    color={overdue ? "red" : days === 0 ? "orange" : "teal"}
                    data-testid="task-when"
                  >
                    {overdue
                      ? t("planning.dashboard.overdue.days", { count: -days })
                      : days === 0
                        ? t("planning.dashboard.week.today")
                        : days === 1
                          ? t("planning.dashboard.week.tomorrow")
                          : t("planning.dashboard.week.inDays", { count: days })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {entry.child_name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t("planning.dashboard.caseNumber", { number: entry.case_number })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={planPath(entry.child_id)}
                    size="sm"
                    fw={500}
                    data-testid="task-link"
                  >
                    {task.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`planning.phase.${task.phase}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`planning.role.${task.role}`)}</Text>
                </Table.Td>
                <Table.Td>
                  {task.owner_name ? (
                    <Text size="sm">{task.owner_name}</Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("planning.dashboard.noOwner")}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
