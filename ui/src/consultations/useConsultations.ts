import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ConsultationFilter, consultationCounts, listConsultations } from "../api";

/** Every read of the consultation log starts with this key; logging a call invalidates them. */
export const CONSULTATIONS_KEY = ["consultations"] as const;

export function useConsultationList(filter: ConsultationFilter) {
  return useQuery({
    queryKey: [...CONSULTATIONS_KEY, "list", filter],
    queryFn: () => listConsultations(filter),
    placeholderData: keepPreviousData,
  });
}

export function useConsultationCounts(year: number | null) {
  return useQuery({
    queryKey: [...CONSULTATIONS_KEY, "counts", year],
    queryFn: () => consultationCounts(year ?? 0),
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
}

/** `2026-12-01T10:00:00+09:00` (office now) as the form shows it: `2026-12-01 10:00`. */
export const atOf = (officeNow: string) => officeNow.slice(0, 16).replace("T", " ");
