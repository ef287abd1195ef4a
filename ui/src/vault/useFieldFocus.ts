import { useMemo, useRef } from "react";
import type { ApiError } from "../api";

/**
 * The focus of the gate's forms (setup, recovery): a refusal from the core that names one of
 * `fields` is shown at that field and takes the focus; when the form's own checks fail the focus
 * goes to the first field they name; anything else is a page error for an alert. `fields` must
 * be a constant (the refs are made once from it).
 */
export function useFieldFocus<F extends string>(
  fields: readonly F[],
  setFieldError: (field: F, message: string) => void,
) {
  const elements = useRef(new Map<F, HTMLInputElement | null>());
  const refs = useMemo(
    () =>
      Object.fromEntries(
        fields.map((f) => [
          f,
          (el: HTMLInputElement | null) => {
            elements.current.set(f, el);
          },
        ]),
      ) as Record<F, (el: HTMLInputElement | null) => void>,
    [fields],
  );
  const focus = (field: F) => elements.current.get(field)?.focus();
  const isField = (name: string | null | undefined): name is F => fields.includes(name as F);
  return {
    refs,
    focus,
    atField: (error: ApiError) => {
      if (isField(error.field)) {
        setFieldError(error.field, error.message);
        focus(error.field);
      }
    },
    toFirstInvalid: (errors: Record<string, unknown>) => {
      const first = fields.find((field) => errors[field]);
      if (first) focus(first);
    },
    pageError: (error: ApiError | null) => (error && !isField(error.field) ? error : null),
  };
}
