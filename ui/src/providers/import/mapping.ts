import type { FieldInfo, ImportPreview, Mapping } from "../../api";

/** The field chosen for each column of the file, by column index; null: not imported. */
export type ColumnFields = (string | null)[];

/** What the core recognised, as the starting point of the mapping step. */
export const fieldsOf = (preview: ImportPreview): ColumnFields =>
  preview.mapping.columns.map((column) => column.field);

/** The recognised mapping with the person's choice for each column. */
export function mappingWith(preview: ImportPreview, fields: ColumnFields): Mapping {
  return {
    ...preview.mapping,
    columns: preview.mapping.columns.map((column, index) => ({
      header: column.header,
      field: fields[index] ?? null,
    })),
  };
}

/** The first values of one column in the preview's sample rows, blanks left out. */
export function sampleOf(preview: ImportPreview, index: number, count = 3): string[] {
  return preview.sample
    .map((row) => (row[index] ?? "").trim())
    .filter((value) => value !== "")
    .slice(0, count);
}

export const fieldLabel = (field: FieldInfo, lang: string): string =>
  lang === "en" ? field.label_en : field.label_ja;
