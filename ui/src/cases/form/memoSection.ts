import { type ComponentType, memo } from "react";
import type { CaseForm } from "./useCaseForm";
import type { CaseFormValues } from "./values";

/** The errors whose field is one of `fields` or lies under one, as comparable text. */
function errorsOf(errors: CaseForm["errors"], fields: readonly string[]): string {
  return JSON.stringify(
    Object.entries(errors).filter(([path]) =>
      fields.some((field) => path === field || path.startsWith(`${field}.`)),
    ),
  );
}

/**
 * A part of the case form that renders again only when what it shows changes: the values it
 * reads (compared by content: the form deep-copies its values at every change) or the errors of
 * its fields.
 * Typing in one field then re-renders one part, not the whole form. Skipping a render is safe:
 * the form's handlers read its live state, as they do in Mantine's uncontrolled mode.
 */
export function memoSection<P extends { form: CaseForm }>(
  Component: ComponentType<P>,
  reads: (values: CaseFormValues, props: P) => unknown[],
  fields: (props: P) => readonly string[],
) {
  return memo(Component, (prev, next) => {
    for (const key of Object.keys(next) as (keyof P)[]) {
      if (key !== "form" && prev[key] !== next[key]) return false;
    }
    const before = JSON.stringify(reads(prev.form.values, prev));
    if (before !== JSON.stringify(reads(next.form.values, next))) return false;
    return errorsOf(prev.form.errors, fields(prev)) === errorsOf(next.form.errors, fields(next));
  });
}
