import { Badge, Group, Text } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseRow, CaseSearchResult } from "../../api";
import { formatAge } from "../age";
import { ageMonths, todayIso } from "../dates";
import { STATUS_COLOR } from "../status";
import { type CaseFilters, useCaseRows } from "./useCaseSearch";
import "./caseTable.css";

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 36;
/** Care items shown as labels in a row; the rest are counted (+2). */
const CARE_LABELS_SHOWN = 4;
/** Rows moved by PageUp / PageDown. */
const PAGE_STEP = 10;

type Props = { filters: CaseFilters; first: CaseSearchResult; total: number };

/**
 * The case list: only the rows on screen are in the page, and their data is fetched by pages as
 * they scroll into view. One row is in the Tab order; ↑↓ Home End PageUp PageDown move between
 * rows, Enter or a click opens the case. Give it a new key for a new search, so it starts again
 * at the first row.
 */
export function CaseTable({ filters, first, total }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const rowAt = useCaseRows(filters, first, items[0]?.index ?? 0, items.at(-1)?.index ?? 0);
  const [active, setActive] = useState(0);
  const today = todayIso();

  const focusRow = (index: number) => {
    const next = Math.min(Math.max(index, 0), total - 1);
    setActive(next);
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + PAGE_STEP,
      PageUp: active - PAGE_STEP,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusRow(target);
  };

  return (
    <div className="case-table" data-testid="case-table">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the row links inside */}
      <div ref={scrollRef} className="case-table__scroll" onKeyDown={onKeyDown}>
        <div className="case-table__header">
          <span className="case-table__cell">{t("caseList.column.caseNumber")}</span>
          <span className="case-table__cell">{t("caseList.column.name")}</span>
          <span className="case-table__cell">{t("caseList.column.kana")}</span>
          <span className="case-table__cell">{t("caseList.column.birth")}</span>
          <span className="case-table__cell">{t("caseList.column.municipality")}</span>
          <span className="case-table__cell">{t("caseList.column.status")}</span>
          <span className="case-table__cell case-table__cell--number">
            {t("caseList.column.score")}
          </span>
          <span className="case-table__cell">{t("caseList.column.careItems")}</span>
        </div>
        <div style={{ position: "relative", height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const style = { transform: `translateY(${item.start - HEADER_HEIGHT}px)` };
            if (!row) {
              return (
                <div key={item.key} className="case-table__row" style={style}>
                  <Text className="case-table__cell" size="sm" c="dimmed">
                    {t("caseList.loadingRow")}
                  </Text>
                </div>
              );
            }
            return (
              <Link
                key={item.key}
                to={`/cases/${row.id}`}
                className="case-table__row"
                style={style}
                data-index={item.index}
                data-testid="case-row"
                tabIndex={item.index === active ? 0 : -1}
                onFocus={() => setActive(item.index)}
              >
                <CaseCells row={row} today={today} />
              </Link>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function CaseCells({ row, today }: { row: CaseRow; today: string }) {
  const { t } = useTranslation();
  const months = ageMonths(row.date_of_birth, today);
  const hidden = row.care_items.length - CARE_LABELS_SHOWN;
  return (
    <>
      <span
        className="case-table__cell"
        style={{ fontFamily: "var(--mantine-font-family-monospace)" }}
      >
        {row.case_number}
      </span>
      <span className="case-table__cell" style={{ fontWeight: 700 }}>
        {row.name}
      </span>
      <span className="case-table__cell">{row.kana}</span>
      <span className="case-table__cell">
        {row.date_of_birth}
        {months !== null && (
          <Text span size="xs" c="dimmed" ml={6}>
            {formatAge(t, months)}
          </Text>
        )}
      </span>
      <span className="case-table__cell" title={row.municipality_name}>
        {row.municipality_name}
      </span>
      <span className="case-table__cell">
        <Badge component="span" variant="light" color={STATUS_COLOR[row.status]} size="sm">
          {t(`status.${row.status}`)}
        </Badge>
      </span>
      <span className="case-table__cell case-table__cell--number" style={{ fontWeight: 700 }}>
        {row.medical_care_score}
      </span>
      <Group component="span" className="case-table__cell" gap={4} wrap="nowrap">
        {row.care_items.slice(0, CARE_LABELS_SHOWN).map((code) => (
          <Badge
            component="span"
            key={code}
            variant="outline"
            color="gray"
            size="sm"
            radius="sm"
            style={{ flexShrink: 0 }}
            title={t(`careItem.${code}.label`)}
          >
            {t(`careItem.${code}.short`)}
          </Badge>
        ))}
        {hidden > 0 && (
          <Text span size="xs" c="dimmed">
            +{hidden}
          </Text>
        )}
      </Group>
    </>
  );
}
