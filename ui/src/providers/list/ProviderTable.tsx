import { Badge, Text } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProviderListRow, ProviderSearchResult } from "../../api";
import { todayIso } from "../../cases/dates";
import { AnswerMark } from "../conditions/AnswerMark";
import { KIND_COLOR } from "../kinds";
import { type ProviderFilters, useProviderRows } from "./useProviderSearch";
import "./providerTable.css";

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 36;
/** Rows moved by PageUp / PageDown. */
const PAGE_STEP = 10;

type Props = { filters: ProviderFilters; first: ProviderSearchResult; total: number };

/** A record not confirmed for a year is shown in orange: it is time to call again. */
function isStale(verified: string | null, today: string): boolean {
  if (!verified) return true;
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return verified < yearAgo;
}

/**
 * The directory list: only the rows on screen are in the page, fetched by pages as they scroll
 * into view. One row is in the Tab order; ↑↓ Home End PageUp PageDown move between rows, Enter or
 * a click opens the provider. Give it a new key for a new search.
 */
export function ProviderTable({ filters, first, total }: Props) {
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
  const rowAt = useProviderRows(filters, first, items[0]?.index ?? 0, items.at(-1)?.index ?? 0);
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

  const column = (key: string, className = "") => (
    <span className={`provider-table__cell ${className}`}>
      {t(`providerList.column.${key}` as "providerList.column.kind")}
    </span>
  );

  return (
    <div className="provider-table" data-testid="provider-table">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the row links inside */}
      <div ref={scrollRef} className="provider-table__scroll" onKeyDown={onKeyDown}>
        <div className="provider-table__header">
          {column("kind")}
          {column("name")}
          {column("kana")}
          {column("municipality")}
          {column("phone")}
          {column("children", "provider-table__cell--center")}
          {column("aroundTheClock", "provider-table__cell--center")}
          {column("newClients", "provider-table__cell--center")}
          {column("verified")}
        </div>
        <div style={{ position: "relative", height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const style = { transform: `translateY(${item.start - HEADER_HEIGHT}px)` };
            if (!row) {
              return (
                <div key={item.key} className="provider-table__row" style={style}>
                  <Text className="provider-table__cell" size="sm" c="dimmed">
                    {t("providerList.loadingRow")}
                  </Text>
                </div>
              );
            }
            return (
              <Link
                key={item.key}
                to={`/providers/${row.id}`}
                className="provider-table__row"
                style={style}
                data-index={item.index}
                data-testid="provider-row"
                tabIndex={item.index === active ? 0 : -1}
                onFocus={() => setActive(item.index)}
              >
                <ProviderCells row={row} stale={isStale(row.last_verified_on, today)} />
              </Link>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function ProviderCells({ row, stale }: { row: ProviderListRow; stale: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="provider-table__cell" title={t(`providerKind.${row.kind}.label`)}>
        <Badge component="span" variant="light" color={KIND_COLOR[row.kind]} size="sm" radius="sm">
          {t(`providerKind.${row.kind}.short`)}
        </Badge>
      </span>
      <span className="provider-table__cell" style={{ fontWeight: 700 }} title={row.name}>
        {row.name}
      </span>
      <span className="provider-table__cell" title={row.kana}>
        {row.kana}
      </span>
      <span className="provider-table__cell" title={row.municipality_name}>
        {row.municipality_name}
      </span>
      <span className="provider-table__cell provider-table__cell--date">{row.phone}</span>
      <span className="provider-table__cell provider-table__cell--center">
        <AnswerMark answer={row.accepts_children} />
      </span>
      <span className="provider-table__cell provider-table__cell--center">
        <AnswerMark answer={row.around_the_clock} />
      </span>
      <span className="provider-table__cell provider-table__cell--center">
        <AnswerMark answer={row.taking_new_clients} />
      </span>
      <Text
        span
        size="sm"
        className="provider-table__cell provider-table__cell--date"
        c={stale ? "orange.8" : undefined}
        title={stale ? t("providerList.stale") : undefined}
      >
        {row.last_verified_on ?? t("providerList.neverVerified")}
      </Text>
    </>
  );
}
