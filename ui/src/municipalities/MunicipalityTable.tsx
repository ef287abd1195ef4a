import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Municipality } from "../api";

const formatCoord = (value: number) => value.toFixed(4);

export function MunicipalityTable({ rows }: { rows: Municipality[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover stickyHeader data-testid="municipality-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("municipalities.column.code")}</Table.Th>
            <Table.Th>{t("municipalities.column.name")}</Table.Th>
            <Table.Th>{t("municipalities.column.kana")}</Table.Th>
            <Table.Th>{t("municipalities.column.kind")}</Table.Th>
            <Table.Th>{t("municipalities.column.location")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m.code6} data-code6={m.code6}>
              <Table.Td ff="monospace">{m.code6}</Table.Td>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{m.kana}</Table.Td>
              <Table.Td>{t(`municipalities.kind.${m.kind}`)}</Table.Td>
              <Table.Td ff="monospace" c="dimmed">
                {formatCoord(m.lat)}, {formatCoord(m.lon)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
