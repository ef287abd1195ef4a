import {
  Alert,
  Button,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ProviderListRow, type ProviderSearch, searchProviders } from "../api";
import { PROVIDERS_KEY } from "../providers/useProvider";
import { RESPITE_KINDS } from "./model";

const SHOWN_AT_MOST = 50;

function search(query: string, kind: ProviderSearch["kind"]): ProviderSearch {
  return {
    query,
    kind,
    municipality_code: null,
    accepts_children: null,
    care_item: null,
    age_months: null,
    weight_kg: null,
    around_the_clock: false,
    published_only: false,
    limit: SHOWN_AT_MOST,
    offset: 0,
  };
}

/** The providers of the three respite kinds matching `query`, 五十音順 (by reading). */
async function respiteFacilities(query: string): Promise<ProviderListRow[]> {
  const answers = await Promise.all(
    RESPITE_KINDS.map((kind) => searchProviders(search(query, kind))),
  );
  return answers
    .flatMap((a) => a.rows)
    .sort((a, b) => a.kana.localeCompare(b.kana, "ja"))
    .slice(0, SHOWN_AT_MOST);
}

/** Find a short-stay facility (or a facility for disabled children, or a hospital) by name. */
export function FacilityPicker({ onPick }: { onPick: (row: ProviderListRow) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const facilities = useQuery({
    queryKey: [...PROVIDERS_KEY, "respite-facilities", debounced],
    queryFn: () => respiteFacilities(debounced),
    placeholderData: keepPreviousData,
  });

  if (facilities.isError) {
    return (
      <Alert color="red" title={t(`errorKind.${facilities.error.kind}`)}>
        {facilities.error.message}
      </Alert>
    );
  }
  const rows = facilities.data ?? [];
  const noneAtAll = facilities.isSuccess && rows.length === 0 && debounced === "" && query === "";

  if (noneAtAll) {
    return (
      <Stack align="flex-start" gap="sm" data-testid="respite-no-facility">
        <Text>{t("respite.facility.none")}</Text>
        <Button component={Link} to="/providers/new" variant="light">
          {t("respite.facility.toProviders")}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="xs" maw={560}>
      <Text c="dimmed" size="sm">
        {t("respite.facility.choose")}
      </Text>
      <TextInput
        type="search"
        label={t("respite.facility.search")}
        placeholder={t("respite.facility.searchPlaceholder")}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        rightSection={facilities.isFetching ? <Loader size="xs" /> : null}
        data-testid="respite-facility-search"
        onKeyDown={(event) => {
          if (event.key === "Enter" && rows[0]) onPick(rows[0]);
        }}
      />
      {facilities.isSuccess && rows.length === 0 && (
        <Text c="dimmed">{t("respite.facility.noMatch", { query: debounced })}</Text>
      )}
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {rows.map((row) => (
          <li key={row.id}>
            <Paper withBorder p={0}>
              <UnstyledButton
                w="100%"
                p="xs"
                onClick={() => onPick(row)}
                data-testid="respite-facility"
              >
                <Text fw={600}>{row.name}</Text>
                <Text size="xs" c="dimmed">
                  {t(`providerKind.${row.kind}.label`)}・{row.municipality_name}
                  {row.phone ? `・${row.phone}` : ""}
                </Text>
              </UnstyledButton>
            </Paper>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
