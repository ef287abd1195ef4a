import type { ProviderKind, RecordSource } from "../api";

/** The 15 kinds of DOMAIN.md §4, in its order (the order of the kind filter and the form). */
export const PROVIDER_KINDS: readonly ProviderKind[] = [
  "home_care_clinic",
  "pediatric_clinic",
  "hospital",
  "visiting_nursing",
  "home_help",
  "consultation_support",
  "short_stay",
  "disabled_children_facility",
  "child_day_service",
  "day_support",
  "pharmacy",
  "school",
  "health_center",
  "child_guidance_center",
  "equipment_vendor",
];

/** One colour per family of kinds, so a list can be scanned by kind at a glance. */
export const KIND_COLOR: Record<ProviderKind, string> = {
  home_care_clinic: "blue",
  pediatric_clinic: "blue",
  hospital: "indigo",
  visiting_nursing: "teal",
  home_help: "orange",
  consultation_support: "grape",
  short_stay: "pink",
  disabled_children_facility: "pink",
  child_day_service: "yellow",
  day_support: "yellow",
  pharmacy: "lime",
  school: "cyan",
  health_center: "gray",
  child_guidance_center: "gray",
  equipment_vendor: "dark",
};

export const RECORD_SOURCES: readonly RecordSource[] = ["survey", "open_data", "manual"];
