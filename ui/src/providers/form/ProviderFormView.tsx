import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateField } from "../../cases/fields/DateField";
import { NumberField } from "../../cases/fields/NumberField";
import { FormSection } from "../../cases/form/FormSection";
import { MunicipalitySelect } from "../../municipalities/MunicipalitySelect";
import { WriteAction } from "../../users/WriteAction";
import { ConditionsEditor } from "../conditions/ConditionsEditor";
import { PROVIDER_KINDS, RECORD_SOURCES } from "../kinds";
import { type FormErrors, focusFirstError } from "./useFormErrors";
import type { ProviderFormValues } from "./values";

export type ProviderForm = UseFormReturnType<ProviderFormValues>;

export function useProviderForm(initialValues: ProviderFormValues): ProviderForm {
  // Errors come from the core only (rules live there); a field's error clears when it is edited.
  return useForm<ProviderFormValues>({ mode: "controlled", initialValues });
}

const PUBLISHED_PARTS = ["name", "address", "phone", "contact_person", "conditions"] as const;

type Props = {
  form: ProviderForm;
  isNew: boolean;
  title: string;
  errors: FormErrors;
  saving: boolean;
  cancelTo: string;
  onSubmit: (values: ProviderFormValues) => void;
};

/**
 * The new and edit form: who and where the provider is, how to reach it, what it accepts as a
 * matrix of ○ / × / 未回答, what it agreed to publish, and where the record comes from. Enter in a
 * field saves; errors from the core appear at their field and the first one is focused.
 */
