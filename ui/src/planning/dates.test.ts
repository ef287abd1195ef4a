import { describe, expect, it } from "vitest";
import { i18n } from "../i18n";
import { addDays, dateWithWeekday, daysBetween, offsetLabel } from "./dates";

describe("planning dates", () => {
  it("writes 西暦 with the weekday in Japanese and in English", () => {
    const ja = i18n.getFixedT("ja");
    const en = i18n.getFixedT("en");
    expect(dateWithWeekday(ja, "2026-11-27", "ja")).toBe("2026/11/27（金）");
    expect(dateWithWeekday(en, "2026-11-27", "en")).toBe("2026/11/27 (Fri)");
    expect(dateWithWeekday(ja, "someday", "ja")).toBe("someday");
  });

  it("counts calendar days across a month and a daylight-saving change alike", () => {
    expect(daysBetween("2026-11-24", "2026-12-01")).toBe(7);
    expect(daysBetween("2026-12-01", "2026-11-24")).toBe(-7);
    expect(daysBetween("2027-03-27", "2027-03-29")).toBe(2);
    expect(addDays("2026-11-27", 6)).toBe("2026-12-03");
  });

  it("says an offset as days before or after discharge, as the pathway is written", () => {
    const ja = i18n.getFixedT("ja");
    expect(offsetLabel(ja, -90)).toBe("退院90日前");
    expect(offsetLabel(ja, 0)).toBe("退院日");
    expect(offsetLabel(ja, 7)).toBe("退院後7日");
    const en = i18n.getFixedT("en");
    expect(offsetLabel(en, -1)).toBe("1 day before discharge");
    expect(offsetLabel(en, 30)).toBe("30 days after discharge");
  });
});
