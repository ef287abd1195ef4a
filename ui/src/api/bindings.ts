// Generated from the Rust types by crates/core/src/bindings.rs (ts-rs). Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p kakehashi bindings

export type Lang = "ja" | "en";

export type ErrorKind = "validation" | "not_found" | "conflict" | "locked" | "io" | "internal";

export type ApiError = { kind: ErrorKind, message: string, field: string | null, };

export type VaultState = "needs_setup" | "locked" | "unlocked";

export type AppStatus = { state: VaultState, data_dir: string, problem: ApiError | null, };

export type PassphraseStrength = { 
/**
 * zxcvbn score, 0 (guessable in seconds) to 4 (very strong).
 */
score: number, acceptable: boolean, hint: string | null, };

export type SetupRequest = { passphrase: string, confirmation: string, };

export type UnlockRequest = { passphrase: string, };

export type MunicipalityKind = "city" | "town" | "village" | "ward";

export type Municipality = { code6: string, code5: string, name: string, kana: string, kind: MunicipalityKind, parent_code6: string | null, lat: number, lon: number, };

export type MunicipalityQuery = { 
/**
 * Name, reading (hiragana or katakana, full or half width) or code prefix; empty = all.
 */
query: string, };
