import type { PathwayTemplate, Phase, Role, SaveTemplateRequest } from "../../api";
import { foldWidth } from "../../cases/dates";
import { PHASE_OFFSET, PHASES } from "../codes";

/** One task row of the editor. `key` stays with the row as it moves; `offset` is text as typed. */
export type TaskRow = {
  key: string;
  id: string | null;
  phase: Phase;
  role: Role;
  title: string;
  note: string;
  offset: string;
};

export type TemplateValues = {
  name: string;
  note: string;
  is_default: boolean;
  tasks: TaskRow[];
};

let lastKey = 0;
const newKey = () => {
  lastKey += 1;
  return `new-${lastKey}`;
};

const phaseIndex = (phase: Phase) => PHASES.indexOf(phase);

/** The rows grouped by phase in time order, keeping their order within a phase. */
export function sortByPhase(rows: TaskRow[]): TaskRow[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => phaseIndex(a.row.phase) - phaseIndex(b.row.phase) || a.i - b.i)
    .map(({ row }) => row);
}

/** The editor's values for a saved template. */
export function templateValues(template: PathwayTemplate): TemplateValues {
  return {
    name: template.name,
    note: template.note,
    is_default: template.is_default,
    tasks: sortByPhase(
      template.tasks.map((task) => ({
        key: task.id,
        id: task.id,
        phase: task.phase,
        role: task.role,
        title: task.title,
        note: task.note,
        offset: String(task.offset_days),
      })),
    ),
  };
}

/** A new template made from another one's tasks (none of its ids), not the default. */
export function copyValues(template: PathwayTemplate, name: string): TemplateValues {
  const values = templateValues(template);
  return {
    name,
    note: template.note,
    is_default: false,
    tasks: values.tasks.map((row) => ({ ...row, id: null, key: newKey() })),
  };
}

/** An empty row at the end of `phase`, due when the phase's last task is (or the usual day). */
export function newRow(rows: TaskRow[], phase: Phase, role: Role): TaskRow {
  const last = rows.filter((row) => row.phase === phase).at(-1);
  const offset =
    last && parseOffset(last.offset) !== null ? last.offset : String(PHASE_OFFSET[phase]);
  return { key: newKey(), id: null, phase, role, title: "", note: "", offset };
}

/** Where a new row of `phase` goes: after the last row of that phase or of an earlier one. */
export function insertionIndex(rows: TaskRow[], phase: Phase): number {
  let index = 0;
  rows.forEach((row, i) => {
    if (phaseIndex(row.phase) <= phaseIndex(phase)) index = i + 1;
  });
  return index;
}

/** The days typed (full-width digits and minus signs too), or null when it is not a whole number. */
export function parseOffset(text: string): number | null {
  const s = foldWidth(text).trim();
  return /^[-+]?\d{1,6}$/.test(s) ? Number(s) : null;
}

export type Built =
  | { request: SaveTemplateRequest; sentKeys: string[] }
  | { invalid: { path: string } };

/**
 * The request for the core, tasks in the order shown. An offset that is not a number cannot be
 * sent (the field is a whole number), so it is reported at its row before asking.
 */
export function buildRequest(
  values: TemplateValues,
  saved: { id: string; row_version: number } | null,
): Built {
  const tasks: SaveTemplateRequest["tasks"] = [];
  for (const [i, row] of values.tasks.entries()) {
    const offset = parseOffset(row.offset);
    if (offset === null) return { invalid: { path: `tasks.${i}.offset` } };
    tasks.push({
      id: row.id,
      phase: row.phase,
      role: row.role,
      title: row.title.trim(),
      note: row.note.trim(),
      offset_days: offset,
    });
  }
  return {
    request: {
      id: saved?.id ?? null,
      row_version: saved?.row_version ?? null,
      name: values.name.trim(),
      note: values.note.trim(),
      is_default: values.is_default,
      tasks,
    },
    sentKeys: values.tasks.map((row) => row.key),
  };
}

const LEAF: Record<string, keyof TaskRow> = {
  title: "title",
  note: "note",
  role: "role",
  phase: "phase",
  offset_days: "offset",
};

/**
 * The editor field an error from the core belongs to: the core names a task by its index in the
 * request (`tasks[3].offset_days`), the editor finds that row by the key it had when sent (rows
 * may have moved since). Null when the path names no field of the editor.
 */
export function templateFormPath(
  field: string,
  sentKeys: string[],
  rows: TaskRow[],
): string | null {
  if (field === "name" || field === "note" || field === "is_default") return field;
  const task = /^tasks\[(\d+)\]\.(\w+)$/.exec(field);
  if (!task) return null;
  const key = sentKeys[Number(task[1])];
  const index = rows.findIndex((row) => row.key === key);
  const leaf = LEAF[task[2] ?? ""];
  return index === -1 || !leaf ? null : `tasks.${index}.${leaf}`;
}
