import { Alert, Badge, Button, Group, NativeSelect, Table, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type EquipmentUnit, equipmentUnitByTag } from "../api";
import { currentLang } from "../i18n";
import { dateWithWeekday } from "../planning/dates";
import { WriteAction } from "../users/WriteAction";
import { CONDITION_COLOR } from "./conditions";
import { Panel } from "./Panel";
import { useEquipmentTypes, useEquipmentUnits } from "./useEquipment";

export type UnitActions = {
  onLend: (unit: EquipmentUnit) => void;
  onReturn: (unitId: string) => void;
  onHistory: (unit: EquipmentUnit) => void;
};

/** 機器一覧: the units by type and asset tag, who has each one and until when; find one by its tag. */
export function UnitsSection({ today, ...actions }: UnitActions & { today: string }) {
  const { t } = useTranslation();
  const types = useEquipmentTypes();
  const [typeId, setTypeId] = useState<string | null>(null);
  const units = useEquipmentUnits(typeId);
  const [tag, setTag] = useState("");
  const find = useMutation({ mutationFn: equipmentUnitByTag });
  const found = find.data ? [find.data] : null;
  const shown = found ?? units.data ?? [];
  const allTypes = types.data ?? [];

  return (
    <Panel title={t("equipment.units.title")} testId="equipment-units">
      <Group align="flex-end" gap="sm" mb="sm">
        {allTypes.length > 0 && (
          <NativeSelect
            w={240}
            label={t("equipment.units.type")}
            value={typeId ?? ""}
            onChange={(event) => setTypeId(event.currentTarget.value || null)}
            data={[
              { value: "", label: t("equipment.units.allTypes") },
              ...allTypes.map((type) => ({
                value: type.id,
                label: `${type.name}（${t("equipment.units.summary", { units: type.units, out: type.on_loan })}）`,
              })),
            ]}
            data-testid="equipment-type-filter"
          />
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (tag.trim()) find.mutate(tag.trim());
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              w={220}
              label={t("equipment.search.label")}
              placeholder={t("equipment.search.placeholder")}
              value={tag}
              onChange={(event) => {
                setTag(event.currentTarget.value);
                if (find.data || find.error) find.reset();
              }}
              autoComplete="off"
              data-testid="equipment-tag-search"
            />
            <Button type="submit" variant="default" loading={find.isPending}>
              {t("equipment.search.submit")}
            </Button>
            {(find.data || find.error) && (
              <Button
                variant="subtle"
                onClick={() => {
                  setTag("");
                  find.reset();
                }}
              >
                {t("equipment.search.clear")}
              </Button>
            )}
          </Group>
        </form>
      </Group>

      {find.error ? (
        <Text c="red.8" data-testid="equipment-tag-not-found">
          {find.error.kind === "not_found"
            ? t("equipment.search.notFound", { tag: tag.trim() })
            : find.error.message}
        </Text>
      ) : units.isError ? (
        <Alert color="red" title={t("equipment.loadError")}>
          {units.error.message}
        </Alert>
      ) : units.isPending ? (
        <Text c="dimmed">{t("equipment.loading")}</Text>
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="equipment-units-empty">
          {typeId ? t("equipment.units.noneOfType") : t("equipment.units.empty")}
        </Text>
      ) : (
        <UnitTable units={shown} today={today} {...actions} />
      )}
    </Panel>
  );
}

function UnitTable({
  units,
  today,
  onLend,
  onReturn,
  onHistory,
}: UnitActions & { units: EquipmentUnit[]; today: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Table verticalSpacing="xs" highlightOnHover data-testid="equipment-unit-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("equipment.units.tag")}</Table.Th>
          <Table.Th>{t("equipment.units.type")}</Table.Th>
          <Table.Th>{t("equipment.units.condition")}</Table.Th>
          <Table.Th>{t("equipment.units.borrower")}</Table.Th>
          <Table.Th>{t("equipment.units.due")}</Table.Th>
          <Table.Th>{t("equipment.units.actions")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {units.map((unit) => {
          const late = unit.loan !== null && today !== "" && unit.loan.due_on < today;
          return (
            <Table.Tr key={unit.id} data-testid="equipment-unit-row" data-tag={unit.asset_tag}>
              <Table.Td fw={700}>{unit.asset_tag}</Table.Td>
              <Table.Td>{unit.type_name}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={CONDITION_COLOR[unit.condition]}>
                  {t(`equipment.condition.${unit.condition}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {unit.retired_on ? (
                  <Text size="sm" c="dimmed">
                    {t("equipment.units.retired", { date: unit.retired_on })}
                  </Text>
                ) : unit.loan ? (
                  <>
                    <Text size="sm">{unit.loan.child_name}</Text>
                    <Text size="xs" c="dimmed">
                      {t("equipment.caseNumber", { number: unit.loan.case_number })}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="teal.8">
                    {t("equipment.units.available")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {unit.loan && (
                  <Group gap={6}>
                    <Text size="sm">{dateWithWeekday(t, unit.loan.due_on, lang)}</Text>
                    {late && (
                      <Badge color="red" size="sm">
                        {t("equipment.units.overdue")}
                      </Badge>
                    )}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {unit.loan ? (
                    <WriteAction>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => onReturn(unit.id)}
                        data-testid="unit-return"
                      >
                        {t("equipment.units.return")}
                      </Button>
                    </WriteAction>
                  ) : (
                    !unit.retired_on && (
                      <WriteAction>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => onLend(unit)}
                          data-testid="unit-lend"
                        >
                          {t("equipment.units.lend")}
                        </Button>
                      </WriteAction>
                    )
                  )}
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onHistory(unit)}
                    data-testid="unit-history"
                  >
                    {t("equipment.units.history")}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
