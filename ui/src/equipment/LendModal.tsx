import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type EquipmentUnit, type Loan, lendEquipment } from "../api";
import { normalizeDate } from "../cases/dates";
import { DateField } from "../cases/fields/DateField";
import { ChildPicker, type PickedChild } from "../common/ChildPicker";
import { EQUIPMENT_KEY, errorsAt } from "./useEquipment";

type Props = {
  /** The units that may go out now (not on loan, not retired), and the one to start with. */
  units: EquipmentUnit[];
  initialUnitId: string | null;
  today: string;
  onClose: () => void;
  onLent: (loan: Loan) => void;
};

const FIELDS = ["unit_id", "child_id", "lent_on", "due_on", "note"] as const;

/**
 * 貸出: a unit to a child's family from a day until a due day. The core refuses a unit already
 * out or not in working order (at 機器), and a due day before the loan starts (at 返却予定日).
 */
export function LendModal({ units, initialUnitId, today, onClose, onLent }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState(initialUnitId ?? units[0]?.id ?? "");
  const [child, setChild] = useState<PickedChild | null>(null);
  const [childMissing, setChildMissing] = useState(false);
  const [from, setFrom] = useState(today);
  const [due, setDue] = useState("");
  const [note, setNote] = useState("");
  const lend = useMutation({
    mutationFn: lendEquipment,
    onSuccess: (loan) => {
      void client.invalidateQueries({ queryKey: EQUIPMENT_KEY });
      onLent(loan);
    },
  });
  const { at, elsewhere } = errorsAt(lend.error, FIELDS);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("equipment.lend.title")}
      size="lg"
      data-testid="lend-modal"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!child) {
            setChildMissing(true);
            return;
          }
          lend.mutate({
            unit_id: unitId,
            child_id: child.id,
            lent_on: normalizeDate(from),
            due_on: normalizeDate(due),
            note: note.trim(),
          });
        }}
      >
        <Stack gap="sm">
          {units.length === 0 && <Text c="dimmed">{t("equipment.noLendable")}</Text>}
          <NativeSelect
            label={t("equipment.lend.unit")}
            value={unitId}
            onChange={(event) => setUnitId(event.currentTarget.value)}
            data={units.map((u) => ({
              value: u.id,
              label: t("equipment.lend.unitOption", { tag: u.asset_tag, type: u.type_name }),
            }))}
            error={at("unit_id")}
            data-testid="lend-unit"
          />
          <ChildPicker
            value={child}
            onChange={(picked) => {
              setChild(picked);
              setChildMissing(false);
            }}
            withAsterisk
            error={childMissing ? t("childPicker.required") : at("child_id")}
            data-testid="lend-child"
          />
          <Group grow align="flex-start">
            <DateField
              label={t("equipment.lend.from")}
              value={from}
              onChange={setFrom}
              error={at("lent_on")}
              withAsterisk
              data-testid="lend-from"
            />
            <DateField
              label={t("equipment.lend.due")}
              value={due}
              onChange={setDue}
              error={at("due_on")}
              withAsterisk
              data-testid="lend-due"
            />
          </Group>
          <TextInput
            label={t("equipment.lend.note")}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={at("note")}
            autoComplete="off"
          />
          {elsewhere && (
            <Alert color="red" title={t(`errorKind.${elsewhere.kind}`)} data-testid="lend-error">
              {elsewhere.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("equipment.lend.cancel")}
            </Button>
            <Button
              type="submit"
              loading={lend.isPending}
              disabled={units.length === 0}
              data-testid="lend-submit"
            >
              {t("equipment.lend.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
