import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addEquipmentType, addEquipmentUnit, type UnitCondition } from "../api";
import { WriteAction } from "../users/WriteAction";
import { CONDITIONS } from "./conditions";
import { Panel } from "./Panel";
import { EQUIPMENT_KEY, errorsAt, useEquipmentTypes } from "./useEquipment";

/** 機器の登録: a new kind of equipment, and units of a kind with their asset tags. */
export function RegisterSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const types = useEquipmentTypes();
  const [name, setName] = useState("");
  const [typeId, setTypeId] = useState("");
  const [tag, setTag] = useState("");
  const [condition, setCondition] = useState<UnitCondition>("good");
  const refresh = () => client.invalidateQueries({ queryKey: EQUIPMENT_KEY });

  const addType = useMutation({
    mutationFn: addEquipmentType,
    onSuccess: (type) => {
      setName("");
      setTypeId(type.id);
      void refresh();
    },
  });
  const addUnit = useMutation({
    mutationFn: addEquipmentUnit,
    onSuccess: () => {
      setTag("");
      void refresh();
    },
  });
  const typeErrors = errorsAt(addType.error, ["name", "note"]);
  const unitErrors = errorsAt(addUnit.error, ["asset_tag", "type_id", "condition", "note"]);
  const allTypes = types.data ?? [];
  const chosenType = typeId || allTypes[0]?.id || "";

  return (
    <Panel title={t("equipment.register.title")} testId="equipment-register">
      <Stack gap="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            addType.mutate({ name, note: "" });
          }}
        >
          <Group align="flex-start" gap="sm">
            <TextInput
              w={280}
              label={t("equipment.register.typeName")}
              placeholder={t("equipment.register.typePlaceholder")}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={typeErrors.at("name")}
              autoComplete="off"
              data-testid="equipment-type-name"
            />
            <WriteAction>
              <Button
                type="submit"
                mt={25}
                variant="default"
                loading={addType.isPending}
                data-testid="equipment-type-add"
              >
                {t("equipment.register.addType")}
              </Button>
            </WriteAction>
            {addType.data && !addType.error && (
              <Text size="sm" c="teal.8" mt={32} data-testid="equipment-type-added">
                {t("equipment.register.typeAdded", { name: addType.data.name })}
              </Text>
            )}
          </Group>
          {typeErrors.elsewhere && (
            <Alert color="red" mt="xs">
              {typeErrors.elsewhere.message}
            </Alert>
          )}
        </form>

        {allTypes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("equipment.register.needType")}
          </Text>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              addUnit.mutate({ type_id: chosenType, asset_tag: tag, condition, note: "" });
            }}
          >
            <Group align="flex-start" gap="sm">
              <NativeSelect
                w={240}
                label={t("equipment.register.unitType")}
                value={chosenType}
                onChange={(event) => setTypeId(event.currentTarget.value)}
                data={allTypes.map((type) => ({ value: type.id, label: type.name }))}
                error={unitErrors.at("type_id")}
                data-testid="equipment-unit-type"
              />
              <TextInput
                w={200}
                label={t("equipment.register.tag")}
                placeholder={t("equipment.register.tagPlaceholder")}
                value={tag}
                onChange={(event) => setTag(event.currentTarget.value)}
                error={unitErrors.at("asset_tag")}
                autoComplete="off"
                data-testid="equipment-unit-tag"
              />
              <NativeSelect
                w={160}
                label={t("equipment.register.condition")}
                value={condition}
                onChange={(event) => setCondition(event.currentTarget.value as UnitCondition)}
                data={CONDITIONS.map((c) => ({ value: c, label: t(`equipment.condition.${c}`) }))}
                data-testid="equipment-unit-condition"
              />
              <WriteAction>
                <Button
                  type="submit"
                  mt={25}
                  variant="default"
                  loading={addUnit.isPending}
                  data-testid="equipment-unit-add"
                >
                  {t("equipment.register.addUnit")}
                </Button>
              </WriteAction>
              {addUnit.data && !addUnit.error && (
                <Text size="sm" c="teal.8" mt={32} data-testid="equipment-unit-added">
                  {t("equipment.register.unitAdded", { tag: addUnit.data.asset_tag })}
                </Text>
              )}
            </Group>
            {unitErrors.elsewhere && (
              <Alert color="red" mt="xs">
                {unitErrors.elsewhere.message}
              </Alert>
            )}
          </form>
        )}
      </Stack>
    </Panel>
  );
}
