import { describe, expect, it } from "vitest";
import { toApiError } from "./error";

describe("toApiError", () => {
  it("keeps an ApiError from the shell as it is", () => {
    const error = { kind: "validation", message: "短すぎます", field: "passphrase" };
    expect(toApiError(error)).toEqual(error);
  });

  it("keeps a forbidden answer, so the screen can say the role does not allow it", () => {
    const error = { kind: "forbidden", message: "閲覧のみの利用者は変更できません。", field: null };
    expect(toApiError(error)).toEqual(error);
  });

  it("wraps anything else as internal, keeping its text", () => {
    expect(toApiError("command lock not found")).toEqual({
      kind: "internal",
      message: "command lock not found",
      field: null,
    });
    expect(toApiError(new Error("boom")).message).toBe("boom");
    expect(toApiError({ kind: "teapot", message: "?" }).kind).toBe("internal");
  });
});
