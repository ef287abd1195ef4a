import { Alert, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DisasterProfile } from "../../api";
import { formatDateTime } from "../../cases/dates";
import { Section } from "../../cases/page/Section";
import { WriteAction } from "../../users/WriteAction";
import { REGISTRATIONS } from "../model";
import { useDisasterProfile } from "../useDisaster";
import { BatteryHours, WarningAlerts } from "../Warnings";

/**
 * The case page's 「災害時の備え」: how long the batteries last, what is missing (warnings), the
 * registrations, where to go and whom to call, with 「編集」 to the full form.
 */
export function DisasterSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const profile = useDisasterProfile(childId);
  return (
    <Section
      title={t("disaster.section.title")}
      testId="case-disaster"
      action={
        <WriteAction>
          <Button
            component={Link}
            to={`/cases/${childId}/disaster`}
            variant="light"
            size="xs"
            data-testid="disaster-edit"
          >
            {t("disaster.section.edit")}
          </Button>
        </WriteAction>
      }
    >
      {profile.isPending && (
        <Text size="sm" c="dimmed">
          {t("caseList.loading")}
        </Text>
      )}
      {profile.isError && (
        <Alert color="red" title={t("disaster.section.loadError")}>
          {profile.error.message}
        </Alert>
      )}
      {profile.data && <ProfileSummary data={profile.data} />}
    </Section>
  );
}

function ProfileSummary({ data }: { data: DisasterProfile }) {
  const { t } = useTranslation();
  const { profile } = data;
  const others = data.warnings.filter((w) => w.code !== "no_profile");
  if (data.row_version === 0) {
    return (
      <Stack gap="xs">
        <Text size="sm" data-testid="disaster-empty">
          {t("disaster.section.empty")}
        </Text>
        {others.length > 0 && <WarningAlerts warnings={others} />}
      </Stack>
    );
  }
  const dependent = profile.devices.length > 0 || data.total_battery_hours !== null;
  return (
    <Stack gap="sm">
      {others.length > 0 && <WarningAlerts warnings={others} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing={6}>
        <Line label={t("disaster.section.total")}>
          <BatteryHours
            hours={data.total_battery_hours}
            dependent={dependent}
            testId="disaster-total"
          />
          {dependent && (
            <Text span size="xs" c="dimmed">
              {" "}
              （{t("disaster.section.totalHint")}）
            </Text>
          )}
        </Line>
        <Line label={t("disaster.section.devices")}>
          {profile.devices.length === 0
            ? t("disaster.section.noDevices")
            : profile.devices
                .map((d) => [t(`disaster.deviceKind.${d.kind}`), d.name].filter(Boolean).join(" "))
                .join("、")}
        </Line>
        <Line label={t("disaster.section.registrations")}>
          <Group component="span" style={{ rowGap: 2, columnGap: 16 }}>
            {REGISTRATIONS.map((key) => {
              const reg = profile[key];
              return (
                <Text span size="sm" key={key} data-testid={`disaster-reg-${key}`}>
                  {t(`disaster.registration.${key}`)}{" "}
                  <Text span size="sm" fw={700} c={reg.registered ? "teal.8" : "orange.8"}>
                    {reg.registered
                      ? (reg.on ?? t("disaster.registration.registered"))
                      : t("disaster.registration.notRegistered")}
                  </Text>
                </Text>
              );
            })}
          </Group>
        </Line>
        <Line label={t("disaster.section.hospital")}>{profile.emergency_hospital || "—"}</Line>
        <Line label={t("disaster.section.shelter")}>
          {[profile.evacuation_site, profile.welfare_shelter].filter(Boolean).join(" ／ ") || "—"}
        </Line>
        <Line label={t("disaster.section.contacts")}>
          {profile.contacts.length === 0
            ? t("disaster.section.noContacts")
            : profile.contacts
                .map(
                  (c, i) =>
                    `${i + 1}. ${c.name}${c.relation ? `（${c.relation}）` : ""} ${c.phone}`,
                )
                .join("　")}
        </Line>
      </SimpleGrid>
      {data.updated_at && (
        <Text size="xs" c="dimmed">
          {t("disaster.section.updated", { at: formatDateTime(data.updated_at) })}
        </Text>
      )}
    </Stack>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={112} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ flex: 1 }}>
        {children}
      </Text>
    </Group>
  );
}
