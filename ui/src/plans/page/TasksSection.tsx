import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  addTask,
  completeTask,
  type Phase,
  type PlanDetail,
  type PlanTask,
  type Role,
  updateTask,
} from "../../api";
import { normalizeDate } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { Section } from "../../cases/page/Section";
import { WriteAction } from "../../users/WriteAction";
import { addDays, errorsAt, PHASES, ROLES } from "../model";
import { usePlanWrite } from "../usePlan";

type Grouping = "role" | "phase";

/**
 * The plan's tasks by role (or by phase): each with its due date, owner from the team and a box
 * to tick it done (dated today); overdue ones say so. A task can be added by hand.
 */
export function TasksSection({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const [grouping, setGrouping] = useState<Grouping>("role");
  const [adding, setAdding] = useState(false);
  const editable = detail.plan.status === "active";
  const groups: { key: Role | Phase; tasks: PlanTask[] }[] =
    grouping === "role"
      ? ROLES.map((role) => ({ key: role, tasks: detail.tasks.filter((x) => x.role === role) }))
      : PHASES.map((phase) => ({
          key: phase,
          tasks: detail.tasks.filter((x) => x.phase === phase),
        }));
  const groupLabel = (key: Role | Phase) =>
    grouping === "role" ? t(`plan.role.${key as Role}`) : t(`plan.phase.${key as Phase}`);
  const open = detail.tasks.filter((x) => x.status === "open").length;
  const overdue = detail.tasks.filter((x) => x.overdue).length;

  return (
    <Section
      title={t("plan.tasks.title")}
      testId="plan-tasks"
      action={
        <SegmentedControl
          size="xs"
          value={grouping}
          onChange={(value) => setGrouping(value as Grouping)}
          aria-label={t("plan.tasks.groupBy")}
          data={[
            { value: "role", label: t("plan.tasks.byRole") },
            { value: "phase", label: t("plan.tasks.byPhase") },
          ]}
          data-testid="tasks-grouping"
        />
      }
    >
      <Stack gap="md">
        <Text size="sm" data-testid="tasks-summary">
          {t("plan.tasks.summary", { total: detail.tasks.length, open })}
          {overdue > 0 && (
            <Text span c="red.8" fw={700}>
              {" "}
              {t("plan.tasks.overdueCount", { count: overdue })}
            </Text>
          )}
        </Text>
        {detail.tasks.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="tasks-empty">
            {t("plan.tasks.empty")}
          </Text>
        )}
        {groups
          .filter((group) => group.tasks.length > 0)
          .map((group) => (
            <Stack
              key={group.key}
              gap={4}
              component="section"
              aria-label={groupLabel(group.key)}
              data-testid={`task-group-${group.key}`}
            >
              <Text size="sm" fw={700} c="teal.9">
                {groupLabel(group.key)}
                <Text span size="xs" c="dimmed" fw={400}>
                  {" "}
                  {t("plan.tasks.groupCount", { count: group.tasks.length })}
                </Text>
              </Text>
              {group.tasks.map((task) => (
                <TaskRow
                  key={task.id}
                  task={task}
                  detail={detail}
                  editable={editable}
                  aside={
                    grouping === "role"
                      ? t(`plan.phase.${task.phase}`)
                      : t(`plan.role.${task.role}`)
                  }
                />
              ))}
            </Stack>
          ))}
        {editable &&
          (adding ? (
            <AddTaskForm detail={detail} onDone={() => setAdding(false)} />
          ) : (
            <Group>
              <WriteAction>
                <Button variant="light" onClick={() => setAdding(true)} data-testid="task-add">
                  {t("plan.tasks.add")}
                </Button>
              </WriteAction>
            </Group>
          ))}
      </Stack>
    </Section>
  );
}

/** The team members a task may be given to: current ones, and the one it has now. */
function ownerOptions(detail: PlanDetail, task: PlanTask | null, none: string) {
  const members = detail.team.filter((m) => m.current || m.id === task?.owner);
  return [{ value: "", label: none }, ...members.map((m) => ({ value: m.id, label: m.name }))];
}

