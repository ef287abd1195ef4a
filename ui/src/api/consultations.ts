// The consultation log commands of docs/ipc.md ("Consultation log").
import type {
  Consultation,
  ConsultationFilter,
  ConsultationInput,
  ConsultationList,
  YearCounts,
} from "./bindings";
import { call } from "./call";

/** Logs one call; a blank required field is refused at that field. */
export const recordConsultation = (input: ConsultationInput): Promise<Consultation> =>
  call("record_consultation", { input });

/** The calls matching every filter given, the latest first. */
export const listConsultations = (input: ConsultationFilter): Promise<ConsultationList> =>
  call("list_consultations", { input });

/** A calendar year's calls per office month, by outcome and caller type. */
export const consultationCounts = (year: number): Promise<YearCounts> =>
  call("consultation_counts", { year });

/**
 * Now at the office (UTC+9) as the shell's stamps see it, `2026-12-01T10:00:00+09:00`: forms
 * start from it, so their "today" and "now" agree with the core's (and with a test clock).
 */
export const officeNow = (): Promise<string> => call("office_now");
