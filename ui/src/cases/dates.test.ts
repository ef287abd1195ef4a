import { describe, expect, it } from "vitest";
import { ageMonths, parseDate, wareki } from "./dates";

describe("dates as typed in the office", () => {
  it("reads western and Japanese-era dates, with full-width digits too", () => {
    expect(parseDate("2024-05-01")).toBe("2024-05-01");
    expect(parseDate("2024/5/1")).toBe("2024-05-01");
    expect(parseDate("２０２４／５／１")).toBe("2024-05-01");
    expect(parseDate("20240501")).toBe("2024-05-01");
    expect(parseDate("令和6年5月1日")).toBe("2024-05-01");
    expect(parseDate("R6.5.1")).toBe("2024-05-01");
    expect(parseDate("令和元年5月1日")).toBe("2019-05-01");
    expect(parseDate("H30/1/2")).toBe("2018-01-02");
  });

  it("refuses days that do not exist, so the core can name the field", () => {
    expect(parseDate("2024-02-30")).toBeNull();
    expect(parseDate("あした")).toBeNull();
  });

  it("shows the era name the office uses, 元年 for the first year", () => {
    expect(wareki("2024-05-01")).toBe("令和6年5月1日");
    expect(wareki("2019-05-01")).toBe("令和元年5月1日");
    expect(wareki("2019-04-30")).toBe("平成31年4月30日");
  });

  it("counts whole months of age, not yet a month before the day of birth comes round", () => {
    expect(ageMonths("2024-05-10", "2026-05-09")).toBe(23);
    expect(ageMonths("2024-05-10", "2026-05-10")).toBe(24);
    expect(ageMonths("2026-05-10", "2026-05-01")).toBeNull();
  });
});
