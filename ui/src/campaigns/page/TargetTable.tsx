import { Anchor, Badge, Button, Stack, Table, Text } from "@mantine/core";
import { Fragment, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CampaignTarget } from "../../api";
import { WriteAction } from "../../users/WriteAction";
import { isOpen, STATE_COLOR } from "../states";
import { StepForm } from "./StepForm";

type Props = {
  targets: CampaignTarget[];
  /** The target whose step form is open, if any. */
  stepping: string | null;
  onStep: (targetId: string | null) => void;
  onAnswer: (targetId: string) => void;
};

const COLUMNS = 8;
const NO_WRAP = { whiteSpace: "nowrap" } as const;

/** The campaign's targets, one row each; an open one can record a step or its answer. */
export function TargetTable({ targets, stepping, onStep, onAnswer }: Props) {
  const { t } = useTranslation();
  const stepButtons = useRef(new Map<string, HTMLButtonElement>());
  // Closing the step form (saved or not) puts the keyboard back on the row's button.
  const closeStep = (targetId: string) => {
    onStep(null);
    requestAnimationFrame(() => stepButtons.current.get(targetId)?.focus());
  };
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="xs" striped highlightOnHover data-testid="target-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("surveyPage.column.name")}</Table.Th>
            <Table.Th>{t("surveyPage.column.kind")}</Table.Th>
            <Table.Th>{t("surveyPage.column.municipality")}</Table.Th>
            <Table.Th>{t("surveyPage.column.phone")}</Table.Th>
            <Table.Th>{t("surveyPage.column.state")}</Table.Th>
            <Table.Th>{t("surveyPage.column.date")}</Table.Th>
            <Table.Th>{t("surveyPage.column.note")}</Table.Th>
            <Table.Th>{t("surveyPage.column.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targets.map((target) => (
            <Fragment key={target.id}>
              <Table.Tr data-testid="target-row" data-state={target.state}>
                <Table.Td>
                  <Anchor component={Link} to={`/providers/${target.provider_id}`} size="sm">
                    {target.provider_name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {target.provider_kana}
                  </Text>
                </Table.Td>
                <Table.Td style={NO_WRAP}>
                  <Text size="sm">{t(`providerKind.${target.provider_kind}.short`)}</Text>
                </Table.Td>
                <Table.Td style={NO_WRAP}>
                  <Text size="sm">{target.municipality_name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {target.phone}
                  </Text>
                </Table.Td>
                {/* A badge's label may be cut short with an ellipsis: the state never may. */}
                <Table.Td style={{ ...NO_WRAP, minWidth: "6.5em" }}>
                  <Badge
                    variant="light"
                    color={STATE_COLOR[target.state]}
                    radius="sm"
                    style={{ overflow: "visible" }}
                    styles={{ label: { overflow: "visible" } }}
                    data-testid="target-state"
                  >
                    {t(`surveyState.${target.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: "nowrap" }} data-testid="target-date">
                    {target.answered_on ?? target.state_on}
                  </Text>
                </Table.Td>
                <Table.Td style={{ minWidth: "8em" }}>
                  <Text size="sm" data-testid="target-note">
                    {target.note}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {isOpen(target.state) && (
                    // Stacked, so the names keep the width they need.
                    <Stack gap={4} align="stretch">
                      <WriteAction>
                        <Button
                          size="compact-sm"
                          variant={stepping === target.id ? "filled" : "default"}
                          ref={(node) => {
                            if (node) stepButtons.current.set(target.id, node);
                            else stepButtons.current.delete(target.id);
                          }}
                          onClick={() => onStep(stepping === target.id ? null : target.id)}
                          aria-expanded={stepping === target.id}
                          data-testid="target-record-step"
                        >
                          {t("surveyPage.recordStep")}
                        </Button>
                      </WriteAction>
                      <WriteAction>
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => onAnswer(target.id)}
                          data-testid="target-enter-answer"
                        >
                          {t("surveyPage.enterAnswer")}
                        </Button>
                      </WriteAction>
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
              {stepping === target.id && (
                <Table.Tr data-testid="step-row">
                  <Table.Td colSpan={COLUMNS} bg="var(--mantine-color-blue-0)">
                    <StepForm target={target} onDone={() => closeStep(target.id)} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
