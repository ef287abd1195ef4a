import { describe, expect, it } from "vitest";
import { providerFormPath } from "./fieldPath";

describe("placing the core's errors on the provider form", () => {
  it("finds a care item by what was sent, since only answered items are", () => {
    const sent = ["ventilator", "suction"] as const;
    expect(providerFormPath("provider.conditions.care_items[1].code", [...sent])).toBe(
      "conditions.care.suction",
    );
    expect(providerFormPath("conditions.care_items[0].answer", [...sent])).toBe(
      "conditions.care.ventilator",
    );
    expect(providerFormPath("provider.conditions.care_items[5].code", [...sent])).toBeNull();
  });

  it("puts every service-area municipality error on the one select", () => {
    expect(providerFormPath("provider.conditions.service_area.municipality_codes[2]", [])).toBe(
      "conditions.service_area.municipality_codes",
    );
  });

  it("keeps plain fields by their name, with or without the provider prefix", () => {
    expect(providerFormPath("provider.phone", [])).toBe("phone");
    expect(providerFormPath("provider.publication.consented_on", [])).toBe(
      "publication.consented_on",
    );
    expect(providerFormPath("conditions.age_max_months", [])).toBe("conditions.age_max_months");
    expect(providerFormPath("answered_on", [])).toBe("answered_on");
    expect(providerFormPath("provider.guardians[0].name", [])).toBeNull();
  });
});
