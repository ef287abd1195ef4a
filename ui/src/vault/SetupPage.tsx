import { Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type SetupAnswer, type SetupRequest, setupVault } from "../api";
import { GatePage } from "./GatePage";
import { GateSubmit } from "./GateSubmit";
import { NewPassphraseFields, useNewPassphrase } from "./NewPassphraseFields";
import { useFieldFocus } from "./useFieldFocus";

type Field = keyof SetupRequest;
const FIELDS: readonly Field[] = ["display_name", "login", "passphrase", "confirmation"];

/**
 * First run: the first user (an administrator) and their passphrase, which wraps the key of the
 * new encrypted database. The answer's recovery key goes straight to `onCreated`, never into the
 * mutation cache.
 */
export function SetupPage({ onCreated }: { onCreated: (answer: SetupAnswer) => void }) {
  const { t } = useTranslation();
  const form = useForm<SetupRequest>({
    mode: "controlled",
    initialValues: { display_name: "", login: "", passphrase: "", confirmation: "" },
    validate: {
      display_name: (value) => (value.trim() === "" ? t("setup.required.displayName") : null),
      login: (value) => (value.trim() === "" ? t("setup.required.login") : null),
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

  const setup = useMutation({
    mutationFn: async (values: SetupRequest) => {
      onCreated(await setupVault(values));
    },
    // Nothing of the request (a passphrase) stays in the mutation cache once the page is gone.
    gcTime: 0,
    onError: atField,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once, on arrival
  useEffect(() => focus("display_name"), []);

  const canSubmit = check.ready && !setup.isPending;
  const pageError = pageErrorOf(setup.error);

  return (
    <GatePage title={t("setup.title")}>
      <Text>{t("setup.intro")}</Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          if (canSubmit) setup.mutate(values);
        }, toFirstInvalid)}
      >
        <TextInput
          ref={refs.display_name}
          label={t("setup.displayName")}
          description={t("setup.displayNameDescription")}
          placeholder={t("setup.displayNamePlaceholder")}
          autoComplete="name"
          withAsterisk
          data-testid="setup-display-name"
          {...form.getInputProps("display_name")}
        />
        <TextInput
          ref={refs.login}
          mt="md"
          label={t("setup.login")}
          description={t("setup.loginDescription")}
          placeholder={t("setup.loginPlaceholder")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          withAsterisk
          data-testid="setup-login"
          {...form.getInputProps("login")}
        />
        <NewPassphraseFields
          check={check}
          passphrase={form.getInputProps("passphrase")}
          confirmation={form.getInputProps("confirmation")}
          label={t("setup.passphrase")}
          description={t("setup.passphraseDescription")}
          confirmationLabel={t("setup.confirmation")}
          testId="setup"
          refs={refs}
          mt="md"
          withAsterisk
        />
        <GateSubmit
          pageError={pageError}
          label={t("setup.submit")}
          disabled={!canSubmit}
          loading={setup.isPending}
          testId="setup-submit"
        />
      </form>
    </GatePage>
  );
}
