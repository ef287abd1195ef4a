import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApiError, ConditionCheck, MatchOutcome, ProviderMatch, Referral } from "../../api";
import "./match.css";

const OUTCOME_COLOR: Record<MatchOutcome, string> = {
  all_met: "teal",
  some_unknown: "yellow",
  unmet: "red",
};

const MARK = { met: "○", unmet: "×", unknown: "？" } as const;

/** A condition's short name for its mark: 小児, 年齢, 体重, 呼吸器, 地域, 夜間… */
export function criterionLabel(t: TFunction, check: ConditionCheck): string {
  const c = check.criterion;
  return c.kind === "care_item" ? t(`careItem.${c.code}.short`) : t(`plan.criterion.${c.kind}`);
}

type Props = {
  match: ProviderMatch;
  /** The open referral to this provider for the role, if one was sent already */
  referral: Referral | undefined;
  /** False while another referral is being sent */
  canRefer: boolean;
  referring: boolean;
  error: ApiError | null;
  onRefer: () => void;
};

/**
 * One provider as matching found it: how far from home, whether the home is in its area, each
 * condition as ○ met / × unmet / ？ not answered, the reasons in words, and 紹介する.
 */
export function MatchCard({ match, referral, canRefer, referring, error, onRefer }: Props) {
  const { t } = useTranslation();
  const notMet = match.checks.filter((check) => check.verdict.status !== "met");
  return (
    <Paper
      withBorder
      p="sm"
      className="match-card"
      data-outcome={match.outcome}
      data-testid="match-provider"
      component="article"
      aria-label={match.name}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor
              component={Link}
              to={`/providers/${match.provider_id}`}
              fw={700}
              size="sm"
              data-testid="match-name"
            >
              {match.name}
            </Anchor>
            <Badge color={OUTCOME_COLOR[match.outcome]} variant="light" data-testid="match-outcome">
              {t(`plan.outcome.${match.outcome}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" className="plan-facts">
            <span data-testid="match-distance">
              {t("plan.find.distance", { km: match.distance_km.toFixed(1) })}
            </span>
            <span data-testid="match-area">
              {match.in_service_area === null
                ? t("plan.find.areaUnknown")
                : match.in_service_area
                  ? t("plan.find.inArea")
                  : t("plan.find.outOfArea")}
            </span>
            {match.address && <span className="plan-facts__address">{match.address}</span>}
            {match.phone && <span>{t("plan.find.phone", { phone: match.phone })}</span>}
          </Text>
          <Group gap={6} wrap="wrap" data-testid="match-marks">
            {match.checks.map((check) => (
              <span
                key={JSON.stringify(check.criterion)}
                className="match-mark"
                data-verdict={check.verdict.status}
                title={check.words}
                data-testid="match-mark"
              >
                <span className="match-mark__symbol">{MARK[check.verdict.status]}</span>
                {criterionLabel(t, check)}
              </span>
            ))}
          </Group>
          {notMet.length > 0 && (
            <Stack gap={0} data-testid="match-reasons">
              {notMet.map((check) => (
                <Text
                  key={JSON.stringify(check.criterion)}
                  size="sm"
                  c={check.verdict.status === "unmet" ? "red.8" : "yellow.9"}
                  data-testid="match-reason"
                  data-verdict={check.verdict.status}
                >
                  {MARK[check.verdict.status]} {check.words}
                </Text>
              ))}
            </Stack>
          )}
          {error && (
            <Alert
              color="red"
              p="xs"
              title={t("plan.find.referError")}
              data-testid="match-refer-error"
            >
              {error.message}
            </Alert>
          )}
        </Stack>
        {referral ? (
          <Badge color="blue" variant="outline" size="lg" data-testid="match-referred">
            {t("plan.find.referred", { status: t(`plan.referralStatus.${referral.status}`) })}
          </Badge>
        ) : (
          <Button
            size="sm"
            variant={match.outcome === "all_met" ? "filled" : "default"}
            loading={referring}
            disabled={!canRefer && !referring}
            onClick={onRefer}
            aria-label={t("plan.find.referTo", { name: match.name })}
            data-testid="match-refer"
            style={{ flexShrink: 0 }}
          >
            {t("plan.find.refer")}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
