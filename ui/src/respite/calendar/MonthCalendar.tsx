import { ActionIcon, Button, Group, Text, Title } from "@mantine/core";
import { type KeyboardEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BedTypeSetting, FacilityNights, NightBeds } from "../../api";
import { inStay, monthWeeks, weekdayIndex } from "../model";
import "./calendar.css";

type Props = {
  nights: FacilityNights;
  today: string;
  /** The stay being chosen: its first night, and the day after its last (null while half chosen). */
  selection: { from: string; to: string | null } | null;
  /** The night a refusal named, framed in red. */
  refused: string | null;
  onPick: (night: string) => void;
  onMonth: (delta: number | "today") => void;
};

/**
 * A facility's month: one button per night with, per bed type, used/beds (red when full,
 * struck through when closed) and the marks of closures and extra beds. Arrow keys move a
 * day or a week (the grid has one tab stop); Enter or a click picks the night.
 */
export function MonthCalendar({ nights, today, selection, refused, onPick, onMonth }: Props) {
  const { t } = useTranslation();
  const dates = nights.nights.map((n) => n.date);
  const byDate = new Map(nights.nights.map((n) => [n.date, n]));
  const [focused, setFocused] = useState<string | null>(null);
  const grid = useRef<HTMLTableElement>(null);
  const [year, month] = nights.month.split("-").map(Number) as [number, number];
  const tabStop =
    focused && byDate.has(focused) ? focused : dates.includes(today) ? today : (dates[0] ?? null);

  const move = (event: KeyboardEvent<HTMLButtonElement>, date: string) => {
    const step: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
    };
    let index = dates.indexOf(date);
    if (event.key in step) index += step[event.key] as number;
    else if (event.key === "Home") index = 0;
    else if (event.key === "End") index = dates.length - 1;
    else return;
    event.preventDefault();
    const next = dates[Math.max(0, Math.min(dates.length - 1, index))] as string;
    setFocused(next);
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${next}"]`)?.focus();
  };

  const weekdays = t("respite.calendar.weekdays", { returnObjects: true }) as string[];
  return (
    <div data-testid="respite-calendar">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t("respite.calendar.previous")}
            onClick={() => onMonth(-1)}
            data-testid="calendar-previous"
          >
            ‹
          </ActionIcon>
          <Title order={2} size="h3" data-testid="calendar-month" miw={150} ta="center">
            {t("respite.calendar.title", { year, month })}
          </Title>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t("respite.calendar.next")}
            onClick={() => onMonth(1)}
            data-testid="calendar-next"
          >
            ›
          </ActionIcon>
        </Group>
        <Button variant="subtle" size="compact-sm" onClick={() => onMonth("today")}>
          {t("respite.calendar.thisMonth")}
        </Button>
      </Group>
      <table className="respite-calendar" ref={grid} aria-label={nights.facility_name}>
        <thead>
          <tr>
            {weekdays.map((day, i) => (
              <th key={day} className={weekendClass(i)} scope="col">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(dates).map((week) => (
            <tr key={week.find(Boolean) ?? ""}>
              {week.map((date, i) =>
                date === null ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: blank days before and after the month have no other identity
                  <td key={`blank-${i}`} />
                ) : (
                  <td key={date}>
                    <NightCell
                      date={date}
                      beds={byDate.get(date)?.beds ?? []}
                      settings={nights.bed_types}
                      today={today}
                      selected={
                        selection !== null &&
                        (selection.to === null
                          ? date === selection.from
                          : inStay(date, selection.from, selection.to))
                      }
                      refused={date === refused}
                      tabIndex={date === tabStop ? 0 : -1}
                      onClick={() => {
                        setFocused(date);
                        onPick(date);
                      }}
                      onKeyDown={(event) => move(event, date)}
                    />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <Text size="xs" c="dimmed" mt={4}>
        {t("respite.calendar.legend")}
      </Text>
    </div>
  );
}

const weekendClass = (weekday: number) =>
  weekday === 0 ? "is-sunday" : weekday === 6 ? "is-saturday" : undefined;

function NightCell({
  date,
  beds,
  settings,
  today,
  selected,
  refused,
  tabIndex,
  onClick,
  onKeyDown,
}: {
  date: string;
  beds: NightBeds[];
  settings: BedTypeSetting[];
  today: string;
  selected: boolean;
  refused: boolean;
  tabIndex: number;
  onClick: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const { t } = useTranslation();
  const full = beds.some((b) => b.beds > 0 && b.free === 0);
  const classes = [
    "respite-night",
    weekendClass(weekdayIndex(date)),
    date < today && "is-past",
    date === today && "is-today",
    full && "is-full",
    selected && "is-selected",
    refused && "is-refused",
  ].filter(Boolean);
  const label = [
    date,
    date === today ? t("respite.calendar.today") : "",
    ...beds.map((b) =>
      t("respite.calendar.bedsLabel", {
        type: t(`respite.bedType.${b.bed_type}`),
        used: b.used,
        beds: b.beds,
      }),
    ),
    refused ? t("respite.calendar.refused") : "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <button
      type="button"
      className={classes.join(" ")}
      data-date={date}
      data-testid={`night-${date}`}
      data-full={full || undefined}
      aria-label={label}
      aria-pressed={selected}
      aria-current={date === today ? "date" : undefined}
      tabIndex={tabIndex}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <span className="respite-night__head">
        <span className="respite-night__day">{Number(date.slice(8))}</span>
        {full && <span className="respite-night__full">{t("respite.calendar.full")}</span>}
        {date === today && (
          <span className="respite-night__today">{t("respite.calendar.today")}</span>
        )}
      </span>
      {beds.map((b) => {
        const usual = settings.find((s) => s.bed_type === b.bed_type)?.beds ?? b.beds;
        const mark = !b.exception
          ? null
          : b.beds === 0
            ? t("respite.calendar.closed")
            : b.beds > usual
              ? t("respite.calendar.extra")
              : t("respite.calendar.exception");
        const state = b.beds === 0 ? "is-closed" : b.free === 0 ? "is-full" : "";
        return (
          <span
            key={b.bed_type}
            className={`respite-night__beds ${state}`}
            data-testid="night-beds"
            data-bed-type={b.bed_type}
          >
            <span>{t(`respite.bedShort.${b.bed_type}`)}</span>
            <span className="respite-night__count">
              {mark && <span className="respite-night__mark">{mark}</span>} {b.used}/{b.beds}
            </span>
          </span>
        );
      })}
      {beds.some((b) => b.waiting > 0) && (
        <span className="respite-night__waiting">
          {t("respite.calendar.waiting", {
            count: beds.reduce((sum, b) => sum + b.waiting, 0),
          })}
        </span>
      )}
    </button>
  );
}
