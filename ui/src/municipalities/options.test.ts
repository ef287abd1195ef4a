import { describe, expect, it } from "vitest";
import type { Municipality } from "../api";
import { toOptions } from "./options";

const saitama: Municipality = {
  code6: "111007",
  code5: "11100",
  name: "さいたま市",
  kana: "さいたまし",
  kind: "city",
  parent_code6: null,
  lat: 35.86,
  lon: 139.65,
};
const omiya: Municipality = {
  code6: "111031",
  code5: "11103",
  name: "さいたま市大宮区",
  kana: "さいたましおおみやく",
  kind: "ward",
  parent_code6: "111007",
  lat: 35.9,
  lon: 139.63,
};

describe("municipality options", () => {
  it("does not repeat the city in a ward name that already holds it", () => {
    const [, ward] = toOptions([saitama, omiya]);
    expect(ward?.label).toBe("さいたま市大宮区");
  });

  it("adds the city to a ward named without it", () => {
    const [, ward] = toOptions([saitama, { ...omiya, name: "大宮区" }]);
    expect(ward?.label).toBe("さいたま市大宮区");
  });
});
