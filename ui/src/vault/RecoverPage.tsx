import { Anchor, Center, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type RecoverRequest, recoverVault } from "../api";
import { useApplyStatus } from "../app/status";
import { GatePage } from "./GatePage";
import { GateSubmit } from "./GateSubmit";
import { LoginSelect } from "./LoginSelect";
import { rememberLogin } from "./lastLogin";
import { NewPassphraseFields, useNewPassphrase } from "./NewPassphraseFields";
import { useFieldFocus } from "./useFieldFocus";

type Field = keyof RecoverRequest;
const FIELDS: readonly Field[] = ["login", "recovery_key", "passphrase", "confirmation"];

type Props = {
  logins: readonly string[];
  initialLogin: string;
  /** Back to the unlock page, with the user chosen here. */
  onBack: (login: string) => void;
};

/** A forgotten passphrase: the organisation's recovery key sets a new one, then the app opens. */
export function RecoverPage({ logins, initialLogin, onBack }: Props) {
  const { t } = useTranslation();
  const applyStatus = useApplyStatus();
  const form = useForm<RecoverRequest>({
    mode: "controlled",
    initialValues: { login: initialLogin, recovery_key: "", passphrase: "", confirmation: "" },
    validate: {
      login: (value) => (value === "" ? t("unlock.chooseLogin") : null),
      recovery_key: (value) => (value.trim() === "" ? t("recover.keyRequired") : null),
    },
  });
  const { passphrase, confirmation } = form.values;
  const check = useNewPassphrase(passphrase, confirmation);
  const {
    refs,
    focus,
    atField,
    toFirstInvalid,
    pageError: pageErrorOf,
  } = useFieldFocus(FIELDS, form.setFieldError);

  const recover = useMutation({
    mutationFn: recoverVault,
    // Neither the recovery key nor the passphrase stays in the mutation cache.
    gcTime: 0,
    onSuccess: (status, request) => {
      rememberLogin(request.login);
      applyStatus(status);
    },
    onError: atField,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once, on arrival
  useEffect(() => focus(initialLogin ? "recovery_key" : "login"), []);

  const canSubmit = check.ready && !recover.isPending;
  const pageError = pageErrorOf(recover.error);

  return (
    <GatePage title={t("recover.title")}>
      <Text>{t("recover.intro")}</Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          if (canSubmit) recover.mutate(values);
        }, toFirstInvalid)}
      >
        <LoginSelect
          ref={refs.login}
          logins={logins}
          data-testid="recover-login"
          value={form.values.login}
          error={form.errors.login}
          onChange={(login) => {
            form.setFieldValue("login", login);
            focus("recovery_key");
          }}
        />
        <TextInput
          ref={refs.recovery_key}
          mt="md"
          label={t("recover.key")}
          description={t("recover.keyDescription")}
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          ff="monospace"
          data-testid="recover-key"
          errorProps={{ "data-testid": "recover-key-error" }}
          {...form.getInputProps("recovery_key")}
        />
        <NewPassphraseFields
          check={check}
          passphrase={form.getInputProps("passphrase")}
          confirmation={form.getInputProps("confirmation")}
          label={t("recover.passphrase")}
          description={t("setup.passphraseDescription")}
          confirmationLabel={t("recover.confirmation")}
          testId="recover"
          refs={refs}
          mt="md"
        />
        <GateSubmit
          pageError={pageError}
          label={t("recover.submit")}
          disabled={!canSubmit}
          loading={recover.isPending}
          testId="recover-submit"
        />
      </form>
      <Center>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => onBack(form.values.login)}
          data-testid="recover-back"
        >
          {t("recover.back")}
        </Anchor>
      </Center>
    </GatePage>
  );
}
