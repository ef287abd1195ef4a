import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { type ApiError, type PassphraseStrength, passphraseStrength, toApiError } from "../api";

/** Waiting this long after the last keystroke keeps the meter live without a call per key. */
const DEBOUNCE_MS = 150;

type Reading =
  | { passphrase: string; strength: PassphraseStrength; error: null }
  | { passphrase: string; strength: null; error: ApiError };

/**
 * Live strength of a passphrase, asked of the core. `current` is the reading for exactly the
 * passphrase given (null while typing); `shown` is the latest one, so the meter does not flicker.
 * Passphrases are kept in component state only, never in the query cache.
 */
export function usePassphraseStrength(passphrase: string) {
  const [debounced] = useDebouncedValue(passphrase, DEBOUNCE_MS);
  const [reading, setReading] = useState<Reading | null>(null);

  useEffect(() => {
    if (debounced === "") {
      setReading(null);
      return;
    }
    let stale = false;
    passphraseStrength(debounced).then(
      (strength) => {
        if (!stale) setReading({ passphrase: debounced, strength, error: null });
      },
      (error: unknown) => {
        if (!stale) setReading({ passphrase: debounced, strength: null, error: toApiError(error) });
      },
    );
    return () => {
      stale = true;
    };
  }, [debounced]);

  const shown = passphrase === "" ? null : reading;
  const current = reading?.passphrase === passphrase ? reading : null;
  return { shown, current };
}
