import { Alert, Button, EmptyState, Grid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DisasterSection } from "../../disaster/profile/DisasterSection";
import { RespiteSection } from "../../respite/child/RespiteSection";
import { useChild } from "../useChild";
import { CareSection } from "./CareSection";
import { CaseHeader } from "./CaseHeader";
import { HistorySection } from "./HistorySection";
import { Section } from "./Section";
import { StatusSection } from "./StatusSection";
import { SummarySection } from "./SummarySection";
import { WeightSection } from "./WeightSection";

/** One child: summary, care and scores, weights, status history, team, and the change history. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const child = useChild(id);

  if (child.isPending) return <Text c="dimmed">{t("caseList.loading")}</Text>;
  if (child.isError) {
    return (
      <Stack align="flex-start">
        <Alert
          color="red"
          title={
            child.error.kind === "not_found" ? t("casePage.notFound") : t("casePage.loadError")
          }
        >
          {child.error.message}
        </Alert>
        <Button component={Link} to="/cases" variant="default">
          {t("casePage.backToList")}
        </Button>
      </Stack>
    );
  }

  const detail = child.data;
  return (
    <Stack gap="md" data-testid="case-page">
      <CaseHeader detail={detail} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SummarySection detail={detail} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <StatusSection detail={detail} />
        </Grid.Col>
        <Grid.Col span={12}>
          <CareSection detail={detail} />
        </Grid.Col>
        <Grid.Col span={12}>
          <DisasterSection childId={detail.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <WeightSection detail={detail} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section title={t("casePage.team")} testId="case-team">
            <EmptyState py="md" description={t("casePage.teamEmpty")} />
          </Section>
        </Grid.Col>
        <Grid.Col span={12}>
          <RespiteSection childId={detail.id} />
        </Grid.Col>
        <Grid.Col span={12}>
          <HistorySection detail={detail} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
