import { Anchor, Center, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type UnlockRequest, unlock } from "../api";
import { useApplyStatus } from "../app/status";
import { GatePage } from "./GatePage";
import { GateSubmit } from "./GateSubmit";
import { LoginSelect } from "./LoginSelect";
import { rememberLogin } from "./lastLogin";
import { PassphraseInput } from "./PassphraseInput";

type Props = {
  logins: readonly string[];
  initialLogin: string;
  /** To the recovery page, with the user chosen here. */
  onForgot: (login: string) => void;
};

/** Unlock as one of the registry's users with their passphrase. */
export function UnlockPage({ logins, initialLogin, onForgot }: Props) {
  const { t } = useTranslation();
  const applyStatus = useApplyStatus();
  const loginField = useRef<HTMLInputElement>(null);
  const passphraseField = useRef<HTMLInputElement>(null);
  const form = useForm<UnlockRequest>({
    mode: "controlled",
    initialValues: { login: initialLogin, passphrase: "" },
    validate: { login: (value) => (value === "" ? t("unlock.chooseLogin") : null) },
  });

  const attempt = useMutation({
    mutationFn: unlock,
    // Nothing of the request (a passphrase) stays in the mutation cache once the page is gone.
    gcTime: 0,
    onSuccess: (status, request) => {
      rememberLogin(request.login);
      applyStatus(status);
    },
    onError: (error) => {
      if (error.field === "passphrase") {
        // A wrong passphrase, or the wait after several: the core's words, as they are.
        form.setFieldError("passphrase", error.message);
        // Ready for the next try without reaching for the mouse.
        passphraseField.current?.select();
      } else if (error.field === "login") {
        form.setFieldError("login", error.message);
        loginField.current?.focus();
      }
    },
  });

  // The passphrase when the user is already chosen (one user, or the last one here).
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once, on arrival
  useEffect(() => (initialLogin ? passphraseField : loginField).current?.focus(), []);

  const fieldError = attempt.error?.field === "passphrase" || attempt.error?.field === "login";
  const pageError = attempt.error && !fieldError ? attempt.error : null;

  return (
    <GatePage title={t("unlock.title")}>
      <Text>{t("unlock.intro")}</Text>
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => attempt.mutate(values),
          () => loginField.current?.focus(),
        )}
      >
        <LoginSelect
          ref={loginField}
          logins={logins}
          data-testid="unlock-login"
          errorProps={{ "data-testid": "unlock-login-error" }}
          value={form.values.login}
          error={form.errors.login}
          onChange={(login) => {
            form.setFieldValue("login", login);
            passphraseField.current?.focus();
          }}
        />
        <PassphraseInput
          ref={passphraseField}
          mt="md"
          label={t("unlock.passphrase")}
          autoComplete="current-password"
          data-testid="unlock-passphrase"
          errorProps={{ "data-testid": "unlock-error" }}
          {...form.getInputProps("passphrase")}
        />
        <GateSubmit
          pageError={pageError}
          label={t("unlock.submit")}
          disabled={form.values.passphrase === ""}
          loading={attempt.isPending}
          testId="unlock-submit"
        />
      </form>
      <Center>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => onForgot(form.values.login)}
          data-testid="unlock-forgot"
        >
          {t("unlock.forgot")}
        </Anchor>
      </Center>
    </GatePage>
  );
}
