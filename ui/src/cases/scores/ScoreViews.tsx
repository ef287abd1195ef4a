import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type {
  Condition,
  MedicalCareBand,
  MedicalCareScore,
  SevereClass,
  SevereScore,
} from "../../api";

const BAND_COLOR: Record<MedicalCareBand, string> = {
  below_threshold: "gray",
  medical_care_child: "teal",
  staffing_2_to_1: "orange",
  staffing_1_to_1: "red",
};

const CLASS_COLOR: Record<SevereClass, string> = {
  super_severe: "red",
  quasi_severe: "orange",
  none: "gray",
  undetermined: "yellow",
};

const CONDITION_COLOR: Record<Condition, string> = {
  met: "teal",
  not_met: "gray",
  unknown: "yellow",
};

function Total({ value, testId }: { value: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} align="baseline" wrap="nowrap">
      <Text
        fz={30}
        fw={700}
        lh={1.1}
        data-testid={testId}
        style={{ fontVariantNumeric: "tabular-nums" }}
      >
        {value}
      </Text>
      <Text size="sm">{t("scores.unit")}</Text>
    </Group>
  );
}

/** 医療的ケア判定スコア: total, band in words, and one line per item. */
export function MedicalCareScoreView({ score }: { score: MedicalCareScore }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="score-medical-care">
      <Text size="sm" fw={700}>
        {t("scores.medicalCare")}
      </Text>
      <Group gap="sm" align="center">
        <Total value={score.total} testId="score-medical-care-total" />
        <Badge
          size="lg"
          variant="light"
          color={BAND_COLOR[score.band]}
          data-testid="score-medical-care-band"
        >
          {t(`band.${score.band}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t(`bandHint.${score.band}`)}
      </Text>
      {score.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("scores.noItems")}
        </Text>
      ) : (
        <Table verticalSpacing={2} horizontalSpacing={4} fz="sm">
          <Table.Tbody>
            {score.lines.map((line) => (
              <Table.Tr key={line.code} data-testid={`score-line-${line.code}`}>
                <Table.Td>
                  <Text size="sm">{t(`careItem.${line.code}.label`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t("scores.line", {
                      base: line.base,
                      supervision: t(`supervision.${line.supervision}`),
                      supervisionPoints: line.supervision_points,
                    })}
                    {line.note ? `（${line.note}）` : ""}
                  </Text>
                </Table.Td>
                <Table.Td
                  ta="right"
                  fw={700}
                  style={{ whiteSpace: "nowrap", verticalAlign: "top" }}
                >
                  {t("scores.points", { points: line.points })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** 超重症児スコア: total, class, the mobility and duration conditions, and the lines that count. */
export function SevereScoreView({ score }: { score: SevereScore }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="score-severe">
      <Text size="sm" fw={700}>
        {t("scores.severe")}
      </Text>
      <Group gap="sm" align="center">
        <Total value={score.total} testId="score-severe-total" />
        <Badge
          size="lg"
          variant="light"
          color={CLASS_COLOR[score.class]}
          data-testid="score-severe-class"
        >
          {t(`severeClass.${score.class}`)}
        </Badge>
      </Group>
      <Group gap="xs">
        <ConditionBadge
          label={t("scores.mobilityCondition")}
          value={score.mobility_condition}
          testId="score-severe-mobility"
        />
        <ConditionBadge label={t("scores.durationCondition")} value={score.duration_condition} />
      </Group>
      {score.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("scores.noSevereLines")}
        </Text>
      ) : (
        <Table verticalSpacing={2} horizontalSpacing={4} fz="sm">
          <Table.Tbody>
            {score.lines.map((line) => (
              <Table.Tr key={`${line.item_no}-${line.label}`}>
                <Table.Td c="dimmed" w={28} style={{ verticalAlign: "top" }}>
                  {line.item_no}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{line.label}</Text>
                  {line.reason && (
                    <Text size="xs" c="dimmed">
                      {line.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td
                  ta="right"
                  fw={700}
                  style={{ whiteSpace: "nowrap", verticalAlign: "top" }}
                >
                  {t("scores.points", { points: line.points })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ConditionBadge({
  label,
  value,
  testId,
}: {
  label: string;
  value: Condition;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="dot"
      color={CONDITION_COLOR[value]}
      size="md"
      tt="none"
      fw={500}
      data-testid={testId}
    >
      {label}: {t(`condition.${value}`)}
    </Badge>
  );
}
