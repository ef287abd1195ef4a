import { Alert, Button, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type UnlockRequest, unlock } from "../api";
import { useApplyStatus } from "../app/status";
import { GatePage } from "./GatePage";
import { PassphraseInput } from "./PassphraseInput";

export function UnlockPage() {
  const { t } = useTranslation();
  const applyStatus = useApplyStatus();
  const field = useRef<HTMLInputElement>(null);
  const form = useForm<UnlockRequest>({ mode: "controlled", initialValues: { passphrase: "" } });

  const attempt = useMutation({
    mutationFn: unlock,
    onSuccess: applyStatus,
    onError: (error) => {
      if (error.field === "passphrase") {
        form.setFieldError("passphrase", error.message);
        // Ready for the next try without reaching for the mouse.
        field.current?.select();
      }
    },
  });

  useEffect(() => field.current?.focus(), []);

  const pageError = attempt.error && attempt.error.field !== "passphrase" ? attempt.error : null;

  return (
    <GatePage title={t("unlock.title")}>
      <Text>{t("unlock.intro")}</Text>
      <form onSubmit={form.onSubmit((values) => attempt.mutate(values))}>
        <PassphraseInput
          ref={field}
          label={t("unlock.passphrase")}
          autoComplete="current-password"
          data-testid="unlock-passphrase"
          errorProps={{ "data-testid": "unlock-error" }}
          {...form.getInputProps("passphrase")}
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
          disabled={form.values.passphrase === ""}
          loading={attempt.isPending}
          data-testid="unlock-submit"
        >
          {t("unlock.submit")}
        </Button>
      </form>
    </GatePage>
  );
}
