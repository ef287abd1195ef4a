import { Alert, Divider, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { memo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ScoreRequest, Scores } from "../../api";
import { MedicalCareScoreView, SevereScoreView } from "./ScoreViews";
import { useLiveScores } from "./useLiveScores";

/**
 * The scores of what is ticked on the form, recomputed by the core as items are ticked. While an
 * entry cannot be scored (a date half typed), the last scores stay and the problem is named.
 */
function ScorePanelView({ request }: { request: ScoreRequest }) {
  const { t } = useTranslation();
  const scores = useLiveScores(request);
  const last = useRef<Scores | null>(null);
  if (scores.data) last.current = scores.data;
  const shown = scores.data ?? last.current;
  return (
    <Paper withBorder shadow="xs" p="md" data-testid="score-panel" aria-live="polite">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {t("scores.title")}
          </Title>
          {scores.isFetching && <Loader size="xs" />}
        </Group>
        <Text size="xs" c="dimmed">
          {t("scores.live")}
        </Text>
        {scores.isError && (
          <Alert color="orange" variant="light" title={t("scores.error")} data-testid="score-error">
            {problemAt(scores.error.field, request, t)}
            {scores.error.message}
          </Alert>
        )}
        {shown && (
          <>
            <MedicalCareScoreView score={shown.medical_care} />
            <Divider />
            <SevereScoreView score={shown.severe} />
            <Text size="xs" c="dimmed">
              {t("scores.rules", {
                version: `${shown.medical_care.rules_version} / ${shown.severe.rules_version}`,
              })}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Renders again only when what would be sent changes, not at every keystroke in the form. */
export const ScorePanel = memo(
  ScorePanelView,
  (prev, next) => JSON.stringify(prev.request) === JSON.stringify(next.request),
);

/** 「吸引: 」 before a message about `care_items[i]…`, naming the item the core refused. */
function problemAt(field: string | null, request: ScoreRequest, t: TFunction): string {
  const index = /^care_items\[(\d+)\]/.exec(field ?? "")?.[1];
  const code = index === undefined ? undefined : request.care_items[Number(index)]?.code;
  return code ? `${t(`careItem.${code}.label`)}: ` : "";
}
