import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiError } from "../api";

type FieldForm = {
  clearErrors: () => void;
  setFieldError: (field: string, message: string) => void;
};

/**
 * A mutation for a form whose refusals by the core land at the field they name (one of
 * `fields`), or else in `elsewhere` for an alert; both are cleared when it runs again.
 */
export function useFieldMutation<V, R>(
  form: FieldForm,
  fields: readonly string[],
  mutationFn: (values: V) => Promise<R>,
  onDone: (result: R) => void,
  onStart?: () => void,
) {
  const [elsewhere, setElsewhere] = useState<ApiError | null>(null);
  const mutation = useMutation({
    mutationFn,
    onMutate: () => {
      setElsewhere(null);
      form.clearErrors();
      onStart?.();
    },
    onSuccess: onDone,
    onError: (e: ApiError) => {
      if (e.field && fields.includes(e.field)) form.setFieldError(e.field, e.message);
      else setElsewhere(e);
    },
  });
  return { mutation, elsewhere, clearElsewhere: () => setElsewhere(null) };
}
