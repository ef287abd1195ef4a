import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";

type Props = PasswordInputProps & { ref?: Ref<HTMLInputElement>; "data-testid"?: string };

/**
 * A PasswordInput that tells assistive technology when it holds an error and names its
 * show/hide toggle in the UI language (Mantine labels it in English and sets no aria-invalid).
 */
export function PassphraseInput({ error, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      {...props}
      error={error}
      aria-invalid={error ? true : undefined}
      visibilityToggleButtonProps={{ "aria-label": t("passphrase.toggleVisibility") }}
    />
  );
}
