import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChangeEntry, ProviderDetail } from "../../api";
import { formatDateTime } from "../../cases/dates";
import { keyed } from "../../cases/keyed";
import { Section } from "../../cases/page/Section";
import { useMunicipalityNames } from "../conditions/useMunicipalityNames";
import { entryLines } from "./historyValues";

/** Entries shown before 「すべて表示」. */
const SHOWN = 10;
/** A long value is cut here; the full text is in its tooltip. */
const VALUE_CHARS = 120;

const cut = (text: string) => (text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text);

function Entry({ entry, nameOf }: { entry: ChangeEntry; nameOf: (code6: string) => string }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const lines = entryLines(t, exists, nameOf, entry);
  const entity = `providerHistory.entity.${entry.entity}`;
  const action = `casePage.action.${entry.action}`;
  return (
    <Stack gap={4} data-testid="provider-history-entry">
      <Group gap="sm">
        <Text size="sm" fw={700} ff="monospace">
          {formatDateTime(entry.at)}
        </Text>
        <Text size="sm">{entry.actor}</Text>
        <Badge size="sm" variant="light" color="gray">
          {exists(entity) ? t(entity as "providerHistory.entity.provider") : entry.entity}
        </Badge>
        <Text size="sm" c="dimmed">
          {exists(action) ? t(action as "casePage.action.update") : entry.action}
        </Text>
      </Group>
      {lines.length > 0 && (
        <Table fz="sm" verticalSpacing={2} withRowBorders={false} ml="md">
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.key}>
                <Table.Td w={200} c="dimmed">
                  {line.label}
                </Table.Td>
                <Table.Td>
                  {/* A new row has no before: only what was recorded is shown. */}
                  {line.before !== null && (
                    <>
                      <Text span size="sm" c="dimmed" td="line-through" title={line.before}>
                        {cut(line.before)}
                      </Text>
                      {" → "}
                    </>
                  )}
                  <Text span size="sm" fw={500} title={line.after}>
                    {cut(line.after)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Who changed what and when, from the audit rows, newest first. */
export function ProviderHistorySection({ detail }: { detail: ProviderDetail }) {
  const { t } = useTranslation();
  const nameOf = useMunicipalityNames();
  const [all, setAll] = useState(false);
  const entries = [...detail.history].sort((a, b) => b.at.localeCompare(a.at));
  const shown = all ? entries : entries.slice(0, SHOWN);
  return (
    <Section title={t("providerPage.history")} testId="provider-history">
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("providerPage.noHistory")}
        </Text>
      ) : (
        <Stack gap="md">
          {keyed(shown, (e) => `${e.at}-${e.entity}-${e.action}`).map(([key, entry]) => (
            <Entry key={key} entry={entry} nameOf={nameOf} />
          ))}
          {!all && entries.length > SHOWN && (
            <Group>
              <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
                {t("providerPage.showAll", { count: entries.length })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Section>
  );
}
