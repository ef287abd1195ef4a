import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Phase } from "../../api";
import { NumberField } from "../../cases/fields/NumberField";
import { PHASES, ROLES } from "../codes";
import { offsetLabel } from "../dates";
import { parseOffset, type TaskRow, type TemplateValues } from "./values";

type Props = {
  form: UseFormReturnType<TemplateValues>;
  onAdd: (phase: Phase) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
  onPhase: (index: number, phase: Phase) => void;
};

/**
 * The template's tasks grouped by phase in time order: title and note, role, phase, and the days
 * from the target date (also said in words, 退院90日前). Rows move within their phase; a row
 * changes phase through its phase select.
 */
export function TaskRows({ form, onAdd, onMove, onRemove, onPhase }: Props) {
  const { t } = useTranslation();
  const rows = form.values.tasks;
  const indexed = rows.map((row, index) => ({ row, index }));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={6} layout="fixed" data-testid="template-tasks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t("planning.templates.column.order")}</Table.Th>
            <Table.Th>{t("planning.templates.column.task")}</Table.Th>
            <Table.Th w={190}>{t("planning.templates.column.role")}</Table.Th>
            <Table.Th w={110}>{t("planning.templates.column.phase")}</Table.Th>
            <Table.Th w={130}>{t("planning.templates.column.offset")}</Table.Th>
            <Table.Th w={70}>
              <VisuallyHidden>{t("planning.templates.column.remove")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        {PHASES.map((phase) => {
          const inPhase = indexed.filter(({ row }) => row.phase === phase);
          return (
            <Table.Tbody key={phase} data-testid={`template-phase-${phase}`}>
              <Table.Tr bg="gray.0">
                <Table.Th colSpan={6} scope="rowgroup">
                  <Group gap="xs">
                    <Text fw={700}>{t(`planning.phase.${phase}`)}</Text>
                    <Text size="sm" c="dimmed">
                      {t("planning.templates.phaseCount", { count: inPhase.length })}
                    </Text>
                  </Group>
                </Table.Th>
              </Table.Tr>
              {inPhase.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text size="sm" c="dimmed">
                      {t("planning.templates.phaseEmpty")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {inPhase.map(({ row, index }, i) => (
                <Row
                  key={row.key}
                  form={form}
                  row={row}
                  index={index}
                  first={i === 0}
                  last={i === inPhase.length - 1}
                  onMove={onMove}
                  onRemove={onRemove}
                  onPhase={onPhase}
                />
              ))}
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => onAdd(phase)}
                    data-testid={`template-add-${phase}`}
                  >
                    {`＋ ${t("planning.templates.addTask", { phase: t(`planning.phase.${phase}`) })}`}
                  </Button>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          );
        })}
      </Table>
    </Table.ScrollContainer>
  );
}

type RowProps = Omit<Props, "onAdd"> & {
  row: TaskRow;
  index: number;
  first: boolean;
  last: boolean;
};

function Row({ form, row, index, first, last, onMove, onRemove, onPhase }: RowProps) {
  const { t } = useTranslation();
  const path = (leaf: keyof TaskRow) => `tasks.${index}.${leaf}`;
  const title = row.title.trim() || t("planning.templates.untitled");
  const offset = parseOffset(row.offset);
  const offsetInput = form.getInputProps(path("offset"));
  return (
    <Table.Tr data-testid="template-row" data-row-key={row.key}>
      <Table.Td style={{ verticalAlign: "top" }}>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="default"
            disabled={first}
            onClick={() => onMove(index, -1)}
            aria-label={t("planning.templates.moveUp", { title })}
            data-testid="template-move-up"
          >
            ↑
          </ActionIcon>
          <ActionIcon
            variant="default"
            disabled={last}
            onClick={() => onMove(index, 1)}
            aria-label={t("planning.templates.moveDown", { title })}
            data-testid="template-move-down"
          >
            ↓
          </ActionIcon>
        </Group>
      </Table.Td>
      <Table.Td style={{ verticalAlign: "top" }}>
        <TextInput
          size="sm"
          aria-label={t("planning.templates.taskTitle")}
          placeholder={t("planning.templates.taskTitle")}
          title={row.title}
          data-testid="template-task-title"
          {...form.getInputProps(path("title"))}
        />
        <TextInput
          mt={4}
          size="xs"
          variant="filled"
          aria-label={t("planning.templates.taskNote")}
          placeholder={t("planning.templates.taskNotePlaceholder")}
          data-testid="template-task-note"
          {...form.getInputProps(path("note"))}
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: "top" }}>
        <NativeSelect
          size="sm"
          aria-label={t("planning.templates.column.role")}
          data={ROLES.map((role) => ({ value: role, label: t(`planning.role.${role}`) }))}
          data-testid="template-task-role"
          {...form.getInputProps(path("role"))}
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: "top" }}>
        <NativeSelect
          size="sm"
          aria-label={t("planning.templates.column.phase")}
          data={PHASES.map((phase) => ({ value: phase, label: t(`planning.phase.${phase}`) }))}
          value={row.phase}
          error={form.errors[path("phase")]}
          onChange={(event) => onPhase(index, event.currentTarget.value as Phase)}
          data-testid="template-task-phase"
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: "top" }}>
        <NumberField
          size="sm"
          negative
          w={100}
          aria-label={t("planning.templates.offsetLabel")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          description={offset === null ? undefined : offsetLabel(t, offset)}
          data-testid="template-task-offset"
          {...offsetInput}
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: "top" }}>
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          onClick={() => onRemove(index)}
          aria-label={t("planning.templates.remove", { title })}
          data-testid="template-remove"
        >
          {t("planning.templates.column.remove")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
