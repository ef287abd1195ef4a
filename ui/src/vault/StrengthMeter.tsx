import { Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError, PassphraseStrength } from "../api";

/** Colours from red to green for scores 0..4, the scale of the core's strength estimate. */
const SCORE_COLORS = ["red", "orange", "yellow", "lime", "green"] as const;

type Props = { strength: PassphraseStrength | null; error: ApiError | null };

export function StrengthMeter({ strength, error }: Props) {
  const { t } = useTranslation();
  const score = strength ? Math.min(4, Math.max(0, Math.round(strength.score))) : null;
  const level = score === null ? "" : t(`strength.level.${score as 0 | 1 | 2 | 3 | 4}`);
  return (
    <Stack
      gap={4}
      data-testid="strength-meter"
      data-score={score ?? undefined}
      data-acceptable={strength ? String(strength.acceptable) : undefined}
      aria-live="polite"
    >
      <Progress
        value={score === null ? 0 : ((score + 1) / 5) * 100}
        color={score === null ? "gray" : SCORE_COLORS[score]}
        size="md"
        aria-label={t("strength.label", { level })}
        transitionDuration={150}
      />
      {error ? (
        <Text size="sm" c="red">
          {error.message}
        </Text>
      ) : strength ? (
        <>
          <Text size="sm" fw={500}>
            {t("strength.label", { level })}
            {" — "}
            {strength.acceptable ? t("strength.acceptable") : t("strength.notAcceptable")}
          </Text>
          {strength.hint && (
            <Text size="sm" c="dimmed">
              {strength.hint}
            </Text>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t("strength.empty")}
        </Text>
      )}
    </Stack>
  );
}
