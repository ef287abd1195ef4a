import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { equipmentUnit, type Loan, returnEquipment, type UnitCondition } from "../api";
import { normalizeDate } from "../cases/dates";
import { DateField } from "../cases/fields/DateField";
import { currentLang } from "../i18n";
import { dateWithWeekday } from "../planning/dates";
import { CONDITIONS } from "./conditions";
import { EQUIPMENT_KEY, errorsAt } from "./useEquipment";

type Props = {
  unitId: string;
  today: string;
  onClose: () => void;
  onReturned: (loan: Loan) => void;
};

const FIELDS = ["unit_id", "returned_on", "condition", "note"] as const;

/** 返却: the day it came back and its condition then, which becomes the unit's condition. */
export function ReturnModal({ unitId, today, onClose, onReturned }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const unit = useQuery({
    queryKey: [...EQUIPMENT_KEY, "unit", unitId],
    queryFn: () => equipmentUnit(unitId),
  });
  const [on, setOn] = useState(today);
  const [condition, setCondition] = useState<UnitCondition>("good");
  const [note, setNote] = useState("");
  const save = useMutation({
    mutationFn: returnEquipment,
    onSuccess: (loan) => {
      void client.invalidateQueries({ queryKey: EQUIPMENT_KEY });
      onReturned(loan);
    },
  });
  const { at, elsewhere } = errorsAt(save.error, FIELDS);
  const loan = unit.data?.loan ?? null;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("equipment.return.title", { tag: unit.data?.asset_tag ?? "" })}
      data-testid="return-modal"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            unit_id: unitId,
            returned_on: normalizeDate(on),
            condition,
            note: note.trim() ? note.trim() : null,
          });
        }}
      >
        <Stack gap="sm">
          {loan && (
            <Text size="sm" data-testid="return-loan">
              {t("equipment.return.lentTo", {
                child: loan.child_name,
                from: dateWithWeekday(t, loan.lent_on, lang),
                due: dateWithWeekday(t, loan.due_on, lang),
              })}
            </Text>
          )}
          {at("unit_id") && (
            <Text c="red.8" size="sm" data-testid="return-unit-error">
              {at("unit_id")}
            </Text>
          )}
          <DateField
            label={t("equipment.return.on")}
            value={on}
            onChange={setOn}
            error={at("returned_on")}
            withAsterisk
            data-testid="return-on"
          />
          <NativeSelect
            label={t("equipment.return.condition")}
            value={condition}
            onChange={(event) => setCondition(event.currentTarget.value as UnitCondition)}
            data={CONDITIONS.map((c) => ({ value: c, label: t(`equipment.condition.${c}`) }))}
            error={at("condition")}
            data-testid="return-condition"
          />
          <TextInput
            label={t("equipment.return.note")}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={at("note")}
            autoComplete="off"
          />
          {elsewhere && (
            <Alert color="red" title={t(`errorKind.${elsewhere.kind}`)}>
              {elsewhere.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("equipment.return.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="return-submit">
              {t("equipment.return.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