function TaskRow({
  task,
  detail,
  editable,
  aside,
}: {
  task: PlanTask;
  detail: PlanDetail;
  editable: boolean;
  aside: string;
}) {
  const { t } = useTranslation();
  const complete = usePlanWrite(detail.plan.child_id, completeTask);
  const update = usePlanWrite(detail.plan.child_id, updateTask);
  const error = complete.error ?? update.error;
  const done = task.status === "done";
  const busy = complete.isPending || update.isPending;

  /** The task as it is, with some fields changed: update_task takes every field. */
  const save = (changes: { owner?: string | null; status?: PlanTask["status"] }) => {
    complete.reset();
    update.mutate({
      task_id: task.id,
      row_version: task.row_version,
      phase: task.phase,
      role: task.role,
      title: task.title,
      note: task.note,
      owner: task.owner,
      due_date: task.due_date,
      status: task.status,
      done_on: task.done_on,
      ...changes,
    });
  };
  const toggle = () => {
    if (done) save({ status: "open" });
    else {
      update.reset();
      complete.mutate({ task_id: task.id, row_version: task.row_version, done_on: null });
    }
  };

  return (
    <Stack gap={2}>
      <Group
        gap="sm"
        wrap="nowrap"
        px="xs"
        py={4}
        className="plan-task-row"
        data-testid="task-row"
        data-task-id={task.id}
        data-overdue={task.overdue || undefined}
        bg={task.overdue ? "red.0" : undefined}
        style={{ borderRadius: 4 }}
      >
        <Checkbox
          checked={done}
          disabled={!editable || busy || task.status === "skipped"}
          onChange={toggle}
          aria-label={
            done
              ? t("plan.tasks.reopen", { title: task.title })
              : t("plan.tasks.complete", { title: task.title })
          }
          data-testid="task-done"
        />
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Text
            size="sm"
            td={done ? "line-through" : undefined}
            c={done || task.status === "skipped" ? "dimmed" : undefined}
            data-testid="task-title"
          >
            {task.title}
          </Text>
          <Group gap="xs">
            <Text size="xs" c={task.overdue ? "red.8" : "dimmed"} fw={task.overdue ? 700 : 400}>
              {t("plan.tasks.due", { date: task.due_date })}
            </Text>
            {task.overdue && (
              <Badge color="red" size="sm" variant="filled" data-testid="task-overdue">
                {t("plan.task.overdue")}
              </Badge>
            )}
            {done && task.done_on && (
              <Text size="xs" c="teal.8">
                {t("plan.tasks.doneOn", { date: task.done_on })}
              </Text>
            )}
            {task.status === "skipped" && (
              <Text size="xs" c="dimmed">
                {t("plan.taskStatus.skipped")}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {aside}
            </Text>
            {task.note && (
              <Text size="xs" c="dimmed">
                {task.note}
              </Text>
            )}
          </Group>
        </Stack>
        <NativeSelect
          size="xs"
          w={170}
          aria-label={t("plan.tasks.ownerOf", { title: task.title })}
          value={task.owner ?? ""}
          disabled={!editable || busy}
          onChange={(event) => save({ owner: event.currentTarget.value || null })}
          data={ownerOptions(detail, task, t("plan.tasks.noOwner"))}
          data-testid="task-owner"
        />
      </Group>
      {error && (
        <Text size="xs" c="red.8" px="xs" role="alert" data-testid="task-error">
          {error.message}
        </Text>
      )}
    </Stack>
  );
}

/** A task added by hand: what, whose role, which phase, by when, and who does it. Esc closes. */
function AddTaskForm({ detail, onDone }: { detail: PlanDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [role, setRole] = useState<Role>("msw");
  const [phase, setPhase] = useState<Phase>("introduction");
  const [due, setDue] = useState(addDays(detail.today, 7));
  const [owner, setOwner] = useState("");
  const add = usePlanWrite(detail.plan.child_id, addTask);
  const fields = ["title", "role", "phase", "due_date", "owner"];
  const { at, elsewhere } = errorsAt(add.error, fields);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDone();
    }
  };

  return (
    <form
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(
          {
            plan_id: detail.plan.id,
            title: title.trim(),
            role,
            phase,
            note: "",
            owner: owner || null,
            due_date: normalizeDate(due),
          },
          { onSuccess: onDone },
        );
      }}
      aria-label={t("plan.tasks.add")}
      data-testid="task-add-form"
    >
      <Stack gap="xs" p="sm" bg="gray.0" style={{ borderRadius: 4 }}>
        <TextInput
          label={t("plan.tasks.newTitle")}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={at("title")}
          required
          autoFocus
          data-testid="task-add-title"
        />
        <Group gap="sm" align="flex-start">
          <NativeSelect
            w={170}
            label={t("plan.tasks.role")}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            data={ROLES.map((r) => ({ value: r, label: t(`plan.role.${r}`) }))}
            error={at("role")}
            data-testid="task-add-role"
          />
          <NativeSelect
            w={130}
            label={t("plan.tasks.phase")}
            value={phase}
            onChange={(event) => setPhase(event.currentTarget.value as Phase)}
            data={PHASES.map((p) => ({ value: p, label: t(`plan.phase.${p}`) }))}
            error={at("phase")}
            data-testid="task-add-phase"
          />
          <DateField
            w={160}
            label={t("plan.tasks.dueDate")}
            value={due}
            onChange={setDue}
            error={at("due_date")}
            required
            data-testid="task-add-due"
          />
          <NativeSelect
            w={170}
            label={t("plan.tasks.owner")}
            value={owner}
            onChange={(event) => setOwner(event.currentTarget.value)}
            data={ownerOptions(detail, null, t("plan.tasks.noOwner"))}
            error={at("owner")}
            data-testid="task-add-owner"
          />
        </Group>
        {elsewhere && add.error && (
          <Alert color="red" title={t("plan.actionError")}>
            {add.error.message}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={add.isPending} data-testid="task-add-save">
            {t("plan.tasks.addSave")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("plan.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
