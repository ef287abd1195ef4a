import { describe, expect, it } from "vitest";
import { i18n } from "../i18n";
import { conditions } from "../test/providers";
import { ageRange, formatAgeLimit, parseAgeMonths, weightRange } from "./limits";

const t = i18n.t.bind(i18n);

describe("age and weight limits", () => {
  it("reads a child's age typed as months, years, or both, in either width", () => {
    expect(parseAgeMonths("18")).toBe(18);
    expect(parseAgeMonths("１８か月")).toBe(18);
    expect(parseAgeMonths("1歳6か月")).toBe(18);
    expect(parseAgeMonths("1歳6ヶ月")).toBe(18);
    expect(parseAgeMonths("２歳")).toBe(24);
    expect(parseAgeMonths("")).toBeNull();
    expect(parseAgeMonths("いくつ")).toBeNull();
    expect(parseAgeMonths("歳")).toBeNull();
  });

  it("says a limit as the office does: whole years as 歳, months under two, else both", () => {
    expect(formatAgeLimit(t, 6)).toBe("6か月");
    expect(formatAgeLimit(t, 12)).toBe("1歳");
    expect(formatAgeLimit(t, 18)).toBe("18か月");
    expect(formatAgeLimit(t, 30)).toBe("2歳6か月");
    expect(formatAgeLimit(t, 216)).toBe("18歳");
  });

  it("writes a range with either end open, and nothing when neither was answered", () => {
    expect(ageRange(t, conditions({ age_min_months: 6, age_max_months: 216 }))).toBe(
      "6か月 〜 18歳",
    );
    expect(ageRange(t, conditions({ age_min_months: 6 }))).toBe("6か月 以上");
    expect(ageRange(t, conditions({ age_max_months: 72 }))).toBe("6歳 まで");
    expect(ageRange(t, conditions())).toBeNull();
    expect(weightRange(t, conditions({ weight_min_kg: 2.5, weight_max_kg: 40 }))).toBe(
      "2.5 kg 〜 40 kg",
    );
  });
});
