import { Badge, EmptyState, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlannedArea } from "./areas";

/** An honest placeholder: what the area will hold, and that this version does not have it yet. */
export function ComingSoon({ area }: { area: PlannedArea }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid={`area-${area}`}>
      <Title order={1} size="h2">
        {t(`areas.${area}.label`)}
      </Title>
      <EmptyState
        py="xl"
        align="center"
        title={t("comingSoon.title")}
        icon={
          <Badge color="gray" variant="light" size="lg">
            {t("comingSoon.badge")}
          </Badge>
        }
        description={t(`areas.${area}.description`)}
      >
        <EmptyState.Description c="dimmed">{t("comingSoon.notYet")}</EmptyState.Description>
      </EmptyState>
    </Stack>
  );
}