export function ProviderFormView({
  form,
  isNew,
  title,
  errors,
  saving,
  cancelTo,
  onSubmit,
}: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  const input = form.getInputProps;

  useEffect(() => firstField.current?.focus(), []);
  useEffect(() => {
    if (errors.shown > 0) focusFirstError(formRef.current, alertRef.current);
  }, [errors.shown]);

  const fieldErrors = Object.keys(form.errors).length > 0;
  const v = form.values;

  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit(onSubmit)} data-testid="provider-form">
      <Stack gap="md">
        <Title order={1} size="h2">
          {title}
        </Title>
        {errors.pageError && (
          <Alert
            ref={alertRef}
            tabIndex={-1}
            color="red"
            title={t("providerForm.errorTitle")}
            data-testid="provider-form-error"
          >
            {errors.pageError.message}
            <Text size="sm" mt={4}>
              {t("providerForm.nothingLost")}
            </Text>
          </Alert>
        )}

        <FormSection title={t("providerForm.section.basic")}>
          <Group align="flex-start" gap="md">
            <NativeSelect
              ref={firstField}
              w={320}
              label={t("providerForm.kind")}
              required
              data={[
                { value: "", label: t("providerForm.choose") },
                ...PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providerKind.${k}.label`) })),
              ]}
              data-testid="provider-kind"
              {...input("kind")}
            />
            <TextInput
              w={180}
              label={t("providerForm.businessNumber")}
              description={t("providerForm.businessNumberHint")}
              inputWrapperOrder={["label", "input", "description", "error"]}
              placeholder="1112345678"
              data-testid="provider-business-number"
              {...input("business_number")}
            />
          </Group>
          <Group align="flex-start" gap="md">
            <TextInput
              w={360}
              label={t("providerForm.name")}
              placeholder={t("providerForm.namePlaceholder")}
              required
              data-testid="provider-name"
              {...input("name")}
            />
            <TextInput
              w={320}
              label={t("providerForm.kana")}
              placeholder={t("providerForm.kanaPlaceholder")}
              data-testid="provider-kana"
              {...input("kana")}
            />
          </Group>
        </FormSection>

        <FormSection title={t("providerForm.section.address")}>
          <Group align="flex-start" gap="md">
            <TextInput
              w={130}
              label={t("providerForm.postalCode")}
              placeholder="350-0001"
              data-testid="provider-postal-code"
              {...input("postal_code")}
            />
            <MunicipalitySelect
              w={260}
              label={t("providerForm.municipality")}
              placeholder={t("providerForm.municipalityPlaceholder")}
              required
              testId="provider-municipality"
              value={v.municipality_code}
              onChange={(code) => form.setFieldValue("municipality_code", code)}
              error={form.errors.municipality_code}
            />
          </Group>
          <TextInput
            label={t("providerForm.address")}
            placeholder={t("providerForm.addressPlaceholder")}
            data-testid="provider-address"
            {...input("address")}
          />
          <Group align="flex-start" gap="md">
            <NumberField
              w={130}
              decimal
              negative
              label={t("providerForm.lat")}
              placeholder="35.9251"
              {...input("lat")}
            />
            <NumberField
              w={130}
              decimal
              negative
              label={t("providerForm.lon")}
              placeholder="139.4858"
              {...input("lon")}
            />
            <Text size="xs" c="dimmed" mt={32} maw={420}>
              {t("providerForm.coordsHint")}
            </Text>
          </Group>
        </FormSection>

        <FormSection title={t("providerForm.section.contact")}>
          <Group align="flex-start" gap="md">
            <TextInput
              w={170}
              label={t("providerForm.phone")}
              placeholder="049-123-4567"
              data-testid="provider-phone"
              {...input("phone")}
            />
            <TextInput
              w={170}
              label={t("providerForm.fax")}
              data-testid="provider-fax"
              {...input("fax")}
            />
            <TextInput
              w={260}
              label={t("providerForm.email")}
              data-testid="provider-email"
              {...input("email")}
            />
          </Group>
          <Group align="flex-start" gap="md">
            <TextInput
              w={200}
              label={t("providerForm.contactPerson")}
              data-testid="provider-contact-person"
              {...input("contact_person")}
            />
            <NumberField
              w={110}
              label={t("providerForm.capacity")}
              data-testid="provider-capacity"
              {...input("capacity")}
            />
            <TextInput
              flex={1}
              miw={260}
              label={t("providerForm.openingHours")}
              placeholder={t("providerForm.openingHoursPlaceholder")}
              data-testid="provider-opening-hours"
              {...input("opening_hours")}
            />
          </Group>
        </FormSection>

        <FormSection title={t("providerForm.section.conditions")} testId="provider-conditions">
          <Group align="flex-start" gap="md">
            <DateField
              w={200}
              label={t("providerForm.answeredOn")}
              data-testid="provider-answered-on"
              {...input("answered_on")}
            />
            <Text size="xs" c="dimmed" mt={30} maw={520}>
              {t(isNew ? "providerForm.answeredOnNewHint" : "providerForm.answeredOnHint")}
            </Text>
          </Group>
          <ConditionsEditor
            values={v.conditions}
            errors={form.errors}
            onChange={(path, value) =>
              form.setFieldValue(`conditions.${path}` as "conditions", value as never)
            }
          />
        </FormSection>

        <FormSection title={t("providerForm.section.publication")}>
          <Text size="sm" c="dimmed">
            {t("providerForm.publicationHint")}
          </Text>
          <Group gap="lg">
            {PUBLISHED_PARTS.map((part) => (
              <Checkbox
                key={part}
                label={t(`providerPublication.${part}`)}
                data-testid={`provider-publish-${part}`}
                {...input(`publication.${part}`, { type: "checkbox" })}
              />
            ))}
          </Group>
          <DateField
            w={200}
            label={t("providerForm.consentedOn")}
            data-testid="provider-consented-on"
            {...input("publication.consented_on")}
          />
        </FormSection>

        <FormSection title={t("providerForm.section.record")}>
          <Group align="flex-start" gap="md">
            <NativeSelect
              w={200}
              label={t("providerForm.recordSource")}
              data={RECORD_SOURCES.map((s) => ({ value: s, label: t(`providerSource.${s}`) }))}
              data-testid="provider-record-source"
              {...input("record_source")}
            />
            <DateField
              w={200}
              label={t("providerForm.lastVerifiedOn")}
              data-testid="provider-last-verified"
              {...input("last_verified_on")}
            />
          </Group>
        </FormSection>

        <Paper
          pos="sticky"
          bottom={0}
          py="sm"
          style={{ zIndex: 2, borderTop: "1px solid var(--mantine-color-gray-3)" }}
          radius={0}
        >
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="red.7" aria-live="polite">
              {fieldErrors ? t("providerForm.fieldErrors") : ""}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" component={Link} to={cancelTo}>
                {t("providerForm.cancel")}
              </Button>
              <WriteAction>
                <Button type="submit" loading={saving} data-testid="provider-save">
                  {t(isNew ? "providerForm.save" : "providerForm.saveEdit")}
                </Button>
              </WriteAction>
            </Group>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
