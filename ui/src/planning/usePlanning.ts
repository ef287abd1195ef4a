import { useQuery } from "@tanstack/react-query";
import { getTemplate, listTemplates, planningDashboard } from "../api";

/** Every read of the planning dashboard and templates starts with this key. */
export const PLANNING_KEY = ["planning"] as const;
export const TEMPLATES_KEY = [...PLANNING_KEY, "templates"] as const;
export const TEMPLATES_LIST_KEY = [...TEMPLATES_KEY, "list"] as const;
export const templateKey = (id: string) => [...TEMPLATES_KEY, "one", id] as const;

/**
 * The dashboard for one owner (null: everyone's). Read again each time it is shown: the tasks it
 * lists are changed on the plan pages, which do not know this key.
 */
export function useDashboard(owner: string | null) {
  return useQuery({
    queryKey: [...PLANNING_KEY, "dashboard", owner],
    queryFn: () => planningDashboard({ owner }),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

export function useTemplates() {
  return useQuery({ queryKey: TEMPLATES_LIST_KEY, queryFn: listTemplates });
}

export function useTemplate(id: string | null) {
  return useQuery({
    queryKey: templateKey(id ?? ""),
    queryFn: () => getTemplate(id ?? ""),
    enabled: id !== null,
  });
}
