import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChangeEntry, ChildDetail } from "../../api";
import { formatDateTime } from "../dates";
import { keyed } from "../keyed";
import { Section } from "./Section";

/** Entries shown before 「すべて表示」. */
const SHOWN = 10;
/** A long value (a whole list) is cut here; the full text is in its tooltip. */
const VALUE_CHARS = 120;

/** A label from a group of strings when it has one for `key`, else the key as stored. */
function labelIn(t: TFunction, exists: (key: string) => boolean, group: string, key: string) {
  const path = `${group}.${key}`;
  return exists(path) ? t(path as "casePage.edit") : key;
}

/** Fields whose values are codes, shown with their label. */
const CODED: Record<string, string> = {
  code: "careItem",
  status: "status",
  supervision: "supervision",
  sex: "sex",
};

/**
 * A value from the audit log as a person reads it. The core gives text as it is and other values
 * as JSON text; codes are shown by their label.
 */
function readable(
  t: TFunction,
  exists: (key: string) => boolean,
  field: string,
  value: string | null,
): string {
  if (value === null || value === "") return t("casePage.emptyValue");
  const group = CODED[field];
  if (group === "careItem" && exists(`careItem.${value}.label`)) {
    return t(`careItem.${value}.label` as "careItem.ventilator.label");
  }
  if (group) return labelIn(t, exists, group, value);
  return objectText(value) ?? value;
}

/**
 * An object recorded whole (care-item details, certificates, consent) as 「key: value」 pairs
 * of what is set, instead of raw JSON; `null` when the text is not a JSON object.
 */
export function objectText(value: string): string | null {
  if (!value.startsWith("{")) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    const parts = Object.entries(parsed as Record<string, unknown>)
      .filter(
        ([, v]) => v !== null && v !== false && v !== "" && !(Array.isArray(v) && v.length === 0),
      )
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join("・") : String(v)}`);
    return parts.length === 0 ? "—" : parts.join(" / ");
  } catch {
    return null;
  }
}

const cut = (text: string) => (text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text);

function Entry({ entry }: { entry: ChangeEntry }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  // The core leaves out the columns it derives (search keys, links).
  const fields = entry.fields;
  return (
    <Stack gap={4} data-testid="history-entry">
      <Group gap="sm">
        <Text size="sm" fw={700} ff="monospace">
          {formatDateTime(entry.at)}
        </Text>
        <Text size="sm">{entry.actor}</Text>
        <Badge size="sm" variant="light" color="gray">
          {labelIn(t, exists, "casePage.entity", entry.entity)}
        </Badge>
        <Text size="sm" c="dimmed">
          {labelIn(t, exists, "casePage.action", entry.action)}
        </Text>
      </Group>
      {fields.length > 0 && (
        <Table fz="sm" verticalSpacing={2} withRowBorders={false} ml="md">
          <Table.Tbody>
            {fields.map((diff) => {
              const name =
                diff.field
                  .replace(/\[\d+\]/g, "")
                  .split(".")
                  .at(-1) ?? diff.field;
              const before = readable(t, exists, name, diff.before);
              const after = readable(t, exists, name, diff.after);
              return (
                <Table.Tr key={diff.field}>
                  <Table.Td w={160} c="dimmed" title={diff.field}>
                    {labelIn(t, exists, "historyField", name)}
                  </Table.Td>
                  <Table.Td>
                    {/* A new row has no before: only what was recorded is shown. */}
                    {diff.before !== null && (
                      <>
                        <Text span size="sm" c="dimmed" td="line-through" title={before}>
                          {cut(before)}
                        </Text>
                        {" → "}
                      </>
                    )}
                    <Text span size="sm" fw={500} title={after}>
                      {cut(after)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Who changed what and when, from the audit rows, newest first. */
export function HistorySection({ detail }: { detail: ChildDetail }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const entries = [...detail.history].sort((a, b) => b.at.localeCompare(a.at));
  const shown = all ? entries : entries.slice(0, SHOWN);
  return (
    <Section title={t("casePage.history")} testId="case-history">
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("casePage.noHistory")}
        </Text>
      ) : (
        <Stack gap="md">
          {keyed(shown, (e) => `${e.at}-${e.entity}-${e.action}`).map(([key, entry]) => (
            <Entry key={key} entry={entry} />
          ))}
          {!all && entries.length > SHOWN && (
            <Group>
              <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
                {t("casePage.showAll", { count: entries.length })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Section>
  );
}
