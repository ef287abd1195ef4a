import { Alert, Button, Group, NativeSelect, Table, Text, TextInput } from "@mantine/core";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PlanDetail, setTraining, type TrainingEntry, type TrainingLevel } from "../../api";
import { normalizeDate } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { Section } from "../../cases/page/Section";
import { errorsAt, TRAINING_COLOR, TRAINING_LEVELS } from "../model";
import { usePlanWrite } from "../usePlan";

const NOWRAP = { whiteSpace: "nowrap" } as const;

/**
 * The family training checklist (DOMAIN.md §5, 11 items): how far the family is with each —
 * 未実施, 指導済み, 見守りで実施, 自立 — since when and seen by whom.
 */
export function TrainingSection({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const editable = detail.plan.status === "active";
  const independent = detail.training.filter((e) => e.level === "independent").length;
  return (
    <Section
      title={t("plan.training.title")}
      testId="plan-training"
      action={
        <Text size="sm" c="dimmed">
          {t("plan.training.progress", { count: independent, total: detail.training.length })}
        </Text>
      }
    >
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("plan.training.item")}</Table.Th>
            <Table.Th style={NOWRAP}>{t("plan.training.level")}</Table.Th>
            <Table.Th style={NOWRAP}>{t("plan.training.on")}</Table.Th>
            <Table.Th style={NOWRAP}>{t("plan.training.byWhom")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.training.map((entry) =>
            editing === entry.item ? (
              <Table.Tr key={entry.item}>
                <Table.Td colSpan={5}>
                  <TrainingForm detail={detail} entry={entry} onDone={() => setEditing(null)} />
                </Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={entry.item} data-testid={`training-${entry.item}`}>
                <Table.Td>{t(`plan.trainingItem.${entry.item}`)}</Table.Td>
                <Table.Td style={NOWRAP}>
                  <Text
                    span
                    size="sm"
                    fw={entry.level === "none" ? 400 : 700}
                    c={`${TRAINING_COLOR[entry.level]}.8`}
                    data-testid="training-level"
                  >
                    {t(`plan.trainingLevel.${entry.level}`)}
                  </Text>
                </Table.Td>
                <Table.Td style={NOWRAP}>{entry.on ?? "－"}</Table.Td>
                <Table.Td>{entry.by_whom || "－"}</Table.Td>
                <Table.Td>
                  {editable && editing === null && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditing(entry.item)}
                      aria-label={t("plan.training.recordOf", {
                        item: t(`plan.trainingItem.${entry.item}`),
                      })}
                    >
                      {t("plan.training.record")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function TrainingForm({
  detail,
  entry,
  onDone,
}: {
  detail: PlanDetail;
  entry: TrainingEntry;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const next = TRAINING_LEVELS[Math.min(TRAINING_LEVELS.indexOf(entry.level) + 1, 3)];
  const [level, setLevel] = useState<TrainingLevel>(next ?? entry.level);
  const [on, setOn] = useState(detail.today);
  const [byWhom, setByWhom] = useState(entry.by_whom);
  const save = usePlanWrite(detail.plan.child_id, setTraining);
  const { at, elsewhere } = errorsAt(save.error, ["level", "on", "by_whom", "note"]);
  return (
    <form
      noValidate
      onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onDone();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            plan_id: detail.plan.id,
            item: entry.item,
            level,
            on: level === "none" ? null : normalizeDate(on),
            by_whom: byWhom.trim(),
            note: entry.note,
            row_version: entry.row_version,
          },
          { onSuccess: onDone },
        );
      }}
      aria-label={t("plan.training.recordOf", { item: t(`plan.trainingItem.${entry.item}`) })}
      data-testid="training-form"
    >
      <Text size="sm" fw={700} mb={4}>
        {t(`plan.trainingItem.${entry.item}`)}
      </Text>
      <Group gap="sm" align="flex-start">
        <NativeSelect
          w={150}
          size="xs"
          label={t("plan.training.level")}
          value={level}
          onChange={(event) => setLevel(event.currentTarget.value as TrainingLevel)}
          data={TRAINING_LEVELS.map((l) => ({ value: l, label: t(`plan.trainingLevel.${l}`) }))}
          error={at("level")}
          autoFocus
        />
        <DateField
          w={140}
          size="xs"
          label={t("plan.training.on")}
          value={on}
          onChange={setOn}
          error={at("on")}
        />
        <TextInput
          size="xs"
          style={{ flex: 1, minWidth: 120 }}
          label={t("plan.training.byWhom")}
          placeholder={t("plan.training.byWhomPlaceholder")}
          value={byWhom}
          onChange={(event) => setByWhom(event.currentTarget.value)}
          error={at("by_whom")}
        />
        <Group gap="xs" mt={22}>
          <Button type="submit" size="xs" loading={save.isPending}>
            {t("plan.training.save")}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t("plan.cancel")}
          </Button>
        </Group>
      </Group>
      {elsewhere && save.error && (
        <Alert color="red" mt="xs" title={t("plan.actionError")}>
          {save.error.message}
        </Alert>
      )}
    </form>
  );
}
