import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  type CampaignDetail,
  type CampaignTarget,
  saveChaseList,
  type TargetState,
} from "../../api";
import { CampaignProgress } from "../CampaignProgress";
import { isOpen, openCount, TARGET_STATES } from "../states";
import { useCampaign, useChaseList } from "../useCampaigns";
import { ChaseListPrint } from "./ChaseListPrint";
import { SurveyAnswer } from "./SurveyAnswer";
import { TargetTable } from "./TargetTable";
import "./print.css";

type Filter = "all" | "open" | TargetState;

const kana = new Intl.Collator("ja");

/** 五十音順 by reading, so a row stays where it was when its state changes. */
const byReading = (a: CampaignTarget, b: CampaignTarget) =>
  kana.compare(a.provider_kana, b.provider_kana) || kana.compare(a.provider_name, b.provider_name);

/**
 * One survey campaign: its progress, its targets with a step or an answer to record for each
 * open one, and the chase list to save as CSV or print.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const campaign = useCampaign(id);

  if (campaign.isPending) return <Text c="dimmed">{t("surveyPage.loading")}</Text>;
  if (campaign.isError) {
    return (
      <Stack align="flex-start">
        <Alert
          color="red"
          title={
            campaign.error.kind === "not_found"
              ? t("surveyPage.notFound")
              : t("surveyPage.loadError")
          }
        >
          {campaign.error.message}
        </Alert>
        <Button component={Link} to="/surveys" variant="default">
          {t("surveyPage.backToList")}
        </Button>
      </Stack>
    );
  }
  return <CampaignView detail={campaign.data} />;
}

function CampaignView({ detail }: { detail: CampaignDetail }) {
  const { t } = useTranslation();
  const { campaign } = detail;
  const chase = useChaseList(campaign.id);
  const [filter, setFilter] = useState<Filter>("all");
  const [stepping, setStepping] = useState<string | null>(null);
  const [answering, setAnswering] = useState<string | null>(null);
  const save = useMutation({ mutationFn: () => saveChaseList(campaign.id) });

  const open = openCount(campaign.counts);
  const shown = useMemo(
    () =>
      detail.targets
        .filter((target) =>
          filter === "all"
            ? true
            : filter === "open"
              ? isOpen(target.state)
              : target.state === filter,
        )
        .sort(byReading),
    [detail.targets, filter],
  );
  const answerTarget = detail.targets.find((target) => target.id === answering);
  const count = (f: Filter) =>
    f === "all" ? campaign.total : f === "open" ? open : campaign.counts[f];
  const filters: Filter[] = ["all", "open", ...TARGET_STATES];

  return (
    <Stack gap="md" data-testid="survey-page">
      <div className="kh-no-print">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Title order={1} size="h2" data-testid="survey-page-title">
                {campaign.title}
              </Title>
              <Group gap="lg">
                <Text size="sm">{t("surveyPage.sentOn", { date: campaign.sent_on })}</Text>
                {campaign.due_on && (
                  <Text size="sm">{t("surveyPage.dueOn", { date: campaign.due_on })}</Text>
                )}
              </Group>
              {campaign.note && (
                <Text size="sm" c="dimmed">
                  {campaign.note}
                </Text>
              )}
            </Stack>
            <Button variant="default" component={Link} to="/surveys">
              {t("surveyPage.backToList")}
            </Button>
          </Group>

          <Paper withBorder p="md">
            <CampaignProgress campaign={campaign} legend testId="survey-page-progress" />
          </Paper>

          <Group gap="sm">
            <Button
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={open === 0}
              data-testid="chase-save"
            >
              {t("surveyPage.saveCsv")}
            </Button>
            <Button
              variant="default"
              onClick={() => window.print()}
              disabled={open === 0 || !chase.data}
              data-testid="chase-print-button"
            >
              {t("surveyPage.print")}
            </Button>
            {open === 0 && (
              <Text size="sm" c="dimmed">
                {t("surveyPage.nothingToChase")}
              </Text>
            )}
          </Group>
          {save.data && (
            <Alert
              color="teal"
              withCloseButton
              onClose={() => save.reset()}
              data-testid="chase-saved"
            >
              {t("surveyPage.saved", { count: save.data.rows, file: save.data.file_name })}
            </Alert>
          )}
          {save.error && (
            <Alert color="red" title={t("surveyPage.saveError")} data-testid="chase-save-error">
              {save.error.message}
            </Alert>
          )}

          <SegmentedControl
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            aria-label={t("surveyPage.filter")}
            data={filters.map((f) => ({
              value: f,
              label: `${f === "all" || f === "open" ? t(`surveyPage.${f}`) : t(`surveyState.${f}`)} ${count(f)}`,
            }))}
            style={{ alignSelf: "flex-start" }}
            data-testid="target-filter"
          />
          {shown.length === 0 ? (
            <Text c="dimmed" py="md" data-testid="target-none">
              {t("surveyPage.noTargets")}
            </Text>
          ) : (
            <TargetTable
              targets={shown}
              stepping={stepping}
              onStep={setStepping}
              onAnswer={setAnswering}
            />
          )}
        </Stack>
      </div>
      {chase.data && <ChaseListPrint campaign={campaign} rows={chase.data} />}
      {answerTarget && isOpen(answerTarget.state) && (
        <SurveyAnswer target={answerTarget} onClose={() => setAnswering(null)} />
      )}
    </Stack>
  );
}
