import { Alert, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api";

/**
 * The end of a gate form (setup, unlock, recovery): a refusal that names no field, then the
 * full-width submit button.
 */
export function GateSubmit({
  pageError,
  label,
  disabled,
  loading,
  testId,
}: {
  pageError: ApiError | null;
  label: string;
  disabled: boolean;
  loading: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {pageError && (
        <Alert mt="md" color="red" title={t(`errorKind.${pageError.kind}`)}>
          {pageError.message}
        </Alert>
      )}
      <Button
        type="submit"
        mt="lg"
        fullWidth
        disabled={disabled}
        loading={loading}
        data-testid={testId}
      >
        {label}
      </Button>
    </>
  );
}
