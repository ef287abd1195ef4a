import type { MantineSpacing, TextInputProps } from "@mantine/core";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { PassphraseInput } from "./PassphraseInput";
import { StrengthMeter } from "./StrengthMeter";
import { usePassphraseStrength } from "./usePassphraseStrength";

type InputProps = Pick<TextInputProps, "value" | "onChange" | "error" | "onFocus" | "onBlur">;

/**
 * Whether a new passphrase typed twice may be sent: the core rated exactly this passphrase
 * acceptable and the confirmation equals it. `mismatch` turns on only once the confirmation
 * stops being a prefix of the passphrase, so it does not flash while still being typed.
 */
export function useNewPassphrase(passphrase: string, confirmation: string) {
  const strength = usePassphraseStrength(passphrase);
  const mismatch = confirmation !== "" && !passphrase.startsWith(confirmation);
  const ready =
    passphrase !== "" &&
    confirmation === passphrase &&
    strength.current?.strength?.acceptable === true;
  return { strength, mismatch, ready };
}

type Props = {
  /** From useNewPassphrase on the same two values. */
  check: ReturnType<typeof useNewPassphrase>;
  passphrase: InputProps;
  confirmation: InputProps;
  label: string;
  confirmationLabel: string;
  description?: string;
  /** data-testid prefix: `<prefix>-passphrase`, `<prefix>-confirmation`. */
  testId: string;
  /** The first field of a dialog: focused when it opens. */
  autoFocus?: boolean;
  /** For forms that move the focus to a field the core refused. */
  refs?: { passphrase?: Ref<HTMLInputElement>; confirmation?: Ref<HTMLInputElement> };
  /** Space above each field (forms whose fields are spaced by margins, not a Stack). */
  mt?: MantineSpacing;
  withAsterisk?: boolean;
};

/** A new passphrase, its live strength from the core, and the same passphrase again. */
export function NewPassphraseFields({
  check,
  passphrase,
  confirmation,
  label,
  confirmationLabel,
  description,
  testId,
  autoFocus = false,
  refs,
  mt,
  withAsterisk,
}: Props) {
  const { t } = useTranslation();
  const shown = check.strength.shown;
  return (
    <>
      <PassphraseInput
        ref={refs?.passphrase}
        mt={mt}
        withAsterisk={withAsterisk}
        label={label}
        description={description}
        autoComplete="new-password"
        data-testid={`${testId}-passphrase`}
        data-autofocus={autoFocus || undefined}
        {...passphrase}
      />
      <StrengthMeter strength={shown?.strength ?? null} error={shown?.error ?? null} />
      <PassphraseInput
        ref={refs?.confirmation}
        mt={mt}
        withAsterisk={withAsterisk}
        label={confirmationLabel}
        autoComplete="new-password"
        data-testid={`${testId}-confirmation`}
        {...confirmation}
        error={confirmation.error ?? (check.mismatch ? t("setup.mismatch") : undefined)}
      />
    </>
  );
}
