import { Checkbox, Fieldset, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "../../cases/fields/DateField";
import { NumberField } from "../../cases/fields/NumberField";
import { REGISTRATIONS } from "../model";
import { legendStyles } from "./DevicesSection";
import type { ProfileForm } from "./formTypes";

/** ほかの電源・備蓄: car, generator, spare batteries, a note, and days of spare supplies. */
export function PowerSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const check = (name: string) => form.getInputProps(`other_power.${name}`, { type: "checkbox" });
  return (
    <Fieldset legend={t("disaster.form.power.title")} styles={legendStyles}>
      <Stack gap="sm">
        <Group gap="xl">
          <Checkbox
            label={t("disaster.form.power.car")}
            data-testid="power-car"
            {...check("car")}
          />
          <Checkbox
            label={t("disaster.form.power.generator")}
            data-testid="power-generator"
            {...check("generator")}
          />
          <Checkbox
            label={t("disaster.form.power.spareBatteries")}
            data-testid="power-spare"
            {...check("spare_batteries")}
          />
        </Group>
        <Group align="flex-start" gap="md">
          <NumberField
            w={200}
            label={t("disaster.form.power.consumables")}
            rightSection={
              <Text size="xs" c="dimmed" pr={8}>
                {t("disaster.form.power.days")}
              </Text>
            }
            rightSectionWidth={44}
            data-testid="consumables-days"
            {...form.getInputProps("consumables_days")}
          />
          <TextInput
            flex={1}
            miw={260}
            label={t("disaster.form.power.note")}
            placeholder={t("disaster.form.power.notePlaceholder")}
            data-testid="power-note"
            {...form.getInputProps("other_power.note")}
          />
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** 登録: power company, the evacuation support list, the individual plan; each with its date. */
export function RegistrationsSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t("disaster.form.registrations.title")} styles={legendStyles}>
      <Stack gap="xs">
        {REGISTRATIONS.map((key) => {
          const registered = form.values[key].registered;
          return (
            <Group key={key} align="flex-start" gap="md" wrap="nowrap">
              <Checkbox
                w={340}
                mt={8}
                label={t(`disaster.form.registrations.${key}`)}
                data-testid={`reg-${key}`}
                {...form.getInputProps(`${key}.registered`, { type: "checkbox" })}
              />
              <DateField
                w={200}
                aria-label={`${t(`disaster.form.registrations.${key}`)} ${t("disaster.form.registrations.on")}`}
                placeholder={t("disaster.form.registrations.on")}
                disabled={!registered}
                data-testid={`reg-${key}-on`}
                {...form.getInputProps(`${key}.on`)}
              />
            </Group>
          );
        })}
      </Stack>
    </Fieldset>
  );
}

/** 避難先・搬送先: the designated shelter, the welfare shelter, the emergency hospital. */
export function PlacesSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t("disaster.form.places.title")} styles={legendStyles}>
      <Group align="flex-start" gap="md" grow>
        <TextInput
          label={t("disaster.form.places.emergency_hospital")}
          placeholder={t("disaster.form.places.hospitalPlaceholder")}
          data-testid="emergency-hospital"
          {...form.getInputProps("emergency_hospital")}
        />
        <TextInput
          label={t("disaster.form.places.evacuation_site")}
          data-testid="evacuation-site"
          {...form.getInputProps("evacuation_site")}
        />
        <TextInput
          label={t("disaster.form.places.welfare_shelter")}
          data-testid="welfare-shelter"
          {...form.getInputProps("welfare_shelter")}
        />
      </Group>
    </Fieldset>
  );
}

export function NoteSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t("disaster.form.note")} styles={legendStyles}>
      <Textarea
        aria-label={t("disaster.form.note")}
        placeholder={t("disaster.form.notePlaceholder")}
        rows={3}
        data-testid="disaster-note"
        {...form.getInputProps("note")}
      />
    </Fieldset>
  );
}
