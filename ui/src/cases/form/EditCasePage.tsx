import { Alert, Button, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { type ApiError, type ChildDetail, updateChild } from "../../api";
import { useLockDraft } from "../../autolock/drafts";
import { todayIso } from "../dates";
import { CASES_KEY } from "../list/useCaseSearch";
import { childKey, useChild } from "../useChild";
import { CaseFormView } from "./CaseFormView";
import { buildChild } from "./request";
import { useCaseForm, useFormErrors } from "./useCaseForm";
import { type CaseFormValues, valuesFromChild } from "./values";

/** Editing a case: the same form, filled with the saved case, saved with its row version. */
export function EditCasePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const child = useChild(id);
  if (child.isPending) return <Text c="dimmed">{t("caseList.loading")}</Text>;
  if (child.isError) {
    return (
      <Stack align="flex-start">
        <Alert color="red" title={t("caseForm.loadError")}>
          {child.error.message}
        </Alert>
        <Button component={Link} to="/cases" variant="default">
          {t("casePage.backToList")}
        </Button>
      </Stack>
    );
  }
  // Filled once: a later refetch must not overwrite what is being typed. A stale version is
  // refused by the core as a conflict, shown above the form with nothing lost.
  return <EditCaseForm key={child.data.id} detail={child.data} />;
}

function EditCaseForm({ detail }: { detail: ChildDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [initial] = useState(() => valuesFromChild(detail.child, todayIso()));
  const form = useCaseForm(initial);
  useLockDraft("case-edit", form);
  const errors = useFormErrors(form);

  const update = useMutation({
    mutationFn: updateChild,
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: CASES_KEY });
      client.setQueryData(childKey(saved.id), saved);
      navigate(`/cases/${saved.id}`);
    },
  });

  const save = (values: CaseFormValues) => {
    errors.clear();
    const { child, sent } = buildChild(values);
    update.mutate(
      { id: detail.id, row_version: detail.row_version, child },
      { onError: (error: ApiError) => errors.show(error, sent) },
    );
  };

  return (
    <CaseFormView
      form={form}
      intake={false}
      title={t("caseForm.editTitle")}
      errors={errors}
      saving={update.isPending}
      cancelTo={`/cases/${detail.id}`}
      onSubmit={save}
    />
  );
}
