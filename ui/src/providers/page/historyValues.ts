// The provider's audit rows as a person reads them: codes by their label, and the conditions —
// stored as one JSON value — as the questions whose answer changed.
import type { TFunction } from "i18next";
import type { Answer, ChangeEntry, Conditions, FieldDiff, PublicationConsent } from "../../api";
import { CARE_CODES } from "../../cases/careItems";
import { ANSWER_SYMBOL, careAnswer, GENERAL_ANSWERS, unansweredConditions } from "../answers";
import { ageRange, formatAgeLimit, weightRange } from "../limits";

export type Line = { key: string; label: string; before: string | null; after: string };

function parse<T>(text: string | null): T | null {
  if (text === null || text === "") return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

const answerText = (t: TFunction, a: Answer) => `${ANSWER_SYMBOL[a]} ${t(`providerAnswer.${a}`)}`;

function conditionsOf(text: string | null): Conditions | null {
  const parsed = parse<Partial<Conditions>>(text);
  return parsed ? { ...unansweredConditions(), ...parsed } : null;
}

/** The questions whose answer differs between two answers, one line each. */
export function conditionsChanges(
  t: TFunction,
  nameOf: (code6: string) => string,
  before: Conditions,
  after: Conditions,
): Line[] {
  const lines: Line[] = [];
  const push = (key: string, label: string, b: string, a: string) => {
    if (b !== a) lines.push({ key, label, before: b, after: a });
  };
  for (const key of GENERAL_ANSWERS) {
    push(
      key,
      t(`providerConditions.question.${key}`),
      answerText(t, before[key]),
      answerText(t, after[key]),
    );
  }
  for (const code of CARE_CODES) {
    push(
      code,
      t(`careItem.${code}.label`),
      answerText(t, careAnswer(before, code)),
      answerText(t, careAnswer(after, code)),
    );
  }
  const none = t("providerConditions.noLimit");
  push("age", t("providerConditions.age"), ageRange(t, before) ?? none, ageRange(t, after) ?? none);
  push(
    "weight",
    t("providerConditions.weight"),
    weightRange(t, before) ?? none,
    weightRange(t, after) ?? none,
  );
  const area = (c: Conditions) =>
    [
      c.service_area.municipality_codes.map(nameOf).join("・"),
      c.service_area.radius_km !== null &&
        t("providerConditions.radius", { km: c.service_area.radius_km }),
    ]
      .filter(Boolean)
      .join(" ・ ") || none;
  push("area", t("providerConditions.serviceArea"), area(before), area(after));
  push("free_text", t("providerConditions.freeText"), before.free_text, after.free_text);
  return lines;
}

/** A whole answer in one line: how many ○, × and 未回答. */
function conditionsSummary(t: TFunction, c: Conditions): string {
  const answers = [
    ...GENERAL_ANSWERS.map((key) => c[key]),
    ...CARE_CODES.map((code) => careAnswer(c, code)),
  ];
  const count = (a: Answer) => answers.filter((x) => x === a).length;
  const age = ageRange(t, c);
  return [
    t("providerHistory.summary", { yes: count("yes"), no: count("no"), unknown: count("unknown") }),
    age && `${t("providerConditions.age")} ${age}`,
  ]
    .filter(Boolean)
    .join(" ・ ");
}

function publicationText(t: TFunction, text: string | null): string | null {
  const p = parse<PublicationConsent>(text);
  if (!p) return text;
  const parts = (["name", "address", "phone", "contact_person", "conditions"] as const).filter(
    (part) => p[part],
  );
  const what =
    parts.length === 0
      ? t("providerHistory.publishNothing")
      : t("providerHistory.publish", {
          parts: parts.map((part) => t(`providerPublication.${part}`)).join("・"),
        });
  return p.consented_on ? `${what}（${p.consented_on}）` : what;
}

/** A stored value as text: codes by label; null when there was none. */
function valueText(
  t: TFunction,
  nameOf: (code6: string) => string,
  field: string,
  value: string | null,
): string | null {
  if (value === null || value === "") return null;
  switch (field) {
    case "kind":
      return t(`providerKind.${value}.label` as "providerKind.hospital.label");
    case "record_source":
    case "source":
      return t(`providerSource.${value}` as "providerSource.survey");
    case "location_source":
      return t(
        `providerHistory.locationSource.${value}` as "providerHistory.locationSource.entered",
      );
    case "municipality_code":
      return nameOf(value);
    case "publication":
      return publicationText(t, value);
    case "age_min_months":
    case "age_max_months":
      return formatAgeLimit(t, Number(value));
    default:
      return value;
  }
}

/** The lines of one audit entry: one per changed field, one per changed question. */
export function entryLines(
  t: TFunction,
  exists: (key: string) => boolean,
  nameOf: (code6: string) => string,
  entry: ChangeEntry,
): Line[] {
  const label = (field: string) => {
    const key = `providerHistory.field.${field}`;
    return exists(key) ? t(key as "providerHistory.field.name") : field;
  };
  const empty = t("providerHistory.emptyValue");
  return entry.fields.flatMap((diff: FieldDiff): Line[] => {
    if (diff.field === "conditions") {
      const before = conditionsOf(diff.before);
      const after = conditionsOf(diff.after);
      if (after && before) return conditionsChanges(t, nameOf, before, after);
      if (after) {
        return [
          {
            key: "conditions",
            label: label("conditions"),
            before: null,
            after: conditionsSummary(t, after),
          },
        ];
      }
    }
    const before = valueText(t, nameOf, diff.field, diff.before);
    return [
      {
        key: diff.field,
        label: label(diff.field),
        before: diff.before === null ? null : (before ?? empty),
        after: valueText(t, nameOf, diff.field, diff.after) ?? empty,
      },
    ];
  });
}
