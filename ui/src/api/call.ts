import { invoke } from "@tauri-apps/api/core";
import { toApiError } from "./error";

/** Invokes one shell command; every rejection comes back as an ApiError. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (rejection) {
    throw toApiError(rejection);
  }
}
