import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError, ChildDetail } from "../../api";
import { CASES_KEY } from "../list/useCaseSearch";
import { childKey } from "../useChild";

/**
 * A change made from the case page (status, weight). The core answers with the whole case, which
 * replaces the shown one; the list is refreshed too. A conflict means someone else saved first:
 * the case is re-read so the next try carries the new version.
 */
export function useCaseAction<Input>(id: string, action: (input: Input) => Promise<ChildDetail>) {
  const client = useQueryClient();
  return useMutation<ChildDetail, ApiError, Input>({
    mutationFn: action,
    onSuccess: (detail) => {
      client.setQueryData(childKey(id), detail);
      void client.invalidateQueries({ queryKey: CASES_KEY });
    },
    onError: (error) => {
      if (error.kind === "conflict") void client.invalidateQueries({ queryKey: childKey(id) });
    },
  });
}
