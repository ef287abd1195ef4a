import { Alert, Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OverdueLoan } from "../api";
import { currentLang } from "../i18n";
import { dateWithWeekday } from "../planning/dates";
import { Panel } from "./Panel";
import { useOverdueLoans } from "./useEquipment";

/**
 * 返却期限切れ: units not back by their due date on the office's today, the longest overdue first,
 * with the family to call. Always first on the page; framed in red while anything is in it.
 */
export function OverdueSection({ onReturn }: { onReturn: (unitId: string) => void }) {
  const { t } = useTranslation();
  const overdue = useOverdueLoans();
  const loans = overdue.data ?? [];
  return (
    <Panel
      title={t("equipment.overdue.title")}
      count={overdue.data ? t("equipment.count", { count: loans.length }) : undefined}
      danger={loans.length > 0}
      testId="equipment-overdue"
    >
      {overdue.isError ? (
        <Alert color="red" title={t("equipment.loadError")}>
          {overdue.error.message}
        </Alert>
      ) : overdue.isPending ? (
        <Text c="dimmed">{t("equipment.loading")}</Text>
      ) : loans.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="equipment-overdue-none">
          {t("equipment.overdue.none")}
        </Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t("equipment.overdue.call")}
          </Text>
          <OverdueTable loans={loans} onReturn={onReturn} />
        </>
      )}
    </Panel>
  );
}

function OverdueTable({
  loans,
  onReturn,
}: {
  loans: OverdueLoan[];
  onReturn: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Table verticalSpacing="xs" striped data-testid="equipment-overdue-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("equipment.overdue.unit")}</Table.Th>
          <Table.Th>{t("equipment.overdue.child")}</Table.Th>
          <Table.Th>{t("equipment.overdue.guardian")}</Table.Th>
          <Table.Th>{t("equipment.overdue.due")}</Table.Th>
          <Table.Th>{t("equipment.overdue.late")}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {loans.map(({ loan, days_overdue, guardian_name, guardian_phone }) => (
          <Table.Tr key={loan.id} data-testid="equipment-overdue-row">
            <Table.Td>
              <Text fw={700}>{loan.asset_tag}</Text>
              <Text size="sm" c="dimmed">
                {loan.type_name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text>{loan.child_name}</Text>
              <Text size="sm" c="dimmed">
                {t("equipment.caseNumber", { number: loan.case_number })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text>{guardian_name}</Text>
              <Text fw={700} data-testid="equipment-overdue-phone">
                {guardian_phone}
              </Text>
            </Table.Td>
            <Table.Td>{dateWithWeekday(t, loan.due_on, lang)}</Table.Td>
            <Table.Td>
              <Text c="red.8" fw={700} data-testid="equipment-overdue-days">
                {t("equipment.overdue.days", { count: days_overdue })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Button size="xs" variant="default" onClick={() => onReturn(loan.unit_id)}>
                {t("equipment.units.return")}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
