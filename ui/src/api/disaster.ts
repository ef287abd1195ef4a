// The disaster preparedness and document commands of docs/ipc.md: a child's disaster profile,
// the emergency roster (緊急時連絡網) and its export, and the PDF documents of a child. Reads of
// one child take `{ childId }`; the rest take one `{ request }`.
import type {
  DisasterProfile,
  DocumentRequest,
  DocumentSaved,
  ExportRosterRequest,
  Roster,
  RosterExported,
  RosterQuery,
  SaveDisasterProfileRequest,
} from "./bindings";
import { call } from "./call";

/** A child's profile; an empty one (row_version 0) when none was saved yet. */
export const getDisasterProfile = (childId: string): Promise<DisasterProfile> =>
  call("get_disaster_profile", { childId });

/** Saves with the version the form was loaded at; refusals name `profile.…` fields. */
export const saveDisasterProfile = (
  request: SaveDisasterProfileRequest,
): Promise<DisasterProfile> => call("save_disaster_profile", { request });

/** The children at home in risk order (ventilated first, the shortest batteries first). */
export const emergencyRoster = (request: RosterQuery): Promise<Roster> =>
  call("emergency_roster", { request });

/** Asks where to save (native dialog), then writes the roster; null when cancelled. */
export const exportRoster = (request: ExportRosterRequest): Promise<RosterExported | null> =>
  call("export_roster", { request });

/**
 * Asks where to save (native dialog), then writes the PDF; null when cancelled. A recipient the
 * family's consent does not cover is refused at `recipient` until acknowledged.
 */
export const exportDocument = (request: DocumentRequest): Promise<DocumentSaved | null> =>
  call("export_document", { request });
