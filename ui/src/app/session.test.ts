import { describe, expect, it } from "vitest";
import type { Permission, UserRole } from "../api/bindings";
import { roleAllows } from "./session";

describe("what a role may do", () => {
  it("follows the core: everyone reads, coordinators and admins write, only admins administer", () => {
    const table: Record<UserRole, Permission[]> = {
      viewer: ["read"],
      coordinator: ["read", "write"],
      admin: ["read", "write", "admin"],
    };
    for (const [role, allowed] of Object.entries(table) as [UserRole, Permission[]][]) {
      const granted = (["read", "write", "admin"] as const).filter((p) => roleAllows(role, p));
      expect(granted, role).toEqual(allowed);
    }
  });
});
