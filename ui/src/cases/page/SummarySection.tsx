import { Badge, DataList, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ChildDetail } from "../../api";
import { wareki } from "../dates";
import { keyed } from "../keyed";
import { Section } from "./Section";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Who the child is, where they live, who to call, and what they are entitled to. */
export function SummarySection({ detail }: { detail: ChildDetail }) {
  const { t } = useTranslation();
  const c = detail.child;
  const none = (
    <Text span c="dimmed" size="sm">
      {t("casePage.notEntered")}
    </Text>
  );
  const cert = c.certificates;
  const certificates = [
    cert.physical_disability_grade !== null &&
      `${t("caseForm.physicalGrade")} ${t("caseForm.grade", { grade: cert.physical_disability_grade })}`,
    cert.ryoiku_techo && `${t("caseForm.ryoiku")} ${cert.ryoiku_techo}`,
    cert.shoman_disease && `${t("caseForm.shoman")}: ${cert.shoman_disease}`,
    cert.special_child_allowance && t("caseForm.allowance"),
    cert.service_certificate && t("caseForm.serviceCertificate"),
    cert.medical_care_category &&
      `${t("caseForm.medicalCareCategory")}: ${cert.medical_care_category}`,
  ].filter((line): line is string => Boolean(line));
  const development = [
    c.oshima_cell !== null && `${t("caseForm.oshima")} ${c.oshima_cell}`,
    c.yokochi_code && `${t("caseForm.yokochi")} ${c.yokochi_code}`,
    c.severe_factors.mobility &&
      `${t("caseForm.mobility")}: ${t(`mobility.${c.severe_factors.mobility}`)}`,
  ].filter((line): line is string => Boolean(line));
  const birth = [
    c.gestational_weeks !== null && t("casePage.weeks", { weeks: c.gestational_weeks }),
    c.birth_weight_g !== null && t("casePage.grams", { grams: c.birth_weight_g.toLocaleString() }),
  ].filter((line): line is string => Boolean(line));

  return (
    <Section title={t("casePage.summary")} testId="case-summary">
      <DataList labelWidth={150} gap="xs" withDivider>
        <Item label={t("casePage.dob")}>
          {c.date_of_birth}
          {wareki(c.date_of_birth) && (
            <Text span c="dimmed" size="sm">
              （{wareki(c.date_of_birth)}）
            </Text>
          )}
          {" ・ "}
          {t("caseForm.sex")}: {t(`sex.${c.sex}`)}
        </Item>
        <Item label={t("casePage.birth")}>{birth.length > 0 ? birth.join(" ・ ") : none}</Item>
        <Item label={t("casePage.diagnoses")}>
          {c.diagnoses.length === 0
            ? none
            : keyed(c.diagnoses, (d) => `${d.text}-${d.icd10}`).map(([key, d]) => (
                <Text key={key} size="sm">
                  {d.text}
                  {d.icd10 && <Text span c="dimmed" size="sm" ff="monospace">{` ${d.icd10}`}</Text>}
                  {d.perinatal && (
                    <Badge component="span" ml={6} size="xs" variant="light" color="grape">
                      {t("casePage.perinatal")}
                    </Badge>
                  )}
                </Text>
              ))}
        </Item>
        <Item label={t("casePage.residence")}>
          <Text size="sm">
            {c.residence.postal_code && `〒${c.residence.postal_code} `}
            {c.residence.address}
          </Text>
          <Text size="sm" c="dimmed" data-testid="case-municipality">
            {detail.municipality_name}
          </Text>
          <Text size="xs" c="dimmed" data-testid="case-location-source">
            {detail.location_source === "entered"
              ? t("casePage.locationEntered", {
                  lat: c.residence.lat?.toFixed(4),
                  lon: c.residence.lon?.toFixed(4),
                })
              : t("casePage.locationHall")}
          </Text>
        </Item>
        <Item label={t("casePage.guardians")}>
          {c.guardians.length === 0 ? (
            none
          ) : (
            <Stack gap={4}>
              {keyed(c.guardians, (g) => `${g.name}-${g.phone_primary}`).map(([key, g]) => (
                <div key={key}>
                  <Text size="sm" fw={500}>
                    {g.name}
                    {g.relation && `（${g.relation}）`}
                  </Text>
                  <Text size="sm">
                    {[g.phone_primary, g.phone_secondary].filter(Boolean).join(" / ")}
                    {g.email && ` ・ ${g.email}`}
                  </Text>
                  {g.language_needs && (
                    <Text size="sm" c="orange.8">
                      {g.language_needs}
                    </Text>
                  )}
                </div>
              ))}
              {c.siblings !== null && (
                <Text size="sm" c="dimmed">
                  {t("casePage.siblings")}: {t("casePage.siblingsValue", { count: c.siblings })}
                </Text>
              )}
            </Stack>
          )}
        </Item>
        <Item label={t("casePage.certificates")}>
          {certificates.length === 0
            ? none
            : certificates.map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
        </Item>
        <Item label={t("casePage.development")}>
          {development.length === 0 ? none : development.join(" ・ ")}
        </Item>
        <Item label={t("casePage.consent")}>
          {c.consent.given_on ? (
            <>
              <Text size="sm">{t("casePage.consentOn", { date: c.consent.given_on })}</Text>
              <Text size="sm" c="dimmed">
                {c.consent.scope.map((s) => t(`consentScope.${s}`)).join("・")}
                {c.consent.note && ` ・ ${c.consent.note}`}
              </Text>
            </>
          ) : (
            <Text span size="sm" c="orange.8">
              {t("casePage.consentNone")}
            </Text>
          )}
        </Item>
        <Item label={t("casePage.coordinator")}>{c.coordinator || none}</Item>
      </DataList>
    </Section>
  );
}
