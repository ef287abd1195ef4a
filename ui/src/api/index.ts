// The only module that talks to the desktop shell. Command names and argument shapes follow
// docs/ipc.md exactly; every rejection is normalised into an ApiError.
import type {
  AppStatus,
  Lang,
  Municipality,
  MunicipalityQuery,
  PassphraseStrength,
  SetupRequest,
  UnlockRequest,
} from "./bindings";
import { call } from "./call";

export * from "./audit";
export * from "./backup";
export type * from "./bindings";
export * from "./campaigns";
export * from "./cases";
export * from "./consultations";
export * from "./disaster";
export * from "./equipment";
export { isApiError, toApiError } from "./error";
export * from "./planning";
export * from "./plans";
export * from "./providers";
export * from "./respite";

export const appStatus = (): Promise<AppStatus> => call("app_status");

export const setLanguage = (lang: Lang): Promise<null> => call("set_language", { lang });

export const passphraseStrength = (passphrase: string): Promise<PassphraseStrength> =>
  call("passphrase_strength", { passphrase });

export const setupVault = (input: SetupRequest): Promise<AppStatus> =>
  call("setup_vault", { input });

export const unlock = (input: UnlockRequest): Promise<AppStatus> => call("unlock", { input });

export const lock = (): Promise<AppStatus> => call("lock");

export const listMunicipalities = (input: MunicipalityQuery): Promise<Municipality[]> =>
  call("list_municipalities", { input });
