import { Alert, Button, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type SetupRequest, setupVault } from "../api";
import { useApplyStatus } from "../app/status";
import { GatePage } from "./GatePage";
import { PassphraseInput } from "./PassphraseInput";
import { StrengthMeter } from "./StrengthMeter";
import { usePassphraseStrength } from "./usePassphraseStrength";

/** First run: choose the passphrase that wraps the key of the new encrypted database. */
export function SetupPage() {
  const { t } = useTranslation();
  const applyStatus = useApplyStatus();
  const firstField = useRef<HTMLInputElement>(null);
  const form = useForm<SetupRequest>({
    mode: "controlled",
    initialValues: { passphrase: "", confirmation: "" },
  });
  const { passphrase, confirmation } = form.values;
  const strength = usePassphraseStrength(passphrase);

  const setup = useMutation({
    mutationFn: setupVault,
    onSuccess: applyStatus,
    onError: (error) => {
      if (error.field === "passphrase" || error.field === "confirmation") {
        form.setFieldError(error.field, error.message);
      }
    },
  });

  useEffect(() => firstField.current?.focus(), []);

  // Flag a mismatch as soon as the confirmation stops being a prefix of the passphrase, so the
  // message does not appear while it is still being typed correctly.
  const mismatch = confirmation !== "" && !passphrase.startsWith(confirmation);
  const matches = passphrase !== "" && confirmation === passphrase;
  const canSubmit = matches && strength.current?.strength?.acceptable === true && !setup.isPending;
  const fieldError = setup.error?.field === "passphrase" || setup.error?.field === "confirmation";
  const pageError = setup.error && !fieldError ? setup.error : null;

  return (
    <GatePage title={t("setup.title")}>
      <Text>{t("setup.intro")}</Text>
      <form
        onSubmit={form.onSubmit((values) => {
          if (canSubmit) setup.mutate(values);
        })}
      >
        <PassphraseInput
          ref={firstField}
          label={t("setup.passphrase")}
          description={t("setup.passphraseDescription")}
          autoComplete="new-password"
          data-testid="setup-passphrase"
          {...form.getInputProps("passphrase")}
        />
        <StrengthMeter
          strength={strength.shown?.strength ?? null}
          error={strength.shown?.error ?? null}
        />
        <PassphraseInput
          mt="md"
          label={t("setup.confirmation")}
          autoComplete="new-password"
          data-testid="setup-confirmation"
          {...form.getInputProps("confirmation")}
          error={form.errors.confirmation ?? (mismatch ? t("setup.mismatch") : undefined)}
        />
        {pageError && (
          <Alert mt="md" color="red" title={t(`errorKind.${pageError.kind}`)}>
            {pageError.message}
          </Alert>
        )}
        <Button
          type="submit"
          mt="lg"
          fullWidth
          disabled={!canSubmit}
          loading={setup.isPending}
          data-testid="setup-submit"
        >
          {t("setup.submit")}
        </Button>
      </form>
    </GatePage>
  );
}
