import { DataList, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Conditions } from "../../api";
import { ageRange, weightRange } from "../limits";
import { useMunicipalityNames } from "./useMunicipalityNames";

function Item({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue data-testid={testId}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** The conditions that are not ○ / ×: age and weight limits, service area, free text. */
export function ConditionsFacts({ conditions }: { conditions: Conditions }) {
  const { t } = useTranslation();
  const nameOf = useMunicipalityNames();
  const none = (
    <Text span size="sm" c="dimmed">
      {t("providerConditions.noLimit")}
    </Text>
  );
  const area = conditions.service_area;
  const areaParts = [
    area.municipality_codes.map(nameOf).join("・"),
    area.radius_km !== null && t("providerConditions.radius", { km: area.radius_km }),
  ].filter((part): part is string => Boolean(part));
  return (
    <DataList labelWidth={110} gap="xs" withDivider>
      <Item label={t("providerConditions.age")} testId="conditions-age">
        {ageRange(t, conditions) ?? none}
      </Item>
      <Item label={t("providerConditions.weight")} testId="conditions-weight">
        {weightRange(t, conditions) ?? none}
      </Item>
      <Item label={t("providerConditions.serviceArea")} testId="conditions-area">
        {areaParts.length > 0 ? areaParts.join(" ・ ") : none}
      </Item>
      <Item label={t("providerConditions.freeText")} testId="conditions-free-text">
        {conditions.free_text ? (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {conditions.free_text}
          </Text>
        ) : (
          <Text span size="sm" c="dimmed">
            {t("providerConditions.noFreeText")}
          </Text>
        )}
      </Item>
    </DataList>
  );
}
