import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import type { ApiError } from "../../api";
import { holdsField } from "../../cases/form/fieldPath";
import { providerFormPath } from "./fieldPath";
import type { SentCare } from "./request";

export type FormErrors = {
  /** An error that names no field of the form: shown at the top of the form. */
  pageError: ApiError | null;
  /** Bumped at each error shown, so the form can move to the first one. */
  shown: number;
  show: (error: ApiError, sent: SentCare) => void;
  /** An error found before asking the core (a kind not chosen). */
  showAt: (path: string, message: string) => void;
  clear: () => void;
};

/** Puts each error from the core at its field, or at the top of the form when it names none. */
export function useFormErrors<Values extends object>(form: UseFormReturnType<Values>): FormErrors {
  const [pageError, setPageError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState(0);
  const showAt = (path: string, message: string) => {
    form.setFieldError(path, message);
    setPageError(null);
    setShown((n) => n + 1);
  };
  const show = (error: ApiError, sent: SentCare) => {
    const path =
      error.kind === "validation" && error.field ? providerFormPath(error.field, sent) : null;
    if (path && holdsField(form.getValues(), path)) {
      showAt(path, error.message);
      return;
    }
    setPageError(error);
    setShown((n) => n + 1);
  };
  const clear = () => {
    setPageError(null);
    form.clearErrors();
  };
  return { pageError, shown, show, showAt, clear };
}

/**
 * Brings the first field in error into view and focuses it; a 3-way control takes focus on its
 * chosen option. Without a field in error, the alert at the top takes it.
 */
export function focusFirstError(root: HTMLElement | null, fallback: HTMLElement | null) {
  const invalid = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target =
    invalid?.getAttribute("role") === "radiogroup"
      ? (invalid.querySelector<HTMLElement>("input:checked") ?? invalid.querySelector("input"))
      : (invalid ?? fallback);
  target?.scrollIntoView({ block: "center" });
  target?.focus({ preventScroll: true });
}
