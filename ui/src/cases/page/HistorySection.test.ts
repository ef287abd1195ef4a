import { describe, expect, it } from "vitest";
import { objectText } from "./HistorySection";

describe("change history values", () => {
  it("shows a recorded object as the pairs that are set, not as JSON", () => {
    expect(objectText('{"cannula_size":"3.5","device":null,"nebulizer_continuous":false}')).toBe(
      "cannula_size: 3.5",
    );
    expect(objectText('{"scope":["care_team","hospitals"]}')).toBe("scope: care_team・hospitals");
  });

  it("leaves other text alone", () => {
    expect(objectText("川越 陽葵")).toBeNull();
    expect(objectText("{not json")).toBeNull();
  });
});
