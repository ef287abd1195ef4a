import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ChildDetail } from "../../api";
import { CaseDocumentsMenu } from "../../disaster/documents/DocumentButtons";
import { WriteAction } from "../../users/WriteAction";
import { formatAge } from "../age";
import { STATUS_COLOR } from "../status";

export function CaseHeader({ detail }: { detail: ChildDetail }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {detail.child.kana}
        </Text>
        <Group gap="md" align="center">
          <Title order={1} size="h2" data-testid="case-title">
            {detail.child.name}
          </Title>
          <Badge
            size="lg"
            variant="light"
            color={STATUS_COLOR[detail.status]}
            data-testid="case-status"
          >
            {t(`status.${detail.status}`)}
          </Badge>
        </Group>
        <Group gap="lg">
          <Text size="sm">
            {t("casePage.caseNumber")}:{" "}
            <Text span ff="monospace" fw={700} data-testid="case-number">
              {detail.case_number}
            </Text>
          </Text>
          <Text size="sm">
            {t("casePage.age")}: <b data-testid="case-age">{formatAge(t, detail.age_months)}</b>
          </Text>
          <Text size="sm">
            {t("casePage.dob")}: {detail.child.date_of_birth}
          </Text>
        </Group>
      </Stack>
      <Group gap="sm" wrap="nowrap">
        <Button variant="default" component={Link} to="/cases">
          {t("casePage.backToList")}
        </Button>
        <CaseDocumentsMenu childId={detail.id} />
        <Button
          variant="light"
          component={Link}
          to={`/cases/${detail.id}/plan`}
          data-testid="case-plan"
        >
          {t("plan.openFromCase")}
        </Button>
        <WriteAction>
          <Button component={Link} to={`/cases/${detail.id}/edit`} data-testid="case-edit">
            {t("casePage.edit")}
          </Button>
        </WriteAction>
      </Group>
    </Group>
  );
}
