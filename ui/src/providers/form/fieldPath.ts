import type { SentCare } from "./request";

/**
 * The form field an error from the core belongs to. The core names fields by the request's shape
 * (`provider.phone`, `provider.conditions.care_items[1].code`, `answered_on`; for a recorded
 * answer `conditions.age_max_months`); the form keeps care items by code and sends only the
 * answered ones, so an index is translated through what was sent. Null when the path names no
 * field of the form.
 */
export function providerFormPath(field: string, sent: SentCare): string | null {
  const path = field.replace(/^provider\./, "");
  const care = /^conditions\.care_items\[(\d+)\](?:\..+)?$/.exec(path);
  if (care) {
    const code = sent[Number(care[1])];
    return code ? `conditions.care.${code}` : null;
  }
  // One select holds every municipality of the service area.
  if (/^conditions\.service_area\.municipality_codes(\[\d+\])?$/.test(path)) {
    return "conditions.service_area.municipality_codes";
  }
  if (/\[\d+\]/.test(path)) return null;
  return path;
}
