import { ActionIcon, Alert, Group, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsultationCounts } from "../api";
import { Panel } from "../equipment/Panel";
import { CALLER_TYPES, OUTCOMES } from "./codes";
import { useConsultationCounts } from "./useConsultations";

type Row = { key: string; label: string; of: (c: ConsultationCounts) => number; strong?: boolean };

/**
 * 月別件数: a calendar year's calls per office month, by outcome and by caller, with the year's
 * total — the figures of the yearly report (its 年度 can add up the months it needs).
 */
export function MonthlyCounts({ initialYear }: { initialYear: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(initialYear);
  const counts = useConsultationCounts(year);
  const data = counts.data;
  const rows: { group: string; rows: Row[] }[] = [
    {
      group: t("consultations.counts.byOutcome"),
      rows: OUTCOMES.map((o) => ({
        key: o,
        label: t(`consultations.outcome.${o}`),
        of: (c) => c.by_outcome[o],
      })),
    },
    {
      group: t("consultations.counts.byCaller"),
      rows: CALLER_TYPES.map((k) => ({
        key: k,
        label: t(`consultations.caller.${k}`),
        of: (c) => c.by_caller[k],
      })),
    },
  ];
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const cell = (n: number) =>
    n === 0 ? (
      <Text c="dimmed" span>
        0
      </Text>
    ) : (
      n
    );

  return (
    <Panel
      title={t("consultations.counts.title")}
      testId="consultation-counts"
      right={
        <Group gap={4}>
          <ActionIcon
            variant="default"
            aria-label={t("consultations.counts.prev")}
            onClick={() => setYear(year - 1)}
          >
            ‹
          </ActionIcon>
          <Text fw={700} w={80} ta="center" data-testid="counts-year">
            {t("consultations.counts.year", { year })}
          </Text>
          <ActionIcon
            variant="default"
            aria-label={t("consultations.counts.next")}
            onClick={() => setYear(year + 1)}
          >
            ›
          </ActionIcon>
        </Group>
      }
    >
      {counts.isError ? (
        <Alert color="red" title={t("consultations.counts.loadError")}>
          {counts.error.message}
        </Alert>
      ) : !data ? null : (
        <>
          {data.year_total.total === 0 && (
            <Text size="sm" c="dimmed" mb="xs" data-testid="counts-empty">
              {t("consultations.counts.empty", { year: data.year })}
            </Text>
          )}
          <Table.ScrollContainer minWidth={900}>
            <Table
              withColumnBorders
              withTableBorder
              fz="sm"
              verticalSpacing={4}
              data-testid="counts-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  {months.map((m) => (
                    <Table.Th key={m} ta="right">
                      {t("consultations.counts.month", { month: m })}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t("consultations.counts.total")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <CountRow
                  row={{
                    key: "all",
                    label: t("consultations.counts.all"),
                    of: (c) => c.total,
                    strong: true,
                  }}
                  data={data}
                  cell={cell}
                />
                {rows.map(({ group, rows: groupRows }) => [
                  <Table.Tr key={group}>
                    <Table.Th colSpan={14} bg="gray.0">
                      {group}
                    </Table.Th>
                  </Table.Tr>,
                  ...groupRows.map((row) => (
                    <CountRow key={row.key} row={row} data={data} cell={cell} />
                  )),
                ])}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Panel>
  );
}

function CountRow({
  row,
  data,
  cell,
}: {
  row: Row;
  data: { months: { month: number; counts: ConsultationCounts }[]; year_total: ConsultationCounts };
  cell: (n: number) => React.ReactNode;
}) {
  return (
    <Table.Tr data-testid={`counts-row-${row.key}`}>
      <Table.Th fw={row.strong ? 700 : 500} style={{ whiteSpace: "nowrap" }}>
        {row.label}
      </Table.Th>
      {data.months.map((m) => (
        <Table.Td key={m.month} ta="right" fw={row.strong ? 700 : undefined}>
          {cell(row.of(m.counts))}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={700}>
        {row.of(data.year_total)}
      </Table.Td>
    </Table.Tr>
  );
}
