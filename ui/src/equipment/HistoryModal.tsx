import { Alert, Badge, Button, Group, Modal, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EquipmentUnit } from "../api";
import { currentLang } from "../i18n";
import { dateWithWeekday } from "../planning/dates";
import { useUnitHistory } from "./useEquipment";

/** A unit's loans, the latest first: to whom, from when, due, back when and in what state. */
export function HistoryModal({ unit, onClose }: { unit: EquipmentUnit; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const history = useUnitHistory(unit.id);
  const loans = history.data?.loans ?? [];
  const day = (d: string) => dateWithWeekday(t, d, lang);
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("equipment.history.title", { tag: unit.asset_tag })}
    >
      {history.isError ? (
        <Alert color="red">{history.error.message}</Alert>
      ) : history.isPending ? (
        <Text c="dimmed">{t("equipment.loading")}</Text>
      ) : loans.length === 0 ? (
        <Text c="dimmed" data-testid="history-none">
          {t("equipment.history.none")}
        </Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="history-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("equipment.history.child")}</Table.Th>
              <Table.Th>{t("equipment.history.from")}</Table.Th>
              <Table.Th>{t("equipment.history.due")}</Table.Th>
              <Table.Th>{t("equipment.history.returned")}</Table.Th>
              <Table.Th>{t("equipment.history.condition")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loans.map((loan) => (
              <Table.Tr key={loan.id} data-testid="history-row">
                <Table.Td>
                  {loan.child_name}
                  <Text size="xs" c="dimmed">
                    {t("equipment.caseNumber", { number: loan.case_number })}
                  </Text>
                </Table.Td>
                <Table.Td>{day(loan.lent_on)}</Table.Td>
                <Table.Td>{day(loan.due_on)}</Table.Td>
                <Table.Td>
                  {loan.returned_on ? (
                    day(loan.returned_on)
                  ) : (
                    <Badge color="blue" variant="light">
                      {t("equipment.history.out")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {loan.return_condition ? t(`equipment.condition.${loan.return_condition}`) : ""}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t("equipment.history.close")}
        </Button>
      </Group>
    </Modal>
  );
}
