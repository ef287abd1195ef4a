import type { ChildStatus } from "../api";

export const STATUSES: readonly ChildStatus[] = [
  "referred",
  "inpatient_planning",
  "at_home",
  "readmitted",
  "transitioned",
  "deceased",
  "closed",
];

/**
 * The moves docs/ipc.md allows, so the form offers only those; the core refuses any other on
 * field `status`. 移行 and 死亡 are final; a closed case may be reopened.
 */
const NEXT: Record<ChildStatus, readonly ChildStatus[]> = {
  referred: ["inpatient_planning", "at_home", "closed"],
  inpatient_planning: ["at_home", "transitioned", "deceased", "closed"],
  at_home: ["readmitted", "transitioned", "deceased", "closed"],
  readmitted: ["at_home", "transitioned", "deceased", "closed"],
  closed: ["referred"],
  transitioned: [],
  deceased: [],
};

export const nextStatuses = (status: ChildStatus): readonly ChildStatus[] => NEXT[status];

/** The statuses a case may start in at intake. */
export const INTAKE_STATUSES: readonly ChildStatus[] = [
  "referred",
  "inpatient_planning",
  "at_home",
  "readmitted",
];

/** Badge colours: active cases stand out, finished ones are grey. */
export const STATUS_COLOR: Record<ChildStatus, string> = {
  referred: "blue",
  inpatient_planning: "orange",
  at_home: "teal",
  readmitted: "red",
  transitioned: "gray",
  deceased: "dark",
  closed: "gray",
};
