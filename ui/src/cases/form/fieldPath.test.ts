import { describe, expect, it } from "vitest";
import { formPathOf, holdsField } from "./fieldPath";
import { emptyValues, type SentRows } from "./values";

// The second and fourth form rows were sent (the others were blank); suction and tube feeding ticked.
const sent: SentRows = {
  diagnoses: [0],
  guardians: [1, 3],
  care_items: ["suction", "tube_feeding"],
};

describe("field paths from the core", () => {
  it("finds a care item by the code that was sent at that index", () => {
    expect(formPathOf("child.care_items[1].supervision", sent)).toBe(
      "care.tube_feeding.supervision",
    );
    expect(formPathOf("care_items[0].details.suction_frequency", sent)).toBe(
      "care.suction.suction_frequency",
    );
    expect(formPathOf("child.care_items[0].code", sent)).toBe("care.suction.checked");
    expect(formPathOf("child.care_items[7].supervision", sent)).toBeNull();
  });

  it("finds a contact row past the blank rows that were not sent", () => {
    expect(formPathOf("child.guardians[1].phone_primary", sent)).toBe("guardians.3.phone_primary");
    expect(formPathOf("child.diagnoses[0]", sent)).toBe("diagnoses.0.text");
  });

  it("maps the intake weight and the nested sections onto the form's names", () => {
    expect(formPathOf("weight.weight_kg", sent)).toBe("weight_kg");
    expect(formPathOf("child.residence.municipality_code", sent)).toBe(
      "residence.municipality_code",
    );
    expect(formPathOf("child.severe_factors.mobility", sent)).toBe("severe.mobility");
  });

  it("knows which paths are fields of the form, so the rest go to a page-level alert", () => {
    const values = emptyValues("2026-04-01");
    expect(holdsField(values, "guardians.0.phone_primary")).toBe(true);
    expect(holdsField(values, "care.suction.supervision")).toBe(true);
    expect(holdsField(values, "consent.scope")).toBe(true);
    expect(holdsField(values, "residence")).toBe(false);
    expect(holdsField(values, "duplicates")).toBe(false);
    expect(holdsField(values, "guardians.5.name")).toBe(false);
  });
});
