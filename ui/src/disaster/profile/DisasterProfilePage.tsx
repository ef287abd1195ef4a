import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type ApiError, type DisasterProfile, saveDisasterProfile } from "../../api";
import { useLockDraft } from "../../autolock/drafts";
import { holdsField } from "../../cases/form/fieldPath";
import { useChild } from "../../cases/useChild";
import { WriteAction } from "../../users/WriteAction";
import { buildProfile, formPathOf, type ProfileValues, valuesFromProfile } from "../model";
import { DISASTER_KEY, profileKey, useDisasterProfile } from "../useDisaster";
import { BatteryHours, WarningAlerts } from "../Warnings";
import { ContactsSection } from "./ContactsSection";
import { DevicesSection } from "./DevicesSection";
import { NoteSection, PlacesSection, PowerSection, RegistrationsSection } from "./OtherSections";

/** `/cases/:id/disaster`: the child's 災害時個別情報, loaded once and saved with its version. */
export function DisasterProfilePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const child = useChild(id);
  const profile = useDisasterProfile(id);

  if (child.isPending || profile.isPending) {
    return <Text c="dimmed">{t("caseList.loading")}</Text>;
  }
  if (child.isError || profile.isError) {
    const error = child.error ?? profile.error;
    return (
      <Stack align="flex-start">
        <Alert color="red" title={t("disaster.form.loadError")}>
          {error?.message}
        </Alert>
        <Button component={Link} to={`/cases/${id}`} variant="default">
          {t("disaster.form.backToCase")}
        </Button>
      </Stack>
    );
  }
  // Filled once: a later refetch must not overwrite what is being typed; a stale version is
  // refused by the core as a conflict, shown above the form with nothing lost.
  return (
    <ProfileForm
      key={child.data.id}
      childId={child.data.id}
      name={child.data.child.name}
      kana={child.data.child.kana}
      loaded={profile.data}
    />
  );
}

type Props = { childId: string; name: string; kana: string; loaded: DisasterProfile };

function ProfileForm({ childId, name, kana, loaded }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [current, setCurrent] = useState(loaded);
  const [saved, setSaved] = useState(false);
  const [pageError, setPageError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState(0);
  const form = useForm<ProfileValues>({
    mode: "controlled",
    initialValues: valuesFromProfile(loaded.profile),
  });
  useLockDraft("disaster-profile", form);
  const formRef = useRef<HTMLFormElement>(null);
  const topRef = useRef<HTMLDivElement>(null);

  const save = useMutation({
    mutationFn: saveDisasterProfile,
    onSuccess: (answer) => {
      client.setQueryData(profileKey(childId), answer);
      void client.invalidateQueries({ queryKey: DISASTER_KEY });
      setCurrent(answer);
      setSaved(true);
      // The saved form, as the core normalised it (trimmed text, ISO dates).
      form.setValues(valuesFromProfile(answer.profile));
      form.resetDirty();
      topRef.current?.scrollIntoView({ block: "start" });
    },
  });

  // Brings the first refused field (or the alert above the form) into view and focuses it.
  useEffect(() => {
    if (shown === 0) return;
    const target =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      formRef.current?.querySelector<HTMLElement>('[data-testid="disaster-form-error"]');
    target?.scrollIntoView({ block: "center" });
    target?.focus({ preventScroll: true });
  }, [shown]);

  const submit = (values: ProfileValues) => {
    setPageError(null);
    setSaved(false);
    form.clearErrors();
    const { profile, sent } = buildProfile(values);
    save.mutate(
      { child_id: childId, row_version: current.row_version, profile },
      {
        onError: (error: ApiError) => {
          const path =
            error.kind === "validation" && error.field ? formPathOf(error.field, sent) : null;
          if (path && holdsField(form.getValues(), path)) form.setFieldError(path, error.message);
          else setPageError(error);
          setShown((n) => n + 1);
        },
      },
    );
  };

  const fieldErrors = Object.keys(form.errors).length > 0;
  const dependent = current.profile.devices.length > 0 || current.total_battery_hours !== null;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(submit)}
      data-testid="disaster-form"
      aria-labelledby="disaster-form-title"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" ref={topRef}>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t("disaster.form.title")} · {kana}
            </Text>
            <Title order={1} size="h2" id="disaster-form-title">
              {name}
            </Title>
            <Text size="sm" c="dimmed" maw={720}>
              {t("disaster.form.intro")}
            </Text>
          </Stack>
          <Button variant="default" component={Link} to={`/cases/${childId}`}>
            {t("disaster.form.backToCase")}
          </Button>
        </Group>

        <Paper withBorder p="md" data-testid="disaster-current">
          <Stack gap="xs">
            <Group gap="lg" align="baseline">
              <Title order={2} size="h5">
                {t("disaster.form.currentTitle")}
              </Title>
              <Text size="sm">
                {t("disaster.section.total")}:{" "}
                <BatteryHours
                  hours={current.total_battery_hours}
                  dependent={dependent}
                  testId="disaster-form-total"
                />
              </Text>
            </Group>
            {saved && (
              <Alert color="teal" py="xs" data-testid="disaster-saved">
                {t("disaster.form.saved")}
              </Alert>
            )}
            {current.warnings.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("disaster.form.noWarnings")}
              </Text>
            ) : (
              <WarningAlerts warnings={current.warnings} />
            )}
          </Stack>
        </Paper>

        {pageError && (
          <Alert
            tabIndex={-1}
            color="red"
            title={t("disaster.form.errorTitle")}
            data-testid="disaster-form-error"
          >
            {pageError.message}
            <Text size="sm" mt={4}>
              {t("disaster.form.nothingLost")}
            </Text>
          </Alert>
        )}

        <DevicesSection form={form} />
        <PowerSection form={form} />
        <RegistrationsSection form={form} />
        <PlacesSection form={form} />
        <ContactsSection form={form} />
        <NoteSection form={form} />

        <Paper
          pos="sticky"
          bottom={0}
          py="sm"
          style={{ zIndex: 2, borderTop: "1px solid var(--mantine-color-gray-3)" }}
          radius={0}
        >
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="red.7" aria-live="polite">
              {fieldErrors ? t("disaster.form.fieldErrors") : ""}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" component={Link} to={`/cases/${childId}`}>
                {t("disaster.form.cancel")}
              </Button>
              <WriteAction>
                <Button type="submit" loading={save.isPending} data-testid="disaster-save">
                  {t("disaster.form.save")}
                </Button>
              </WriteAction>
            </Group>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
