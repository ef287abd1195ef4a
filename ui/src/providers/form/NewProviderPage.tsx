import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type ApiError, addProvider } from "../../api";
import { useLockDraft } from "../../autolock/drafts";
import { normalizeDate, todayIso } from "../../cases/dates";
import { PROVIDERS_KEY, providerKey } from "../useProvider";
import { ProviderFormView, useProviderForm } from "./ProviderFormView";
import { buildProvider } from "./request";
import { useFormErrors } from "./useFormErrors";
import { emptyProviderValues, type ProviderFormValues } from "./values";

/** A new provider: the form, then its page. */
export function NewProviderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [initial] = useState(() => emptyProviderValues(todayIso()));
  const form = useProviderForm(initial);
  useLockDraft("provider-new", form);
  const errors = useFormErrors(form);

  const add = useMutation({
    mutationFn: addProvider,
    onSuccess: (detail) => {
      void client.invalidateQueries({ queryKey: PROVIDERS_KEY });
      client.setQueryData(providerKey(detail.id), detail);
      navigate(`/providers/${detail.id}`);
    },
  });

  const save = (values: ProviderFormValues) => {
    errors.clear();
    // The one check made here: a kind must be chosen before there is a request to send.
    if (values.kind === "") {
      errors.showAt("kind", t("providerForm.kindRequired"));
      return;
    }
    const { provider, sent } = buildProvider(values, values.kind);
    add.mutate(
      {
        provider,
        answered_on: values.answered_on.trim() === "" ? null : normalizeDate(values.answered_on),
      },
      { onError: (error: ApiError) => errors.show(error, sent) },
    );
  };

  return (
    <ProviderFormView
      form={form}
      isNew
      title={t("providerForm.newTitle")}
      errors={errors}
      saving={add.isPending}
      cancelTo="/providers"
      onSubmit={save}
    />
  );
}
