// The only module that talks to the desktop shell. Command names and argument shapes follow
// docs/ipc.md exactly; every rejection is normalised into an ApiError.
import type {
  AppStatus,
  Lang,
  Municipality,
  MunicipalityQuery,
  PassphraseStrength,
  RecoverRequest,
  SetupAnswer,
  SetupRequest,
  UnlockRequest,
} from "./bindings";
import { call } from "./call";

export * from "./audit";
export * from "./autolock";
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
export * from "./users";

export const appStatus = (): Promise<AppStatus> => call("app_status");

export const setLanguage = (lang: Lang): Promise<null> => call("set_language", { lang });

export const passphraseStrength = (passphrase: string): Promise<PassphraseStrength> =>
  call("passphrase_strength", { passphrase });

/** First run; the answer holds the recovery key, to be shown once and never kept. */
export const setupVault = (input: SetupRequest): Promise<SetupAnswer> =>
  call("setup_vault", { input });

export const unlock = (input: UnlockRequest): Promise<AppStatus> => call("unlock", { input });

/** A forgotten passphrase: the recovery key sets a new one for `input.login` and unlocks. */
export const recoverVault = (input: RecoverRequest): Promise<AppStatus> =>
  call("recover_vault", { input });

export const listMunicipalities = (input: MunicipalityQuery): Promise<Municipality[]> =>
  call("list_municipalities", { input });
