import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CampaignSummary } from "../../api";
import { todayIso } from "../../cases/dates";
import { WriteAction } from "../../users/WriteAction";
import { CampaignProgress } from "../CampaignProgress";
import { openCount } from "../states";
import { useCampaignList } from "../useCampaigns";

/** Every survey campaign, the latest sent first, each with how far its answers are. */
export function CampaignListPage() {
  const { t } = useTranslation();
  const list = useCampaignList();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t("surveyList.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("surveyList.intro")}
          </Text>
        </Stack>
        <WriteAction>
          <Button component={Link} to="/surveys/new" data-testid="surveys-new">
            {t("surveyList.new")}
          </Button>
        </WriteAction>
      </Group>

      {list.isError ? (
        <Alert color="red" title={t("surveyList.loadError")}>
          {list.error.message}
        </Alert>
      ) : list.isPending ? (
        <Text c="dimmed">{t("surveyList.loading")}</Text>
      ) : list.data.length === 0 ? (
        <EmptyState
          py="xl"
          title={t("surveyList.emptyTitle")}
          description={t("surveyList.emptyHint")}
          data-testid="surveys-empty"
        >
          <WriteAction>
            <Button component={Link} to="/surveys/new" mt="md">
              {t("surveyList.new")}
            </Button>
          </WriteAction>
        </EmptyState>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {list.data.map((campaign) => (
            <CampaignCard key={campaign.id} campaign={campaign} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const overdue =
    campaign.due_on !== null && campaign.due_on < todayIso() && openCount(campaign.counts) > 0;
  return (
    <Paper component="li" withBorder p="md" data-testid="survey-row">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Anchor
          component={Link}
          to={`/surveys/${campaign.id}`}
          fw={700}
          size="lg"
          data-testid="survey-title"
        >
          {campaign.title}
        </Anchor>
        <Group gap="lg" wrap="nowrap">
          <Text size="sm" style={{ whiteSpace: "nowrap" }}>
            <Text span c="dimmed" size="sm">
              {t("surveyList.sentOn")}
            </Text>{" "}
            {campaign.sent_on}
          </Text>
          <Text size="sm" style={{ whiteSpace: "nowrap" }}>
            <Text span c="dimmed" size="sm">
              {t("surveyList.dueOn")}
            </Text>{" "}
            {campaign.due_on ?? t("surveyList.noDue")}
          </Text>
          {overdue && (
            <Badge color="orange" variant="light">
              {t("surveyList.overdue")}
            </Badge>
          )}
        </Group>
      </Group>
      {campaign.note && (
        <Text size="sm" c="dimmed" mb="xs">
          {campaign.note}
        </Text>
      )}
      <CampaignProgress campaign={campaign} testId={`survey-progress-${campaign.id}`} />
    </Paper>
  );
}
