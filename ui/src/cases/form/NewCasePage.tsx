import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type ApiError, type DuplicateCandidate, findDuplicates, registerChild } from "../../api";
import { useLockDraft } from "../../autolock/drafts";
import { todayIso } from "../dates";
import { CASES_KEY } from "../list/useCaseSearch";
import { childKey } from "../useChild";
import { CaseFormView } from "./CaseFormView";
import { DuplicateWarning } from "./DuplicateWarning";
import { buildRegister, guardianPhones } from "./request";
import { useCaseForm, useFormErrors } from "./useCaseForm";
import { type CaseFormValues, emptyValues } from "./values";

/** Intake: the form, a duplicate check before saving, then the new case's page. */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [initial] = useState(() => emptyValues(todayIso()));
  const form = useCaseForm(initial);
  useLockDraft("case-new", form);
  const errors = useFormErrors(form);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);

  const register = useMutation({
    mutationFn: registerChild,
    onSuccess: (detail) => {
      void client.invalidateQueries({ queryKey: CASES_KEY });
      client.setQueryData(childKey(detail.id), detail);
      navigate(`/cases/${detail.id}`);
    },
  });
  const check = useMutation({ mutationFn: findDuplicates });

  /** Possible duplicates of what is entered; none when the check itself is refused. */
  const duplicatesOf = async (values: CaseFormValues): Promise<DuplicateCandidate[]> => {
    const { child } = buildRegister(values, false).request;
    try {
      return await check.mutateAsync({
        kana: child.kana,
        date_of_birth: child.date_of_birth,
        phones: guardianPhones(child),
      });
    } catch {
      // A refused check (say, no date of birth yet) leaves it to register_child, which validates
      // every field and checks duplicates again itself.
      return [];
    }
  };

  const save = async (values: CaseFormValues, confirmed: boolean) => {
    errors.clear();
    if (!confirmed) {
      const found = await duplicatesOf(values);
      if (found.length > 0) {
        setCandidates(found);
        return;
      }
    }
    const { request, sent } = buildRegister(values, confirmed);
    try {
      await register.mutateAsync(request);
    } catch (error) {
      const apiError = error as ApiError;
      if (apiError.kind === "conflict" && apiError.field === "duplicates") {
        // Someone registered a similar child since the check: show who.
        const found = await duplicatesOf(values);
        if (found.length > 0) {
          setCandidates(found);
          return;
        }
      }
      setCandidates(null);
      errors.show(apiError, sent);
    }
  };

  return (
    <>
      <CaseFormView
        form={form}
        intake
        title={t("caseForm.newTitle")}
        errors={errors}
        saving={check.isPending || register.isPending}
        cancelTo="/cases"
        onSubmit={(values) => void save(values, false)}
      />
      <DuplicateWarning
        candidates={candidates}
        saving={register.isPending}
        onBack={() => setCandidates(null)}
        onConfirm={() => void save(form.getValues(), true)}
      />
    </>
  );
}
