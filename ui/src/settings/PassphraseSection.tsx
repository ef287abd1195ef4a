import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChangePassphraseRequest, changeOwnPassphrase } from "../api";
import { useSession } from "../app/session";
import { NewPassphraseFields, useNewPassphrase } from "../vault/NewPassphraseFields";
import { PassphraseInput } from "../vault/PassphraseInput";
import { useFieldMutation } from "./useFieldMutation";

const FIELDS = ["current", "passphrase", "confirmation"] as const;
const EMPTY: ChangePassphraseRequest = { current: "", passphrase: "", confirmation: "" };

/**
 * Everyone changes their own passphrase here: the current one (the core checks it opens this
 * user's slot), then the new one twice with its strength. Only this user's slot changes.
 */
export function PassphraseSection() {
  const { t } = useTranslation();
  const session = useSession();
  const form = useForm<ChangePassphraseRequest>({ mode: "controlled", initialValues: EMPTY });
  const [changed, setChanged] = useState(false);
  // The form opens on demand: three empty passphrase fields would crowd the settings page.
  const [open, setOpen] = useState(false);
  const check = useNewPassphrase(form.values.passphrase, form.values.confirmation);
  const {
    mutation: change,
    elsewhere,
    clearElsewhere,
  } = useFieldMutation(
    form,
    FIELDS,
    changeOwnPassphrase,
    () => {
      setChanged(true);
      setOpen(false);
      form.setValues(EMPTY);
    },
    () => setChanged(false),
  );
  if (!session) return null;
  const ready = form.values.current !== "" && check.ready;
  return (
    <Stack gap="sm" data-testid="own-passphrase-section">
      <Title order={2} size="h4">
        {t("ownPassphrase.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("ownPassphrase.description", { name: session.display_name, login: session.login })}
      </Text>
      {changed && (
        <Alert color="teal" data-testid="own-passphrase-done">
          {t("ownPassphrase.done")}
        </Alert>
      )}
      {open ? (
        <form
          onSubmit={form.onSubmit((values) => {
            if (ready) change.mutate(values);
          })}
        >
          <Stack gap="sm" maw={480}>
            <PassphraseInput
              autoFocus
              label={t("ownPassphrase.current")}
              autoComplete="current-password"
              data-testid="own-passphrase-current"
              {...form.getInputProps("current")}
            />
            <NewPassphraseFields
              check={check}
              passphrase={form.getInputProps("passphrase")}
              confirmation={form.getInputProps("confirmation")}
              label={t("ownPassphrase.new")}
              confirmationLabel={t("ownPassphrase.confirmation")}
              testId="own-passphrase"
            />
            {elsewhere && (
              <Alert color="red" title={t(`errorKind.${elsewhere.kind}`)}>
                {elsewhere.message}
              </Alert>
            )}
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setOpen(false);
                  form.setValues(EMPTY);
                  form.clearErrors();
                  clearElsewhere();
                }}
                data-testid="own-passphrase-cancel"
              >
                {t("ownPassphrase.cancel")}
              </Button>
              <Button
                type="submit"
                disabled={!ready}
                loading={change.isPending}
                data-testid="own-passphrase-submit"
              >
                {t("ownPassphrase.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setChanged(false);
              setOpen(true);
            }}
            data-testid="own-passphrase-open"
          >
            {t("ownPassphrase.open")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
