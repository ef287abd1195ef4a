import { Alert, EmptyState, Group, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MunicipalityTable } from "./MunicipalityTable";
import { useMunicipalities } from "./useMunicipalities";

/** Short enough to feel instant, long enough not to ask the core once per keystroke. */
const SEARCH_DEBOUNCE_MS = 120;

export function MunicipalitiesPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const result = useMunicipalities(debounced);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => search.current?.focus(), []);

  const rows = result.data ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("municipalities.title")}
      </Title>
      <Group align="flex-end" justify="space-between" wrap="nowrap">
        <TextInput
          ref={search}
          flex={1}
          maw={480}
          type="search"
          label={t("municipalities.search")}
          placeholder={t("municipalities.searchPlaceholder")}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          data-testid="municipality-search"
          rightSection={result.isFetching ? <Loader size="xs" /> : null}
        />
        {result.data && (
          <Text fw={500} aria-live="polite" data-testid="municipality-count">
            {t("municipalities.count", { count: rows.length })}
          </Text>
        )}
      </Group>

      {result.isError ? (
        <Alert color="red" title={t("municipalities.loadError")}>
          {result.error.message}
        </Alert>
      ) : result.isPending ? (
        <Text c="dimmed">{t("municipalities.loading")}</Text>
      ) : rows.length === 0 ? (
        <EmptyState
          py="xl"
          title={t("municipalities.empty")}
          description={t("municipalities.emptyHint")}
          data-testid="municipality-empty"
        />
      ) : (
        <MunicipalityTable rows={rows} />
      )}
    </Stack>
  );
}
