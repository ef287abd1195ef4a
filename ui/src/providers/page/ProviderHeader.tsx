import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProviderDetail } from "../../api";
import { WriteAction } from "../../users/WriteAction";
import { KIND_COLOR } from "../kinds";

export function ProviderHeader({ detail }: { detail: ProviderDetail }) {
  const { t } = useTranslation();
  const p = detail.provider;
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={2}>
        {p.kana && (
          <Text size="sm" c="dimmed" data-testid="provider-title-kana">
            {p.kana}
          </Text>
        )}
        <Group gap="md" align="center">
          <Title order={1} size="h2" data-testid="provider-title">
            {p.name}
          </Title>
          <Badge
            size="lg"
            variant="light"
            color={KIND_COLOR[p.kind]}
            radius="sm"
            data-testid="provider-kind-badge"
          >
            {t(`providerKind.${p.kind}.label`)}
          </Badge>
        </Group>
      </Stack>
      <Group gap="sm" wrap="nowrap" className="kh-no-print">
        <Button variant="default" component={Link} to="/providers">
          {t("providerPage.backToList")}
        </Button>
        <Button variant="default" onClick={() => window.print()} data-testid="provider-print">
          {t("providerPage.print")}
        </Button>
        <WriteAction>
          <Button component={Link} to={`/providers/${detail.id}/edit`} data-testid="provider-edit">
            {t("providerPage.edit")}
          </Button>
        </WriteAction>
      </Group>
    </Group>
  );
}
