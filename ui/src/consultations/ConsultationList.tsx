import { Alert, Badge, Button, Group, NativeSelect, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CallerType, ConsultationOutcome } from "../api";
import { normalizeDate } from "../cases/dates";
import { DateField } from "../cases/fields/DateField";
import { Panel } from "../equipment/Panel";
import { CALLER_TYPES, OUTCOMES } from "./codes";
import { useConsultationList } from "./useConsultations";

const blank = (text: string) => (text.trim() === "" ? null : text.trim());

/** The logged calls, the latest first, filtered by days, caller, outcome and words. */
export function ConsultationList() {
  const { t } = useTranslation();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [caller, setCaller] = useState<CallerType | "">("");
  const [outcome, setOutcome] = useState<ConsultationOutcome | "">("");
  const [text, setText] = useState("");
  const [words] = useDebouncedValue(text, 200);
  const filter = {
    from: from ? normalizeDate(from) : null,
    to: to ? normalizeDate(to) : null,
    caller_type: caller || null,
    outcome: outcome || null,
    child_id: null,
    text: blank(words),
    limit: 200,
  };
  const filtered = Object.values({ ...filter, limit: null, child_id: null }).some(
    (v) => v !== null,
  );
  const list = useConsultationList(filter);
  const rows = list.data?.consultations ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Panel
      title={t("consultations.list.title")}
      count={
        total === 0
          ? undefined
          : total === rows.length
            ? t("consultations.list.count", { total })
            : t("consultations.list.shown", { total, shown: rows.length })
      }
      testId="consultation-list"
    >
      <Group align="flex-end" gap="sm" mb="sm">
        <DateField
          w={150}
          label={t("consultations.list.from")}
          value={from}
          onChange={setFrom}
          data-testid="filter-from"
        />
        <DateField
          w={150}
          label={t("consultations.list.to")}
          value={to}
          onChange={setTo}
          data-testid="filter-to"
        />
        <NativeSelect
          w={190}
          label={t("consultations.list.caller")}
          value={caller}
          onChange={(event) => setCaller(event.currentTarget.value as CallerType | "")}
          data={[
            { value: "", label: t("consultations.list.any") },
            ...CALLER_TYPES.map((c) => ({ value: c, label: t(`consultations.caller.${c}`) })),
          ]}
          data-testid="filter-caller"
        />
        <NativeSelect
          w={170}
          label={t("consultations.list.outcome")}
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value as ConsultationOutcome | "")}
          data={[
            { value: "", label: t("consultations.list.any") },
            ...OUTCOMES.map((o) => ({ value: o, label: t(`consultations.outcome.${o}`) })),
          ]}
          data-testid="filter-outcome"
        />
        <TextInput
          w={200}
          label={t("consultations.list.text")}
          placeholder={t("consultations.list.textPlaceholder")}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autoComplete="off"
          data-testid="filter-text"
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setFrom("");
              setTo("");
              setCaller("");
              setOutcome("");
              setText("");
            }}
          >
            {t("consultations.list.clear")}
          </Button>
        )}
      </Group>
      {list.isError ? (
        <Alert color="red" title={t("consultations.list.loadError")}>
          {list.error.message}
        </Alert>
      ) : list.isPending ? null : rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="consultation-list-empty">
          {filtered ? t("consultations.list.noMatch") : t("consultations.list.empty")}
        </Text>
      ) : (
        <Table verticalSpacing="xs" striped data-testid="consultation-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("consultations.list.at")}</Table.Th>
              <Table.Th>{t("consultations.list.caller")}</Table.Th>
              <Table.Th>{t("consultations.list.child")}</Table.Th>
              <Table.Th>{t("consultations.list.topic")}</Table.Th>
              <Table.Th>{t("consultations.list.outcome")}</Table.Th>
              <Table.Th>{t("consultations.list.staff")}</Table.Th>
              <Table.Th ta="right">{t("consultations.list.minutes")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id} data-testid="consultation-row">
                <Table.Td style={{ whiteSpace: "nowrap" }}>{c.at_local}</Table.Td>
                <Table.Td>{t(`consultations.caller.${c.caller_type}`)}</Table.Td>
                <Table.Td>{c.child_name ?? ""}</Table.Td>
                <Table.Td>
                  {c.topic}
                  {c.note && (
                    <Text size="xs" c="dimmed">
                      {c.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={c.outcome === "emergency_admission" ? "red" : "teal"}
                  >
                    {t(`consultations.outcome.${c.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.staff}</Table.Td>
                <Table.Td ta="right">{c.minutes ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}
