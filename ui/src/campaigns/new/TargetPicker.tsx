import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, type MouseEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ProviderKind, type ProviderSearch, searchProviders } from "../../api";
import { MunicipalitySelect } from "../../municipalities/MunicipalitySelect";
import { PROVIDER_KINDS } from "../../providers/kinds";
import { PROVIDERS_KEY } from "../../providers/useProvider";

/** As many as one answer of the core holds; past that the person narrows the list down. */
const SHOWN_AT_MOST = 1000;
const SEARCH_DEBOUNCE_MS = 150;

type Props = {
  selected: string[];
  onChange: (ids: string[]) => void;
  /** The core's refusal of the target list (field `provider_ids`). */
  error?: React.ReactNode;
};

/**
 * The providers a survey was sent to: filter the directory by name, kind and municipality,
 * then tick rows or take every row shown. The choice is kept across filters, so stations of
 * two kinds can be picked one after the other. Enter here never submits the survey form.
 */
export function TargetPicker({ selected, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<ProviderKind | "">("");
  const [municipality, setMunicipality] = useState<string | null>(null);
  const [debouncedQuery] = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const search: ProviderSearch = {
    query: debouncedQuery.trim(),
    kind: kind || null,
    municipality_code: municipality,
    accepts_children: null,
    care_item: null,
    age_months: null,
    weight_kg: null,
    around_the_clock: false,
    published_only: false,
    limit: SHOWN_AT_MOST,
    offset: 0,
  };
  const providers = useQuery({
    queryKey: [...PROVIDERS_KEY, "survey-targets", search],
    queryFn: () => searchProviders(search),
    placeholderData: keepPreviousData,
  });
  const rows = providers.data?.rows ?? [];
  const total = providers.data?.total ?? 0;
  const chosen = new Set(selected);

  const toggle = (id: string) =>
    onChange(chosen.has(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  const selectShown = () =>
    onChange([...selected, ...rows.map((r) => r.id).filter((id) => !chosen.has(id))]);

  // A stray Enter in a filter or on a checkbox must not create the survey half chosen.
  const keepEnter = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Enter" && (event.target as HTMLElement).tagName === "INPUT") {
      event.preventDefault();
    }
  };
  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    if ((event.target as HTMLElement).closest("input, label")) return;
    toggle(id);
  };

  return (
    <Stack
      gap="sm"
      onKeyDown={keepEnter}
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? "survey-targets-error" : undefined}
      data-testid="survey-targets"
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="search"
          w={200}
          label={t("surveyNew.search")}
          placeholder={t("surveyNew.searchPlaceholder")}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          rightSection={providers.isFetching ? <Loader size="xs" /> : null}
          data-testid="survey-target-search"
        />
        <NativeSelect
          w={260}
          label={t("surveyNew.kind")}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as ProviderKind | "")}
          data={[
            { value: "", label: t("surveyNew.any") },
            ...PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providerKind.${k}.label`) })),
          ]}
          data-testid="survey-target-kind"
        />
        <MunicipalitySelect
          w={180}
          label={t("surveyNew.municipality")}
          placeholder={t("surveyNew.any")}
          value={municipality}
          onChange={setMunicipality}
          testId="survey-target-municipality"
        />
        <Text ml="auto" c="dimmed" aria-live="polite" data-testid="survey-target-shown">
          {providers.data ? t("surveyNew.shown", { count: rows.length }) : ""}
        </Text>
      </Group>

      <Group gap="sm">
        <Button
          variant="light"
          onClick={selectShown}
          disabled={rows.length === 0}
          data-testid="survey-select-shown"
        >
          {t("surveyNew.selectShown")}
        </Button>
        <Button
          variant="default"
          onClick={() => onChange([])}
          disabled={selected.length === 0}
          data-testid="survey-clear-selection"
        >
          {t("surveyNew.clearSelection")}
        </Button>
        <Text fw={700} aria-live="polite" data-testid="survey-selected-count">
          {t("surveyNew.selected", { count: selected.length })}
        </Text>
      </Group>

      {error && (
        <Text c="red" size="sm" id="survey-targets-error" data-testid="survey-targets-error">
          {error}
        </Text>
      )}

      {total > rows.length && (
        <Text size="sm" c="orange.8">
          {t("surveyNew.shownOfTotal", {
            shown: rows.length.toLocaleString(i18n.language),
            total: total.toLocaleString(i18n.language),
          })}
        </Text>
      )}

      {providers.isError ? (
        <Alert color="red" title={t("surveyNew.loadError")}>
          {providers.error.message}
        </Alert>
      ) : providers.isPending ? (
        <Text c="dimmed">{t("surveyNew.loading")}</Text>
      ) : rows.length === 0 ? (
        <Stack gap={2} py="md" data-testid="survey-target-none">
          <Text>{t("surveyNew.noProviders")}</Text>
          <Text size="sm" c="dimmed">
            {t("surveyNew.noProvidersHint")}
          </Text>
        </Stack>
      ) : (
        <ScrollArea.Autosize mah={440} type="auto" offsetScrollbars>
          <Table
            highlightOnHover
            stickyHeader
            verticalSpacing={6}
            data-testid="survey-target-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th>{t("surveyNew.column.name")}</Table.Th>
                <Table.Th>{t("surveyNew.column.kind")}</Table.Th>
                <Table.Th>{t("surveyNew.column.municipality")}</Table.Th>
                <Table.Th>{t("surveyNew.column.phone")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  onClick={(event) => onRowClick(event, row.id)}
                  style={{ cursor: "pointer" }}
                  data-selected={chosen.has(row.id) || undefined}
                  bg={chosen.has(row.id) ? "teal.0" : undefined}
                  data-testid="survey-target-row"
                >
                  <Table.Td>
                    <Checkbox
                      checked={chosen.has(row.id)}
                      onChange={() => toggle(row.id)}
                      aria-label={t("surveyNew.select", { name: row.name })}
                      data-testid="survey-target-check"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {row.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {row.kana}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`providerKind.${row.kind}.short`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.municipality_name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                      {row.phone}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
