import { describe, expect, it } from "vitest";
import type { TaskRow } from "./values";
import { buildRequest, insertionIndex, parseOffset, sortByPhase, templateFormPath } from "./values";

const row = (key: string, phase: TaskRow["phase"], offset = "-90"): TaskRow => ({
  key,
  id: key,
  phase,
  role: "msw",
  title: key,
  note: "",
  offset,
});

describe("template editor values", () => {
  it("reads offsets typed with an IME on, and refuses what is not a whole number", () => {
    expect(parseOffset("－９０")).toBe(-90);
    expect(parseOffset(" 7 ")).toBe(7);
    expect(parseOffset("")).toBeNull();
    expect(parseOffset("-")).toBeNull();
    expect(parseOffset("1.5")).toBeNull();
  });

  it("groups rows by phase in time order and keeps their order within a phase", () => {
    const rows = [
      row("a", "home"),
      row("b", "introduction"),
      row("c", "home"),
      row("d", "discharge"),
    ];
    expect(sortByPhase(rows).map((r) => r.key)).toEqual(["b", "d", "a", "c"]);
  });

  it("adds a row after the last one of its phase, or where its phase would start", () => {
    const rows = [row("a", "introduction"), row("b", "transition"), row("c", "home")];
    expect(insertionIndex(rows, "introduction")).toBe(1);
    expect(insertionIndex(rows, "preparation")).toBe(1);
    expect(insertionIndex(rows, "home")).toBe(3);
  });

  it("finds the row a task error names by the key it was sent with, even after a move", () => {
    const sent = ["a", "b", "c"];
    const now = [row("b", "introduction"), row("a", "introduction"), row("c", "home")];
    expect(templateFormPath("tasks[0].offset_days", sent, now)).toBe("tasks.1.offset");
    expect(templateFormPath("tasks[2].title", sent, now)).toBe("tasks.2.title");
    expect(templateFormPath("tasks[5].title", sent, now)).toBeNull();
    expect(templateFormPath("tasks[1].id", sent, now)).toBeNull();
    expect(templateFormPath("tasks", sent, now)).toBeNull();
    expect(templateFormPath("name", sent, now)).toBe("name");
  });

  it("sends the offsets as numbers in the order shown, and stops at one that is not a number", () => {
    const values = {
      name: " 標準 ",
      note: "",
      is_default: true,
      tasks: [row("a", "introduction", "－60"), row("b", "home", "7")],
    };
    const built = buildRequest(values, { id: "t1", row_version: 3 });
    expect(built).toEqual({
      request: {
        id: "t1",
        row_version: 3,
        name: "標準",
        note: "",
        is_default: true,
        tasks: [
          { id: "a", phase: "introduction", role: "msw", title: "a", note: "", offset_days: -60 },
          { id: "b", phase: "home", role: "msw", title: "b", note: "", offset_days: 7 },
        ],
      },
      sentKeys: ["a", "b"],
    });
    const bad = { ...values, tasks: [row("a", "introduction"), row("b", "home", "")] };
    expect(buildRequest(bad, null)).toEqual({ invalid: { path: "tasks.1.offset" } });
  });
});
