import type { Permission, Session } from "../api";
import { useAppStatus } from "./status";

/** The signed-in user, from the app status; null while locked or before setup. */
export function useSession(): Session | null {
  return useAppStatus().data?.session ?? null;
}

/**
 * Whether the signed-in user may do what `permission` covers, as the core says
 * (`Session.permissions`); false while locked. The core checks every command again; this only
 * decides what the screens offer.
 */
export function useCan(permission: Permission): boolean {
  const session = useSession();
  return session?.permissions.includes(permission) ?? false;
}

/**
 * Whether the signed-in user's role is known not to allow `permission`. No session yet (a status
 * being read again) is not a refusal: the core decides in every case.
 */
export function useRefused(permission: Permission): boolean {
  const session = useSession();
  return session !== null && !session.permissions.includes(permission);
}
