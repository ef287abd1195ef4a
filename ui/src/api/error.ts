import type { ApiError, ErrorKind } from "./bindings";

const ERROR_KINDS: readonly ErrorKind[] = [
  "validation",
  "not_found",
  "conflict",
  "locked",
  "forbidden",
  "io",
  "internal",
];

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.kind === "string" &&
    (ERROR_KINDS as readonly string[]).includes(v.kind) &&
    typeof v.message === "string" &&
    (v.field === undefined || v.field === null || typeof v.field === "string")
  );
}

/**
 * Every rejection from the shell becomes an ApiError. Anything that is not shaped like one (a
 * missing command, a serialisation failure, a JS exception) is reported as `internal`, so the
 * screens only ever handle one error type.
 */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) {
    return { kind: value.kind, message: value.message, field: value.field ?? null };
  }
  let message: string;
  if (value instanceof Error) message = value.message;
  else if (typeof value === "string") message = value;
  else {
    try {
      message = JSON.stringify(value) ?? String(value);
    } catch {
      message = String(value);
    }
  }
  return { kind: "internal", message, field: null };
}
