import { type UseFormReturnType, useForm } from "@mantine/form";
import { useState } from "react";
import type { ApiError } from "../../api";
import { formPathOf, holdsField } from "./fieldPath";
import type { CaseFormValues, SentRows } from "./values";

export type CaseForm = UseFormReturnType<CaseFormValues>;

export function useCaseForm(initialValues: CaseFormValues): CaseForm {
  // Errors come from the core only (rules live there); a field's error clears when it is edited.
  return useForm<CaseFormValues>({ mode: "controlled", initialValues });
}

export type FormErrors = {
  /** An error that names no field of the form: shown above the save button. */
  pageError: ApiError | null;
  /** Bumped at each error shown, so the form can move to the first one. */
  shown: number;
  show: (error: ApiError, sent: SentRows) => void;
  clear: () => void;
};

/** Puts each error from the core at its field, or at the top of the form when it names none. */
export function useFormErrors(form: CaseForm): FormErrors {
  const [pageError, setPageError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState(0);
  const show = (error: ApiError, sent: SentRows) => {
    const path = error.kind === "validation" && error.field ? formPathOf(error.field, sent) : null;
    if (path && holdsField(form.getValues(), path)) {
      form.setFieldError(path, error.message);
      setPageError(null);
    } else {
      setPageError(error);
    }
    setShown((n) => n + 1);
  };
  const clear = () => {
    setPageError(null);
    form.clearErrors();
  };
  return { pageError, shown, show, clear };
}
