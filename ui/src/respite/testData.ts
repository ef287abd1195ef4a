// Respite answers as the core would give them, for the component tests. Months are built around
// the computer's today, since the calendar opens on the current month.
import type { BedTypeSetting, Booking, FacilityNights, NightBeds } from "../api";
import { todayIso } from "../cases/dates";
import { providerRow } from "../test/providers";
import { addDays, monthOf } from "./model";

export const FACILITY = providerRow(1, {
  id: "facility-1",
  kind: "short_stay",
  name: "すずかけ短期入所センター",
  kana: "スズカケタンキニュウショセンター",
});

export const VENTILATOR: BedTypeSetting = {
  id: "bed-1",
  row_version: 1,
  bed_type: "ventilator",
  beds: 1,
  max_stay_nights: 7,
  note: "",
};
export const MEDICAL: BedTypeSetting = { ...VENTILATOR, id: "bed-2", bed_type: "medical", beds: 4 };

/** A night a few days ahead, always in the month the calendar opens on (or the next). */
export const soon = (days: number) => addDays(todayIso(), days);

/** The facility's month: every night has each bed type's usual beds free, except `changes`. */
export function monthNights(
  month: string,
  settings: BedTypeSetting[] = [VENTILATOR, MEDICAL],
  changes: Record<string, Partial<NightBeds>[]> = {},
): FacilityNights {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const nights = Array.from({ length: days }, (_, i) => {
    const date = `${month}-${String(i + 1).padStart(2, "0")}`;
    return {
      date,
      beds: settings.map((s, j) => {
        const beds = { bed_type: s.bed_type, beds: s.beds, used: 0, waiting: 0, exception: false };
        const merged = { ...beds, ...(changes[date]?.[j] ?? {}) };
        return { ...merged, free: Math.max(0, merged.beds - merged.used) };
      }),
    };
  });
  return {
    facility_id: FACILITY.id,
    facility_name: FACILITY.name,
    month,
    bed_types: settings,
    nights,
  };
}

export const thisMonth = () => monthOf(todayIso());

export function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: "booking-1",
    row_version: 1,
    child_id: "child-1",
    case_number: "KH-2026-0001",
    child_name: "山田 1",
    facility_id: FACILITY.id,
    facility_name: FACILITY.name,
    bed_type: "ventilator",
    from: soon(1),
    to: soon(4),
    nights: 3,
    status: "confirmed",
    requested_at: "2026-11-20T01:00:00Z",
    status_at: "2026-11-20T01:00:00Z",
    reason: "家族の休息",
    note: "",
    ...overrides,
  };
}
