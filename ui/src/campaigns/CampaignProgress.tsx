import { Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CampaignSummary } from "../api";
import { PROGRESS_ORDER, STATE_COLOR } from "./states";

type Props = {
  campaign: CampaignSummary;
  /** Shows every state with its label and count under the bar (the campaign page). */
  legend?: boolean;
  testId?: string;
};

/**
 * How far a campaign is: a bar split by state (answered first) and the line office staff say
 * aloud, 「148件送付 · 109件回答 · 39件電話」.
 */
export function CampaignProgress({
  campaign,
  legend = false,
  testId = "campaign-progress",
}: Props) {
  const { t } = useTranslation();
  const { counts, total } = campaign;
  return (
    <Stack gap={6} data-testid={testId}>
      <Group gap="md" justify="space-between" wrap="nowrap">
        <Text fw={700} data-testid={`${testId}-line`}>
          {progressLine(t, campaign)}
        </Text>
        <Text fw={700} c="teal.8" style={{ whiteSpace: "nowrap" }}>
          {t("surveyProgress.percent", { percent: campaign.answered_percent })}
        </Text>
      </Group>
      <Progress.Root size="lg" aria-label={t("surveyProgress.label")}>
        {PROGRESS_ORDER.filter((s) => counts[s] > 0).map((state) => (
          <Tooltip key={state} label={`${t(`surveyState.${state}`)} ${counts[state]}`}>
            <Progress.Section
              value={total === 0 ? 0 : (counts[state] * 100) / total}
              color={STATE_COLOR[state]}
              aria-label={`${t(`surveyState.${state}`)} ${counts[state]}`}
            />
          </Tooltip>
        ))}
      </Progress.Root>
      {legend && (
        <Group gap="lg" data-testid={`${testId}-legend`}>
          {PROGRESS_ORDER.map((state) => (
            <Group key={state} gap={6} wrap="nowrap">
              <span
                aria-hidden="true"
                style={{
                  width: 12,
                  height: 12,
                  borderRadius: 2,
                  background: `var(--mantine-color-${STATE_COLOR[state]}-filled)`,
                }}
              />
              <Text size="sm">
                {t(`surveyState.${state}`)} {counts[state]}
              </Text>
            </Group>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** 「8件送付 · 1件回答 · 1件電話」: every target, the answered ones, then each step taken. */
export function progressLine(t: TFunction, campaign: CampaignSummary): string {
  const { counts } = campaign;
  const parts = [
    t("surveyProgress.sent", { count: campaign.total }),
    t("surveyProgress.answered", { count: counts.answered }),
  ];
  for (const state of ["phoned", "visited", "no_answer"] as const) {
    if (counts[state] > 0) parts.push(t(`surveyProgress.${state}`, { count: counts[state] }));
  }
  return parts.join(" · ");
}
