import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError, PlanSaved } from "../api";
import { planForChild } from "../api";
import { PLANNING_KEY } from "../planning/usePlanning";

/** The planning dashboard lists the tasks a plan page changes. */
export const DASHBOARD_KEY = [...PLANNING_KEY, "dashboard"] as const;

/** Every read of plans starts with this key, so one invalidation refreshes them all. */
export const PLANS_KEY = ["plans"] as const;

export const planKey = (childId: string) => [...PLANS_KEY, "child", childId] as const;

/** The child's active plan (null when it has none), as the plan page shows it. */
export function usePlanForChild(childId: string) {
  return useQuery({ queryKey: planKey(childId), queryFn: () => planForChild(childId) });
}

/**
 * A change made on the plan page. The core answers with the whole plan page, which replaces the
 * shown one; the dashboard is read again. A conflict means someone else saved first: the plan
 * is re-read so the next try carries the new row versions.
 */
export function usePlanWrite<Input>(childId: string, action: (input: Input) => Promise<PlanSaved>) {
  const client = useQueryClient();
  return useMutation<PlanSaved, ApiError, Input>({
    mutationFn: action,
    onSuccess: (saved) => {
      client.setQueryData(planKey(childId), saved.plan);
      void client.invalidateQueries({ queryKey: DASHBOARD_KEY });
    },
    onError: (error) => {
      if (error.kind === "conflict") void client.invalidateQueries({ queryKey: planKey(childId) });
    },
  });
}
