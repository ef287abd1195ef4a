import { Alert, Button, EmptyState, Group, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WriteAction } from "../../users/WriteAction";
import { CaseFilters, EMPTY_FILTER_INPUT, type FilterInput } from "./CaseFilters";
import { CaseTable } from "./CaseTable";
import { type CaseFilters as Filters, NO_FILTERS, useCaseFirstPage } from "./useCaseSearch";

/** Short enough to feel instant, long enough not to ask the core once per keystroke. */
const SEARCH_DEBOUNCE_MS = 150;

const toNumber = (text: string): number | null => {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : null;
};

function toFilters(input: FilterInput): Filters {
  return {
    query: input.query.trim(),
    municipality_code: input.municipality,
    status: input.status || null,
    care_item: input.careItem || null,
    score_min: toNumber(input.scoreMin),
    score_max: toNumber(input.scoreMax),
  };
}

/** The case registry: search and filters, the count, and the 五十音順 list the core returns. */
export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const [input, setInput] = useState<FilterInput>(EMPTY_FILTER_INPUT);
  const [debounced] = useDebouncedValue(input, SEARCH_DEBOUNCE_MS);
  const filters = useMemo(() => toFilters(debounced), [debounced]);
  const first = useCaseFirstPage(filters);
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
          {t("caseList.title")}
        </Title>
        <WriteAction>
          <Button component={Link} to="/cases/new" data-testid="cases-new">
            {t("caseList.new")}
          </Button>
        </WriteAction>
      </Group>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
        <CaseFilters
          value={input}
          onChange={setInput}
          searching={first.isFetching}
          searchRef={search}
        />
        {first.data && (
          <Text
            fw={700}
            size="lg"
            aria-live="polite"
            data-testid="case-count"
            style={{ whiteSpace: "nowrap" }}
          >
            {t("caseList.count", { count: total, total: total.toLocaleString(i18n.language) })}
          </Text>
        )}
      </Group>

      {first.isError ? (
        <Alert color="red" title={t("caseList.loadError")}>
          {first.error.message}
        </Alert>
      ) : first.isPending ? (
        <Text c="dimmed">{t("caseList.loading")}</Text>
      ) : total === 0 && unfiltered ? (
        <EmptyState
          py="xl"
          title={t("caseList.emptyTitle")}
          description={t("caseList.emptyHint")}
          data-testid="case-empty"
        >
          <Button component={Link} to="/cases/new" mt="md">
            {t("caseList.new")}
          </Button>
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState
          py="xl"
          title={t("caseList.noMatch")}
          description={t("caseList.noMatchHint")}
          data-testid="case-no-match"
        />
      ) : (
        <>
          <CaseTable
            key={JSON.stringify(filters)}
            filters={filters}
            first={first.data}
            total={total}
          />
          <Text size="xs" c="dimmed">
            {t("caseList.keyboardHint")}
          </Text>
        </>
      )}
    </Stack>
  );
}
