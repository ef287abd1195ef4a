import { Box, Group, Paper, Text, Title } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanDetail, PlanTask, TeamMember } from "../../api";
import { addDays, daysBetween, PHASE_SPAN } from "../model";
import "./timeline.css";

/** Width the drawing assumes before the page has been laid out (and in tests). */
const FALLBACK_WIDTH = 960;
const LEFT = 84;
const RIGHT = 24;
const BAND_TOP = 26;
const BAND_HEIGHT = 34;
const AXIS_Y = BAND_TOP + BAND_HEIGHT + 18;
const LANE_TOP = AXIS_Y + 22;
const DOT_GAP = 15;
const DOT_R = 6;
const MEMBER_ROW = 22;

const BAND_PHASES = ["introduction", "preparation", "transition", "home"] as const;

type Placed = { task: PlanTask; x: number; y: number };

/** Where each task's dot goes: at its due date, stacked upwards when dots would touch. */
function placeTasks(tasks: PlanTask[], x: (date: string) => number, laneBottom: number) {
  const sorted = [...tasks].sort((a, b) => a.due_date.localeCompare(b.due_date));
  const placed: Placed[] = [];
  for (const task of sorted) {
    const tx = x(task.due_date);
    const below = placed.filter((p) => Math.abs(p.x - tx) < DOT_R * 2 + 1).length;
    placed.push({ task, x: tx, y: laneBottom - below * DOT_GAP });
  }
  return placed;
}

/** The first day of each month between two ISO dates. */
function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (;;) {
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    const iso = `${y}-${String(m).padStart(2, "0")}-01`;
    if (iso > to) return out;
    out.push(iso);
  }
}

/** Where a phase starts, in days from the target: 「−90日」, and 「+1〜+30日」 for 在宅. */
function offsetWords(t: TFunction, phase: (typeof BAND_PHASES)[number]): string {
  const { from, to } = PHASE_SPAN[phase];
  const signed = (days: number) => (days < 0 ? `−${-days}` : `+${days}`);
  return from >= 0
    ? t("plan.timeline.range", { from: signed(from + 1), to: signed(to) })
    : t("plan.timeline.offset", { days: signed(from) });
}

