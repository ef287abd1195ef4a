import { NativeSelect, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../api";
import { type ColumnFields, fieldLabel, sampleOf } from "./mapping";

/** Sent by the select for 「取り込まない」: a select's value cannot be null. */
const SKIP = "";

type Props = {
  preview: ImportPreview;
  fields: ColumnFields;
  onChange: (index: number, field: string | null) => void;
  disabled?: boolean;
};

/** Each column of the file, its first values, and the field it fills (a native select). */
export function MappingTable({ preview, fields, onChange, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const options = [
    { value: SKIP, label: t("providerImport.skip") },
    ...preview.fields.map((field) => ({
      value: field.key,
      label: fieldLabel(field, i18n.language),
    })),
  ];

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder verticalSpacing={4} data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>{t("providerImport.column.header")}</Table.Th>
            <Table.Th>{t("providerImport.column.sample")}</Table.Th>
            <Table.Th w={300}>{t("providerImport.column.field")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.mapping.columns.map((column, index) => {
            const field = fields[index] ?? null;
            const sample = sampleOf(preview, index);
            return (
              // Columns may repeat a header; their position is what identifies them.
              // biome-ignore lint/suspicious/noArrayIndexKey: the column index is the identity
              <Table.Tr key={index} data-testid="import-mapping-row">
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {index + 1}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {column.header}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={sample.length ? undefined : "dimmed"} lineClamp={2}>
                    {sample.length ? sample.join(" / ") : "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    aria-label={`${column.header}: ${t("providerImport.column.field")}`}
                    data={options}
                    value={field ?? SKIP}
                    disabled={disabled}
                    onChange={(event) =>
                      onChange(
                        index,
                        event.currentTarget.value === SKIP ? null : event.currentTarget.value,
                      )
                    }
                    data-testid={`import-map-${index}`}
                    c={field === null ? "dimmed" : undefined}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
