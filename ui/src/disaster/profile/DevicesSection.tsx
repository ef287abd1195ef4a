import { Button, CloseButton, Fieldset, NativeSelect, Table, Text, TextInput } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NumberField } from "../../cases/fields/NumberField";
import { DEVICE_KINDS, emptyDevice } from "../model";
import type { ProfileForm } from "./formTypes";

export const legendStyles = {
  legend: { fontWeight: 700, fontSize: "var(--mantine-font-size-md)" },
} as const;

/**
 * 電源が必要な医療機器: one row a device (kind, maker/model, internal and external battery hours).
 * A new row takes the cursor; removing a row gives it to 「機器を追加」.
 */
export function DevicesSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const rows = form.values.devices;
  const tableRef = useRef<HTMLTableElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  useEffect(() => {
    if (!focusKey) return;
    tableRef.current?.querySelector<HTMLElement>(`[data-row-key="${focusKey}"] select`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const add = () => {
    // The first device is most often the ventilator; later ones most often something else.
    const row = emptyDevice(rows.length === 0 ? "ventilator" : "suction");
    form.insertListItem("devices", row);
    setFocusKey(row.key);
  };
  const remove = (index: number) => {
    form.removeListItem("devices", index);
    addRef.current?.focus();
  };
  const field = (index: number, name: string) => form.getInputProps(`devices.${index}.${name}`);

  return (
    <Fieldset legend={t("disaster.form.devices.title")} styles={legendStyles}>
      <Text size="sm" c="dimmed" mb="xs">
        {t("disaster.form.devices.hint")}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" mb="sm" data-testid="devices-empty">
          {t("disaster.form.devices.empty")}
        </Text>
      ) : (
        <Table ref={tableRef} verticalSpacing={4} mb="sm" data-testid="devices-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th w={220}>{t("disaster.form.devices.kind")}</Table.Th>
              <Table.Th>{t("disaster.form.devices.name")}</Table.Th>
              <Table.Th w={170}>{t("disaster.form.devices.internal")}</Table.Th>
              <Table.Th w={170}>{t("disaster.form.devices.external")}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              const label = (key: "kind" | "name" | "internal" | "external") =>
                `${t("disaster.form.devices.number", { n })} ${t(`disaster.form.devices.${key}`)}`;
              return (
                <Table.Tr key={row.key} data-row-key={row.key} data-testid="device-row">
                  <Table.Td style={{ verticalAlign: "top", paddingTop: 12 }}>{n}</Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <NativeSelect
                      aria-label={label("kind")}
                      data={DEVICE_KINDS.map((kind) => ({
                        value: kind,
                        label: t(`disaster.deviceKind.${kind}`),
                      }))}
                      data-testid={`device-${index}-kind`}
                      {...field(index, "kind")}
                    />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <TextInput
                      aria-label={label("name")}
                      placeholder={t("disaster.form.devices.namePlaceholder")}
                      data-testid={`device-${index}-name`}
                      {...field(index, "name")}
                    />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <NumberField
                      decimal
                      aria-label={label("internal")}
                      rightSection={<HoursUnit />}
                      data-testid={`device-${index}-internal`}
                      {...field(index, "internal_battery_hours")}
                    />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <NumberField
                      decimal
                      aria-label={label("external")}
                      rightSection={<HoursUnit />}
                      data-testid={`device-${index}-external`}
                      {...field(index, "external_battery_hours")}
                    />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top", paddingTop: 10 }}>
                    <CloseButton
                      aria-label={t("disaster.form.devices.remove", { n })}
                      onClick={() => remove(index)}
                      data-testid={`device-${index}-remove`}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {typeof form.errors.devices === "string" && (
        <Text size="sm" c="red.7" mb="xs">
          {form.errors.devices}
        </Text>
      )}
      <Button ref={addRef} variant="light" size="xs" onClick={add} data-testid="device-add">
        {t("disaster.form.devices.add")}
      </Button>
    </Fieldset>
  );
}

function HoursUnit() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" pr={6}>
      {t("disaster.hours", { h: "" }).trim()}
    </Text>
  );
}