/** A month's tick: 「12月」 / "Dec", with the year on the first tick and in January. */
function monthLabel(iso: string, withYear: boolean, lang: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const format = new Intl.DateTimeFormat(lang, {
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
  return format.format(date);
}

/** Brings the task's row in the list into view and puts the keyboard on its checkbox. */
function showTask(id: string) {
  const row = document.querySelector<HTMLElement>(`[data-task-id="${id}"]`);
  row?.scrollIntoView({ block: "center", behavior: "smooth" });
  row?.querySelector<HTMLElement>("input")?.focus({ preventScroll: true });
}

const shortDate = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;

/**
 * The plan on a date axis: the pathway's phases (導入期 −90 … 在宅 +30), today, the target
 * discharge date, every task as a dot at its due date (done, open, overdue in red), and the
 * providers of the team from their start date. A dot shows its task when hovered or focused.
 */
export function PlanTimeline({ detail }: { detail: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const { ref, width: measured } = useElementSize();
  const [active, setActive] = useState<string | null>(null);
  const width = measured > 0 ? measured : FALLBACK_WIDTH;
  const target = detail.plan.target_date;
  const today = detail.today;
  const dues = detail.tasks.map((task) => task.due_date).sort();
  const members = detail.team.filter((m) => m.provider_id !== null);

  const candidatesStart = [addDays(target, -100), addDays(today, -7)];
  const candidatesEnd = [addDays(target, 40), addDays(today, 7)];
  if (dues.length > 0) {
    candidatesStart.push(addDays(dues[0] as string, -5));
    candidatesEnd.push(addDays(dues[dues.length - 1] as string, 5));
  }
  const start = candidatesStart.sort()[0] as string;
  const end = candidatesEnd.sort().reverse()[0] as string;
  const span = Math.max(1, daysBetween(start, end));
  const x = (date: string) => LEFT + (daysBetween(start, date) / span) * (width - LEFT - RIGHT);
  const clampX = (date: string) => Math.min(Math.max(x(date), LEFT), width - RIGHT);

  const sameDay = new Map<string, number>();
  for (const due of dues) sameDay.set(due, (sameDay.get(due) ?? 0) + 1);
  const tallest = Math.max(1, ...sameDay.values());
  const taskLaneBottom = LANE_TOP + 8 + (tallest - 1) * DOT_GAP;
  const placed = placeTasks(detail.tasks, x, taskLaneBottom);
  const teamTop = taskLaneBottom + 26;
  const height = teamTop + Math.max(1, members.length) * MEMBER_ROW + 12;
  const activeDot = placed.find((p) => p.task.id === active);

  const dotClass = (task: PlanTask) =>
    task.overdue
      ? "plan-timeline__dot--overdue"
      : task.status === "done"
        ? "plan-timeline__dot--done"
        : task.status === "skipped"
          ? "plan-timeline__dot--skipped"
          : "plan-timeline__dot--open";
  const taskWords = (task: PlanTask) =>
    [
      task.title,
      t("plan.timeline.due", { date: task.due_date }),
      task.overdue ? t("plan.task.overdue") : t(`plan.taskStatus.${task.status}`),
      task.owner_name ? t("plan.timeline.owner", { name: task.owner_name }) : "",
    ]
      .filter(Boolean)
      .join(" · ");

  return (
    <Paper withBorder p="md" component="section" data-testid="plan-timeline">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t("plan.timeline.title")}
        </Title>
        <Group gap="md" className="plan-timeline__legend" aria-hidden="true">
          <Text size="xs">
            <span className="plan-timeline__key plan-timeline__dot--done" />
            {t("plan.taskStatus.done")}
          </Text>
          <Text size="xs">
            <span className="plan-timeline__key plan-timeline__dot--open" />
            {t("plan.taskStatus.open")}
          </Text>
          <Text size="xs">
            <span className="plan-timeline__key plan-timeline__dot--overdue" />
            {t("plan.task.overdue")}
          </Text>
          <Text size="xs">
            <span className="plan-timeline__key plan-timeline__key--member" />
            {t("plan.timeline.member")}
          </Text>
        </Group>
      </Group>
      <Box ref={ref} pos="relative">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="plan-timeline"
          aria-labelledby="plan-timeline-title"
        >
          <title id="plan-timeline-title">{t("plan.timeline.label", { target })}</title>
          {BAND_PHASES.map((phase) => {
            const from = clampX(addDays(target, PHASE_SPAN[phase].from));
            const to = clampX(addDays(target, PHASE_SPAN[phase].to));
            return (
              <g key={phase} data-testid={`timeline-phase-${phase}`}>
                <rect
                  x={from}
                  y={BAND_TOP}
                  width={Math.max(0, to - from)}
                  height={BAND_HEIGHT}
                  className={`plan-timeline__band plan-timeline__band--${phase}`}
                />
                <text
                  x={(from + to) / 2}
                  y={BAND_TOP + 15}
                  textAnchor="middle"
                  className="plan-timeline__phase"
                >
                  {t(`plan.phase.${phase}`)}
                </text>
                <text
                  x={(from + to) / 2}
                  y={BAND_TOP + 29}
                  textAnchor="middle"
                  className="plan-timeline__offset"
                >
                  {offsetWords(t, phase)}
                </text>
              </g>
            );
          })}

          <line
            x1={LEFT}
            x2={width - RIGHT}
            y1={AXIS_Y}
            y2={AXIS_Y}
            className="plan-timeline__axis"
          />
          {monthStarts(start, end).map((month, i) => (
            <g key={month}>
              <line
                x1={x(month)}
                x2={x(month)}
                y1={AXIS_Y - 4}
                y2={AXIS_Y + 4}
                className="plan-timeline__axis"
              />
              <text x={x(month) + 3} y={AXIS_Y + 15} className="plan-timeline__month">
                {monthLabel(month, i === 0 || month.endsWith("-01-01"), i18n.language)}
              </text>
            </g>
          ))}

          <text x={8} y={taskLaneBottom + 4} className="plan-timeline__lane">
            {t("plan.timeline.tasks")}
          </text>
          <text x={8} y={teamTop + 14} className="plan-timeline__lane">
            {t("plan.timeline.team")}
          </text>
          <line
            x1={LEFT}
            x2={width - RIGHT}
            y1={teamTop - 8}
            y2={teamTop - 8}
            className="plan-timeline__divider"
          />

          <g data-testid="timeline-today">
            <line
              x1={clampX(today)}
              x2={clampX(today)}
              y1={BAND_TOP - 6}
              y2={height - 4}
              className="plan-timeline__today"
            />
            <text
              x={clampX(today)}
              y={BAND_TOP - 10}
              textAnchor="middle"
              className="plan-timeline__today-label"
            >
              {t("plan.timeline.today", { date: shortDate(today) })}
            </text>
          </g>
          <g data-testid="timeline-target">
            <line
              x1={x(target)}
              x2={x(target)}
              y1={BAND_TOP - 6}
              y2={height - 4}
              className="plan-timeline__target"
            />
            <text
              x={x(target)}
              y={BAND_TOP - 10}
              textAnchor="middle"
              className="plan-timeline__target-label"
            >
              {t("plan.timeline.target", { date: shortDate(target) })}
            </text>
          </g>

          {placed.map(({ task, x: dx, y }) => (
            // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the mark acts as one (shows its task in the list)
            <g
              key={task.id}
              role="button"
              tabIndex={0}
              aria-label={taskWords(task)}
              className="plan-timeline__task"
              data-testid="timeline-task"
              data-overdue={task.overdue || undefined}
              data-status={task.status}
              onMouseEnter={() => setActive(task.id)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(task.id)}
              onBlur={() => setActive(null)}
              onClick={() => showTask(task.id)}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  showTask(task.id);
                }
              }}
            >
              <title>{taskWords(task)}</title>
              <circle cx={dx} cy={y} r={DOT_R} className={`plan-timeline__dot ${dotClass(task)}`} />
            </g>
          ))}

          {members.length === 0 && (
            <text x={LEFT + 8} y={teamTop + 14} className="plan-timeline__empty">
              {t("plan.timeline.noMembers")}
            </text>
          )}
          {members.map((member, i) => (
            <MemberMark
              key={member.id}
              member={member}
              y={teamTop + i * MEMBER_ROW + 10}
              from={clampX(member.start_date)}
              to={member.end_date ? clampX(member.end_date) : width - RIGHT}
              right={width - RIGHT}
            />
          ))}
        </svg>
        {activeDot && (
          <div
            className="plan-timeline__callout"
            style={{
              left: Math.min(Math.max(activeDot.x - 140, 0), width - 280),
              top: activeDot.y + 12,
            }}
            data-testid="timeline-callout"
          >
            <Text size="sm" fw={700}>
              {activeDot.task.title}
            </Text>
            <Text size="xs">
              {t("plan.timeline.due", { date: activeDot.task.due_date })} ·{" "}
              {t(`plan.role.${activeDot.task.role}`)}
              {activeDot.task.overdue && (
                <Text span size="xs" c="red.8" fw={700}>
                  {" "}
                  · {t("plan.task.overdue")}
                </Text>
              )}
            </Text>
          </div>
        )}
      </Box>
    </Paper>
  );
}

/** A provider of the team: a diamond at its start date and a bar while it serves. */
function MemberMark({
  member,
  y,
  from,
  to,
  right,
}: {
  member: TeamMember;
  y: number;
  from: number;
  to: number;
  right: number;
}) {
  const { t } = useTranslation();
  const label = `${t(`plan.role.${member.role}`)} ${member.name}`;
  // Near the right edge the label goes to the left of its diamond.
  const leftward = right - from < 260;
  return (
    <g
      data-testid="timeline-member"
      aria-label={t("plan.timeline.memberFrom", { label, date: member.start_date })}
    >
      <title>{t("plan.timeline.memberFrom", { label, date: member.start_date })}</title>
      <line x1={from} x2={to} y1={y} y2={y} className="plan-timeline__member-bar" />
      <rect
        x={from - 6}
        y={y - 6}
        width={12}
        height={12}
        transform={`rotate(45 ${from} ${y})`}
        className="plan-timeline__member"
      />
      <text
        x={leftward ? from - 12 : from + 12}
        y={y + 4}
        textAnchor={leftward ? "end" : "start"}
        className="plan-timeline__member-label"
        data-testid="timeline-member-label"
      >
        {label}
      </text>
    </g>
  );
}
