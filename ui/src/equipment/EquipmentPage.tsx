import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EquipmentUnit } from "../api";
import { currentLang } from "../i18n";
import { dateWithWeekday } from "../planning/dates";
import { WriteAction } from "../users/WriteAction";
import { HistoryModal } from "./HistoryModal";
import { LendModal } from "./LendModal";
import { OverdueSection } from "./OverdueSection";
import { RegisterSection } from "./RegisterSection";
import { ReturnModal } from "./ReturnModal";
import { UnitsSection } from "./UnitsSection";
import {
  EQUIPMENT_KEY,
  OFFICE_NOW_KEY,
  todayOf,
  useEquipmentUnits,
  useOfficeNow,
} from "./useEquipment";

type Open =
  | { kind: "lend"; unitId: string | null }
  | { kind: "return"; unitId: string }
  | { kind: "history"; unit: EquipmentUnit }
  | null;

/**
 * 機器貸出: what is overdue (first, in red, with the family's phone), every unit and who has it,
 * lending and returning, each unit's history, and registering new equipment.
 */
export function EquipmentPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const client = useQueryClient();
  const now = useOfficeNow();
  const today = todayOf(now.data);
  const units = useEquipmentUnits(null);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const lendable = (units.data ?? []).filter((u) => u.loan === null && u.retired_on === null);

  const refresh = () => {
    void client.invalidateQueries({ queryKey: OFFICE_NOW_KEY });
    void client.invalidateQueries({ queryKey: EQUIPMENT_KEY });
  };

  return (
    <Stack gap="lg" data-testid="equipment-page">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} maw={720} style={{ flex: 1 }}>
          <Title order={1} size="h2">
            {t("equipment.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("equipment.intro")}
          </Text>
        </Stack>
        <Stack gap="xs" align="flex-end" style={{ flexShrink: 0 }}>
          {today && (
            <Text fw={700} data-testid="equipment-today">
              {t("equipment.today", { date: dateWithWeekday(t, today, lang) })}
            </Text>
          )}
          <Group gap="xs">
            <Button variant="default" onClick={refresh} data-testid="equipment-refresh">
              {t("equipment.refresh")}
            </Button>
            <WriteAction>
              <Button
                onClick={() => {
                  setDone(null);
                  setOpen({ kind: "lend", unitId: null });
                }}
                disabled={!today}
                data-testid="equipment-lend"
              >
                {t("equipment.lendButton")}
              </Button>
            </WriteAction>
          </Group>
        </Stack>
      </Group>

      {done && (
        <Alert
          color="teal"
          withCloseButton
          onClose={() => setDone(null)}
          data-testid="equipment-done"
        >
          {done}
        </Alert>
      )}

      <OverdueSection onReturn={(unitId) => setOpen({ kind: "return", unitId })} />
      <UnitsSection
        today={today}
        onLend={(unit) => {
          setDone(null);
          setOpen({ kind: "lend", unitId: unit.id });
        }}
        onReturn={(unitId) => {
          setDone(null);
          setOpen({ kind: "return", unitId });
        }}
        onHistory={(unit) => setOpen({ kind: "history", unit })}
      />
      <RegisterSection />

      {open?.kind === "lend" && today && (
        <LendModal
          units={lendable}
          initialUnitId={open.unitId}
          today={today}
          onClose={() => setOpen(null)}
          onLent={(loan) => {
            setOpen(null);
            setDone(
              t("equipment.lend.done", {
                tag: loan.asset_tag,
                child: loan.child_name,
                due: dateWithWeekday(t, loan.due_on, lang),
              }),
            );
          }}
        />
      )}
      {open?.kind === "return" && today && (
        <ReturnModal
          unitId={open.unitId}
          today={today}
          onClose={() => setOpen(null)}
          onReturned={(loan) => {
            setOpen(null);
            setDone(t("equipment.return.done", { tag: loan.asset_tag }));
          }}
        />
      )}
      {open?.kind === "history" && <HistoryModal unit={open.unit} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
