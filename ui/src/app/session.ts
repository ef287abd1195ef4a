import type { Permission, Session, UserRole } from "../api";
import { useAppStatus } from "./status";

/** The signed-in user, from the app status; null while locked or before setup. */
export function useSession(): Session | null {
  return useAppStatus().data?.session ?? null;
}

/**
 * What a role may do, the same rule as the core's `UserRole::allows`: everyone reads,
 * coordinators and administrators write, only administrators administer. The core checks
 * every command again; this only decides what the screens offer.
 */
export function roleAllows(role: UserRole, permission: Permission): boolean {
  switch (permission) {
    case "read":
      return true;
    case "write":
      return role === "admin" || role === "coordinator";
    case "admin":
      return role === "admin";
  }
}

/** Whether the signed-in user may do what `permission` covers (false while locked). */
export function useCan(permission: Permission): boolean {
  const session = useSession();
  return session !== null && roleAllows(session.role, permission);
}
