import { DataList, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ProviderDetail } from "../../api";
import { wareki } from "../../cases/dates";
import { Section } from "../../cases/page/Section";

function Item({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue data-testid={testId}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Where the provider is, how to reach it, and where the record comes from. */
export function ContactSection({ detail }: { detail: ProviderDetail }) {
  const { t } = useTranslation();
  const p = detail.provider;
  const none = (
    <Text span c="dimmed" size="sm">
      {t("providerPage.notEntered")}
    </Text>
  );
  const or = (value: string | number | null) =>
    value === null || value === "" ? none : String(value);
  return (
    <Section title={t("providerPage.contact")} testId="provider-contact">
      <DataList labelWidth={130} gap="xs" withDivider>
        <Item label={t("providerPage.address")} testId="provider-page-address">
          <Text size="sm">
            {p.postal_code && `〒${p.postal_code} `}
            {p.address}
          </Text>
          <Text size="sm" c="dimmed">
            {detail.municipality_name}
          </Text>
          <Text size="xs" c="dimmed" data-testid="provider-location-source">
            {detail.location_source === "entered"
              ? t("providerPage.locationEntered", {
                  lat: p.lat?.toFixed(4),
                  lon: p.lon?.toFixed(4),
                })
              : t("providerPage.locationHall")}
          </Text>
        </Item>
        <Item label={t("providerPage.phone")} testId="provider-page-phone">
          {p.phone ? (
            <Text span size="md" fw={700}>
              {p.phone}
            </Text>
          ) : (
            none
          )}
        </Item>
        <Item label={t("providerPage.fax")}>{or(p.fax)}</Item>
        <Item label={t("providerPage.email")}>{or(p.email)}</Item>
        <Item label={t("providerPage.contactPerson")}>{or(p.contact_person)}</Item>
        <Item label={t("providerPage.businessNumber")}>
          {p.business_number ? (
            <Text span size="sm" ff="monospace">
              {p.business_number}
            </Text>
          ) : (
            none
          )}
        </Item>
        <Item label={t("providerPage.capacity")}>
          {p.capacity === null ? none : t("providerPage.people", { count: p.capacity })}
        </Item>
        <Item label={t("providerPage.openingHours")}>{or(p.opening_hours)}</Item>
        <Item label={t("providerPage.source")} testId="provider-page-source">
          {t(`providerSource.${p.record_source}`)}
        </Item>
        <Item label={t("providerPage.lastVerified")} testId="provider-page-verified">
          {p.last_verified_on ? (
            <>
              {p.last_verified_on}
              {wareki(p.last_verified_on) && (
                <Text span c="dimmed" size="sm">
                  （{wareki(p.last_verified_on)}）
                </Text>
              )}
            </>
          ) : (
            none
          )}
        </Item>
      </DataList>
    </Section>
  );
}
