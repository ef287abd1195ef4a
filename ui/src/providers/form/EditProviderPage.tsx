import { Alert, Button, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { type ApiError, type ProviderDetail, updateProvider } from "../../api";
import { useLockDraft } from "../../autolock/drafts";
import { normalizeDate, todayIso } from "../../cases/dates";
import { PROVIDERS_KEY, providerKey, useProvider } from "../useProvider";
import { ProviderFormView, useProviderForm } from "./ProviderFormView";
import { buildProvider } from "./request";
import { useFormErrors } from "./useFormErrors";
import { type ProviderFormValues, providerValues } from "./values";

/** Editing a provider: the same form, filled with the saved record, saved with its row version. */
export function EditProviderPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const provider = useProvider(id);
  if (provider.isPending) return <Text c="dimmed">{t("providerList.loading")}</Text>;
  if (provider.isError) {
    return (
      <Stack align="flex-start">
        <Alert color="red" title={t("providerPage.loadError")}>
          {provider.error.message}
        </Alert>
        <Button component={Link} to="/providers" variant="default">
          {t("providerPage.backToList")}
        </Button>
      </Stack>
    );
  }
  // Filled once: a later refetch must not overwrite what is being typed. A stale version is
  // refused by the core as a conflict, shown above the form with nothing lost.
  return <EditProviderForm key={provider.data.id} detail={provider.data} />;
}

function EditProviderForm({ detail }: { detail: ProviderDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [initial] = useState(() => providerValues(detail.provider, todayIso()));
  const form = useProviderForm(initial);
  useLockDraft("provider-edit", form);
  const errors = useFormErrors(form);

  const update = useMutation({
    mutationFn: updateProvider,
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: PROVIDERS_KEY });
      client.setQueryData(providerKey(saved.id), saved);
      navigate(`/providers/${saved.id}`);
    },
  });

  const save = (values: ProviderFormValues) => {
    errors.clear();
    if (values.kind === "") {
      errors.showAt("kind", t("providerForm.kindRequired"));
      return;
    }
    const { provider, sent } = buildProvider(values, values.kind);
    const answered = values.answered_on.trim();
    update.mutate(
      {
        id: detail.id,
        row_version: detail.row_version,
        provider,
        answered_on: answered === "" ? null : normalizeDate(answered),
      },
      { onError: (error: ApiError) => errors.show(error, sent) },
    );
  };

  return (
    <ProviderFormView
      form={form}
      isNew={false}
      title={t("providerForm.editTitle", { name: detail.provider.name })}
      errors={errors}
      saving={update.isPending}
      cancelTo={`/providers/${detail.id}`}
      onSubmit={save}
    />
  );
}
