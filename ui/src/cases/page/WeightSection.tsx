import { Alert, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChildDetail, recordWeight } from "../../api";
import { WriteAction } from "../../users/WriteAction";
import { normalizeDate, todayIso } from "../dates";
import { DateField } from "../fields/DateField";
import { NumberField } from "../fields/NumberField";
import { keyed } from "../keyed";
import { Section } from "./Section";
import { useCaseAction } from "./useCaseAction";

/** Rows shown before the list is cut; the latest weight matters most. */
const SHOWN = 8;

export function WeightSection({ detail }: { detail: ChildDetail }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso);
  const [kg, setKg] = useState("");
  const record = useCaseAction(detail.id, recordWeight);
  const error = record.error;
  const at = (field: string) => (error?.field === field ? error.message : undefined);
  const elsewhere =
    error && !["weight.weight_kg", "weight.measured_on"].includes(error.field ?? "");

  return (
    <Section title={t("casePage.weights")} testId="case-weights">
      <Stack gap="sm">
        {detail.weights.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("casePage.noWeights")}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={2} data-testid="weight-list">
            <Table.Tbody>
              {keyed(detail.weights.slice(0, SHOWN), (w) => w.measured_on).map(([key, w]) => (
                <Table.Tr key={key}>
                  <Table.Td>{w.measured_on}</Table.Td>
                  <Table.Td ta="right" fw={w === detail.weights[0] ? 700 : 400}>
                    {t("casePage.kg", { kg: w.weight_kg })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const weight = Number(kg);
            if (kg === "" || !Number.isFinite(weight)) return;
            record.mutate(
              { id: detail.id, weight: { measured_on: normalizeDate(date), weight_kg: weight } },
              { onSuccess: () => setKg("") },
            );
          }}
        >
          <Group align="flex-start" gap="sm">
            <DateField
              w={160}
              label={t("casePage.weightDate")}
              value={date}
              onChange={setDate}
              error={at("weight.measured_on")}
            />
            <NumberField
              w={110}
              decimal
              label={t("casePage.weightKg")}
              value={kg}
              onChange={setKg}
              error={at("weight.weight_kg")}
              data-testid="weight-kg"
            />
            <WriteAction>
              <Button
                type="submit"
                mt={25}
                variant="light"
                disabled={kg === ""}
                loading={record.isPending}
                data-testid="weight-submit"
              >
                {t("casePage.addWeight")}
              </Button>
            </WriteAction>
          </Group>
        </form>
        {elsewhere && (
          <Alert color="red" title={t("casePage.actionError")}>
            {error.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
