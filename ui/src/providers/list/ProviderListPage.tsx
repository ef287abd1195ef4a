import { Alert, Button, EmptyState, Group, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WriteAction } from "../../users/WriteAction";
import { parseAgeMonths } from "../limits";
import { ExportButton } from "./ExportButton";
import { EMPTY_FILTER_INPUT, type FilterInput, ProviderFilters } from "./ProviderFilters";
import { ProviderTable } from "./ProviderTable";
import {
  type ProviderFilters as Filters,
  NO_FILTERS,
  useProviderFirstPage,
} from "./useProviderSearch";

/** Short enough to feel instant, long enough not to ask the core once per keystroke. */
const SEARCH_DEBOUNCE_MS = 150;

function toNumber(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function toFilters(input: FilterInput): Filters {
  return {
    query: input.query.trim(),
    kind: input.kind || null,
    municipality_code: input.municipality,
    accepts_children: input.children || null,
    care_item: input.careItem || null,
    age_months: parseAgeMonths(input.age),
    weight_kg: toNumber(input.weight),
    around_the_clock: input.aroundTheClock,
    published_only: input.published,
  };
}

/** The resource directory: search and filters, the count, and the list in 五十音順. */
export function ProviderListPage() {
  const { t, i18n } = useTranslation();
  const [input, setInput] = useState<FilterInput>(EMPTY_FILTER_INPUT);
  const [debounced] = useDebouncedValue(input, SEARCH_DEBOUNCE_MS);
  const filters = useMemo(() => toFilters(debounced), [debounced]);
  const first = useProviderFirstPage(filters);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => search.current?.focus(), []);

  const total = first.data?.total ?? 0;
  const unfiltered = JSON.stringify(filters) === JSON.stringify(NO_FILTERS);

  return (
    <Stack
      gap="md"
      h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-lg))"
    >
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t("providerList.title")}
        </Title>
        <Group gap="sm">
          <ExportButton />
          <WriteAction>
            <Button
              component={Link}
              to="/providers/import"
              variant="default"
              data-testid="import-open"
            >
              {t("providerImport.open")}
            </Button>
          </WriteAction>
          <WriteAction>
            <Button component={Link} to="/providers/new" data-testid="providers-new">
              {t("providerList.new")}
            </Button>
          </WriteAction>
        </Group>
      </Group>
      <ProviderFilters
        value={input}
        onChange={setInput}
        searching={first.isFetching}
        searchRef={search}
        aside={
          first.data && (
            <Text
              fw={700}
              size="lg"
              aria-live="polite"
              data-testid="provider-count"
              style={{ whiteSpace: "nowrap" }}
            >
              {t("providerList.count", {
                count: total,
                total: total.toLocaleString(i18n.language),
              })}
            </Text>
          )
        }
      />

      {first.isError ? (
        <Alert color="red" title={t("providerList.loadError")}>
          {first.error.message}
        </Alert>
      ) : first.isPending ? (
        <Text c="dimmed">{t("providerList.loading")}</Text>
      ) : total === 0 && unfiltered ? (
        <EmptyState
          py="xl"
          title={t("providerList.emptyTitle")}
          description={t("providerList.emptyHint")}
          data-testid="provider-empty"
        >
          <Button component={Link} to="/providers/new" mt="md">
            {t("providerList.new")}
          </Button>
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState
          py="xl"
          title={t("providerList.noMatch")}
          description={t("providerList.noMatchHint")}
          data-testid="provider-no-match"
        />
      ) : (
        <>
          <ProviderTable
            key={JSON.stringify(filters)}
            filters={filters}
            first={first.data}
            total={total}
          />
          <Text size="xs" c="dimmed">
            {t("providerList.keyboardHint")}
          </Text>
        </>
      )}
    </Stack>
  );
}
