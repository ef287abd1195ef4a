import type { SentRows } from "./values";

/**
 * The form field an error from the core belongs to. The core names fields by the request's shape
 * (`child.guardians[0].phone_primary`, `child.care_items[2].supervision`, `weight.weight_kg`; for
 * compute_scores `care_items[…]`); the form keeps care items by code and skips blank rows, so
 * indexes are translated through what was sent. Null when the path names no field of this form.
 */
export function formPathOf(field: string, sent: SentRows): string | null {
  const path = field.replace(/^child\./, "");
  if (path === "weight" || path === "weight.weight_kg") return "weight_kg";
  if (path === "weight.measured_on") return "weight_measured_on";

  const care = /^care_items\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (care) {
    const code = sent.care_items[Number(care[1])];
    if (!code) return null;
    const leaf = (care[2] ?? "code").replace(/^details\./, "");
    return `care.${code}.${leaf === "code" ? "checked" : leaf}`;
  }

  const row = /^(diagnoses|guardians)\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (row) {
    const list = row[1] as "diagnoses" | "guardians";
    const index = sent[list][Number(row[2])];
    if (index === undefined) return null;
    const leaf = row[3] ?? (list === "diagnoses" ? "text" : "name");
    return `${list}.${index}.${leaf}`;
  }

  return path.replace(/^severe_factors\./, "severe.").replace(/\[(\d+)\]/g, ".$1");
}

/** Whether `path` (dot separated) names a value the form holds. */
export function holdsField(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined && (typeof node !== "object" || node === null || Array.isArray(node));
}
