import { useQuery } from "@tanstack/react-query";
import { emergencyRoster, getDisasterProfile } from "../api";

/** Every disaster read starts with this key; saving a profile invalidates all of them. */
export const DISASTER_KEY = ["disaster"] as const;
export const profileKey = (childId: string) => [...DISASTER_KEY, "profile", childId] as const;

export function useDisasterProfile(childId: string) {
  return useQuery({ queryKey: profileKey(childId), queryFn: () => getDisasterProfile(childId) });
}

/** The roster changes with every case and profile: read it each time it is shown. */
export function useRoster(municipalityCode: string | null) {
  return useQuery({
    queryKey: [...DISASTER_KEY, "roster", municipalityCode],
    queryFn: () => emergencyRoster({ municipality_code: municipalityCode }),
    placeholderData: (previous) => previous,
    staleTime: 0,
  });
}
