import { useQuery } from "@tanstack/react-query";
import { getChild } from "../api";

export const childKey = (id: string) => ["child", id] as const;

/** One case, by its row id, as the case page and the edit form show it. */
export function useChild(id: string) {
  return useQuery({
    queryKey: childKey(id),
    queryFn: () => getChild({ id, case_number: null }),
  });
}
