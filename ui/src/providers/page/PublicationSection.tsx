import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProviderDetail } from "../../api";
import { Section } from "../../cases/page/Section";
import { AnswerMark } from "../conditions/AnswerMark";

const PARTS = ["name", "address", "phone", "contact_person", "conditions"] as const;

/** Which parts the provider agreed to publish, and when. Internal views show everything. */
export function PublicationSection({ detail }: { detail: ProviderDetail }) {
  const { t } = useTranslation();
  const c = detail.provider.publication;
  return (
    <Section title={t("providerPage.publication")} testId="provider-publication">
      <Stack gap="xs">
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} maw={340}>
          <Table.Tbody>
            {PARTS.map((part) => (
              <Table.Tr key={part} data-testid={`publication-${part}`}>
                <Table.Th w={130} fw={400}>
                  {t(`providerPublication.${part}`)}
                </Table.Th>
                <Table.Td>
                  <AnswerMark
                    answer={c[part] ? "yes" : "no"}
                    word={t(c[part] ? "providerPage.published" : "providerPage.notPublished")}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c={c.consented_on ? undefined : "orange.8"} data-testid="publication-date">
          {c.consented_on
            ? t("providerPage.consentedOn", { date: c.consented_on })
            : t("providerPage.noConsent")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("providerPage.publicationHint")}
        </Text>
      </Stack>
    </Section>
  );
}
