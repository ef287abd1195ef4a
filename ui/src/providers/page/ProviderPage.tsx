import { Alert, Button, Grid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useProvider } from "../useProvider";
import { AnswerForm } from "./AnswerForm";
import { ConditionsSection } from "./ConditionsSection";
import { ContactSection } from "./ContactSection";
import { ProviderHeader } from "./ProviderHeader";
import { ProviderHistorySection } from "./ProviderHistorySection";
import { PublicationSection } from "./PublicationSection";
import "./print.css";

/** One provider: contacts, consent, what it accepts (now and in every earlier answer), history. */
export function ProviderPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const provider = useProvider(id);
  const [recording, setRecording] = useState(false);

  if (provider.isPending) return <Text c="dimmed">{t("providerList.loading")}</Text>;
  if (provider.isError) {
    return (
      <Stack align="flex-start">
        <Alert
          color="red"
          title={
            provider.error.kind === "not_found"
              ? t("providerPage.notFound")
              : t("providerPage.loadError")
          }
        >
          {provider.error.message}
        </Alert>
        <Button component={Link} to="/providers" variant="default">
          {t("providerPage.backToList")}
        </Button>
      </Stack>
    );
  }

  const detail = provider.data;
  return (
    <Stack gap="md" data-testid="provider-page" className="provider-page">
      <ProviderHeader detail={detail} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ContactSection detail={detail} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <PublicationSection detail={detail} />
        </Grid.Col>
        <Grid.Col span={12}>
          <ConditionsSection detail={detail} onRecord={() => setRecording(true)} />
        </Grid.Col>
        <Grid.Col span={12} className="kh-no-print">
          <ProviderHistorySection detail={detail} />
        </Grid.Col>
      </Grid>
      <AnswerForm detail={detail} opened={recording} onClose={() => setRecording(false)} />
    </Stack>
  );
}
