import { Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DuplicateCandidate } from "../../api";

type Props = {
  candidates: DuplicateCandidate[] | null;
  saving: boolean;
  onConfirm: () => void;
  onBack: () => void;
};

/**
 * Shown before a new case is saved when the core finds cases with the same reading and date of
 * birth, or a same contact phone. 「戻る」 (also Esc) is focused first: the safe choice.
 */
export function DuplicateWarning({ candidates, saving, onConfirm, onBack }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={candidates !== null}
      onClose={onBack}
      title={t("duplicate.title")}
      size="xl"
      centered
    >
      <Stack gap="md" data-testid="duplicate-warning">
        <Text size="sm">{t("duplicate.intro")}</Text>
        <Table withTableBorder striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("caseList.column.caseNumber")}</Table.Th>
              <Table.Th>{t("caseList.column.name")}</Table.Th>
              <Table.Th>{t("caseList.column.kana")}</Table.Th>
              <Table.Th>{t("casePage.dob")}</Table.Th>
              <Table.Th>{t("duplicate.reasons")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(candidates ?? []).map((c) => (
              <Table.Tr key={c.id} data-testid="duplicate-candidate">
                <Table.Td ff="monospace">{c.case_number}</Table.Td>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.kana}</Table.Td>
                <Table.Td>{c.date_of_birth}</Table.Td>
                <Table.Td>{c.reasons.map((r) => t(`duplicateReason.${r}`)).join("・")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack} data-autofocus data-testid="duplicate-back">
            {t("duplicate.back")}
          </Button>
          <Button
            color="orange"
            onClick={onConfirm}
            loading={saving}
            data-testid="duplicate-confirm"
          >
            {t("duplicate.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
