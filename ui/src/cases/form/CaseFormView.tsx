import { Alert, Box, Button, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WriteAction } from "../../users/WriteAction";
import { ScorePanel } from "../scores/ScorePanel";
import { scoreRequest } from "./request";
import { AddressSection } from "./sections/AddressSection";
import { AssignmentSection } from "./sections/AssignmentSection";
import { BasicSection } from "./sections/BasicSection";
import { CareItemsSection } from "./sections/CareItemsSection";
import { CertificatesSection } from "./sections/CertificatesSection";
import { ConsentSection } from "./sections/ConsentSection";
import { DevelopmentSection } from "./sections/DevelopmentSection";
import { DiagnosesSection } from "./sections/DiagnosesSection";
import { GuardiansSection } from "./sections/GuardiansSection";
import type { CaseForm, FormErrors } from "./useCaseForm";
import type { CaseFormValues } from "./values";

/** Below the app header (56px) with a little air, so the panel never hides under it. */
const STICKY_TOP = 72;
/** The save bar's height, so the panel's last lines are never under it. */
const SAVE_BAR = 72;

type Props = {
  form: CaseForm;
  intake: boolean;
  title: string;
  errors: FormErrors;
  saving: boolean;
  cancelTo: string;
  onSubmit: (values: CaseFormValues) => void;
};

/**
 * The intake and edit form: sections on the left, the live score panel on the right, the save bar
 * at the bottom of the window. Enter in a field saves; errors from the core appear at their field
 * and the first one is brought into view and focused.
 */
export function CaseFormView({ form, intake, title, errors, saving, cancelTo, onSubmit }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => firstField.current?.focus(), []);

  useEffect(() => {
    if (errors.shown === 0) return;
    const target =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? alertRef.current;
    target?.scrollIntoView({ block: "center" });
    target?.focus({ preventScroll: true });
  }, [errors.shown]);

  const fieldErrors = Object.keys(form.errors).length > 0;

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit(onSubmit)} data-testid="case-form">
      <Stack gap="md">
        <Title order={1} size="h2">
          {title}
        </Title>
        {errors.pageError && (
          <Alert
            ref={alertRef}
            tabIndex={-1}
            color="red"
            title={t("caseForm.errorTitle")}
            data-testid="case-form-error"
          >
            {errors.pageError.message}
            <Text size="sm" mt={4}>
              {t("caseForm.nothingLost")}
            </Text>
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <BasicSection form={form} intake={intake} firstField={firstField} />
              <DiagnosesSection form={form} />
              <AddressSection form={form} />
              <GuardiansSection form={form} />
              <CertificatesSection form={form} />
              <DevelopmentSection form={form} />
              <CareItemsSection form={form} intake={intake} />
              <ConsentSection form={form} />
              <AssignmentSection form={form} intake={intake} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Box
              pos="sticky"
              top={STICKY_TOP}
              mah={`calc(100dvh - ${STICKY_TOP + SAVE_BAR}px)`}
              style={{ overflowY: "auto" }}
            >
              <ScorePanel request={scoreRequest(form.values)} />
            </Box>
          </Grid.Col>
        </Grid>
        <Paper
          pos="sticky"
          bottom={0}
          py="sm"
          style={{ zIndex: 2, borderTop: "1px solid var(--mantine-color-gray-3)" }}
          radius={0}
        >
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="red.7" aria-live="polite">
              {fieldErrors ? t("caseForm.fieldErrors") : ""}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" component={Link} to={cancelTo}>
                {t("caseForm.cancel")}
              </Button>
              <WriteAction>
                <Button type="submit" loading={saving} data-testid="child-save">
                  {t(intake ? "caseForm.save" : "caseForm.saveEdit")}
                </Button>
              </WriteAction>
            </Group>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
