import { useQuery } from "@tanstack/react-query";
import {
  type ApiError,
  equipmentTypes,
  equipmentUnits,
  officeNow,
  overdueLoans,
  unitHistory,
} from "../api";

/** Every read of equipment lending starts with this key; a write invalidates all of them. */
export const EQUIPMENT_KEY = ["equipment"] as const;
export const OFFICE_NOW_KEY = ["office-now"] as const;

/**
 * Now at the office, as the shell's stamps see it: forms start their dates from it. Read again
 * whenever a screen that needs it is shown (a laptop left open overnight must not lend "yesterday").
 */
export function useOfficeNow() {
  return useQuery({ queryKey: OFFICE_NOW_KEY, queryFn: officeNow, staleTime: 0 });
}

/** The office's today (YYYY-MM-DD) of an `office_now` answer. */
export const todayOf = (now: string | undefined): string => (now ?? "").slice(0, 10);

export function useEquipmentTypes() {
  return useQuery({ queryKey: [...EQUIPMENT_KEY, "types"], queryFn: equipmentTypes });
}

export function useEquipmentUnits(typeId: string | null) {
  return useQuery({
    queryKey: [...EQUIPMENT_KEY, "units", typeId],
    queryFn: () => equipmentUnits(typeId),
    placeholderData: (previous) => previous,
  });
}

/** The overdue list depends on the day as much as on the data: read it each time it is shown. */
export function useOverdueLoans() {
  return useQuery({
    queryKey: [...EQUIPMENT_KEY, "overdue"],
    queryFn: overdueLoans,
    staleTime: 0,
  });
}

export function useUnitHistory(unitId: string | null) {
  return useQuery({
    queryKey: [...EQUIPMENT_KEY, "history", unitId],
    queryFn: () => unitHistory(unitId ?? ""),
    enabled: unitId !== null,
  });
}

/**
 * The message the core gave for one field of a form, and the error when it names none of them
 * (then it is shown above the buttons).
 */
export function errorsAt(error: ApiError | null, fields: readonly string[]) {
  const at = (field: string) =>
    error?.kind === "validation" && error.field === field ? error.message : undefined;
  const elsewhere =
    error !== null && !(error.kind === "validation" && fields.includes(error.field ?? ""))
      ? error
      : null;
  return { at, elsewhere };
}
