import {
  Accordion,
  Alert,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ApiError,
  createReferral,
  type MatchResult,
  matchProviders,
  moveReferral,
  type PlanDetail,
  type PlanSaved,
  type ProviderKind,
  type Role,
} from "../../api";
import { isLang } from "../../i18n";
import { formatAgeYm, ROLE_KINDS } from "../model";
import { DASHBOARD_KEY, PLANS_KEY, planKey } from "../usePlan";
import { MatchCard } from "./MatchCard";

type Props = {
  detail: PlanDetail;
  /** The role whose panel is open (null: none) */
  openRole: Role | null;
  onOpenRole: (role: Role | null) => void;
};

/**
 * For every role no one fills yet, a panel that finds the providers who could take this child
 * on the target date (matching in the core), says why the others cannot, and sends a referral in
 * one step. A panel asks the core only once it is opened.
 */
export function FindProviders({ detail, openRole, onOpenRole }: Props) {
  const { t } = useTranslation();
  if (detail.plan.status !== "active") return null;
  return (
    <Paper withBorder p="md" component="section" data-testid="plan-find" id="plan-find">
      <Title order={2} size="h4" mb={4}>
        {t("plan.find.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {detail.open_roles.length > 0 ? t("plan.find.intro") : t("plan.find.allFilled")}
      </Text>
      {detail.open_roles.length > 0 && (
        <Accordion
          variant="separated"
          value={openRole}
          onChange={(value) => onOpenRole(value as Role | null)}
          chevronPosition="left"
        >
          {detail.open_roles.map((role) => (
            <Accordion.Item key={role} value={role} data-testid={`find-${role}`}>
              <Accordion.Control data-testid={`find-open-${role}`}>
                <Group gap="sm">
                  <Text fw={700}>{t(`plan.role.${role}`)}</Text>
                  <Text size="sm" c="dimmed">
                    {ROLE_KINDS[role].map((kind) => t(`providerKind.${kind}.short`)).join("・")}
                  </Text>
                  {detail.referrals.some((r) => r.role === role && r.status === "sent") && (
                    <Text size="xs" c="blue.8">
                      {t("plan.find.awaiting")}
                    </Text>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {openRole === role && <RoleFinder detail={detail} role={role} />}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Paper>
  );
}

function RoleFinder({ detail, role }: { detail: PlanDetail; role: Role }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const kinds = ROLE_KINDS[role];
  const [kind, setKind] = useState<ProviderKind>(kinds[0] as ProviderKind);
  const [includeUnmet, setIncludeUnmet] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const lang = isLang(i18n.language) ? i18n.language : "ja";
  const target = detail.plan.target_date;
  const found = useQuery<MatchResult, ApiError>({
    queryKey: [...PLANS_KEY, "match", detail.child.id, kind, target, includeUnmet, lang],
    queryFn: () =>
      matchProviders({
        child_id: detail.child.id,
        kind,
        target_date: target,
        include_unmet: includeUnmet,
        limit: null,
        lang,
      }),
    placeholderData: (previous) => previous,
  });

  // A referral is drafted and sent in one step; a draft left by a failed send stays in the list
  // of referrals, where it can be sent again.
  const refer = useMutation<PlanSaved, ApiError, string>({
    mutationFn: async (providerId) => {
      const drafted = await createReferral({
        plan_id: detail.plan.id,
        provider_id: providerId,
        role,
        start_on: null,
        note: "",
      });
      client.setQueryData(planKey(detail.child.id), drafted.plan);
      const draft = drafted.plan.referrals.find((r) => r.id === drafted.id);
      return moveReferral({
        referral_id: drafted.id,
        row_version: draft?.row_version ?? 1,
        status: "sent",
        on: null,
        reason: "",
        start_on: null,
      });
    },
    onSuccess: (saved, providerId) => {
      client.setQueryData(planKey(detail.child.id), saved.plan);
      void client.invalidateQueries({ queryKey: DASHBOARD_KEY });
      setSentTo(providerId);
    },
  });

  const openReferral = (providerId: string) =>
    detail.referrals.find(
      (r) =>
        r.provider_id === providerId &&
        r.role === role &&
        ["draft", "sent", "accepted", "active"].includes(r.status),
    );
  const result = found.data;
  const sentName = result?.providers.find((p) => p.provider_id === sentTo)?.name;

  return (
    <Stack gap="sm" data-testid={`finder-${role}`}>
      <Group justify="space-between" gap="sm">
        {kinds.length > 1 ? (
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(value) => setKind(value as ProviderKind)}
            aria-label={t("plan.find.kind")}
            data={kinds.map((k) => ({ value: k, label: t(`providerKind.${k}.short`) }))}
          />
        ) : (
          <Text size="sm">{t(`providerKind.${kind}.label`)}</Text>
        )}
        <Switch
          checked={includeUnmet}
          onChange={(event) => setIncludeUnmet(event.currentTarget.checked)}
          label={t("plan.find.includeUnmet", { count: result?.counts.unmet ?? 0 })}
          data-testid="find-include-unmet"
        />
      </Group>
      {found.isError && (
        <Alert color="red" title={t("plan.find.error")}>
          {found.error.message}
        </Alert>
      )}
      {found.isPending && (
        <Text size="sm" c="dimmed">
          {t("plan.find.loading")}
        </Text>
      )}
      {result && (
        <>
          <Text size="xs" c="dimmed" data-testid="find-facts">
            {t("plan.find.facts", {
              date: result.target_date,
              age: formatAgeYm(t, result.age_months),
              weight: result.weight
                ? t("plan.find.weight", {
                    kg: result.weight.weight_kg,
                    date: result.weight.measured_on,
                  })
                : t("plan.find.noWeight"),
              care:
                result.care_items.length > 0
                  ? result.care_items
                      .map((code) => t(`careItem.${code}.short`))
                      .join(t("plan.find.listSeparator"))
                  : t("plan.find.noCare"),
            })}
            {result.needs_nights_and_weekends && ` ${t("plan.find.nights")}`}
            {` ${t(`plan.find.home.${result.home.source}`)}`}
          </Text>
          <Text size="sm" data-testid="find-counts">
            {t("plan.find.counts", {
              met: result.counts.all_met,
              unknown: result.counts.some_unknown,
              unmet: result.counts.unmet,
            })}
          </Text>
          {sentName && (
            <Alert
              color="teal"
              withCloseButton
              onClose={() => setSentTo(null)}
              data-testid="find-sent"
            >
              {t("plan.find.sent", { name: sentName })}
            </Alert>
          )}
          {result.providers.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="find-empty">
              {result.counts.all_met + result.counts.some_unknown + result.counts.unmet === 0
                ? t("plan.find.noneOfKind")
                : t("plan.find.noneMatching")}
            </Text>
          ) : (
            <Stack gap="xs">
              {result.providers.map((match) => (
                <MatchCard
                  key={match.provider_id}
                  match={match}
                  referral={openReferral(match.provider_id)}
                  canRefer={!refer.isPending}
                  referring={refer.isPending && refer.variables === match.provider_id}
                  error={refer.variables === match.provider_id ? refer.error : null}
                  onRefer={() => refer.mutate(match.provider_id)}
                />
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
