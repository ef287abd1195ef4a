import { Button, Group, Loader, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseSearch, searchChildren } from "../../api";

export type PickedChild = { id: string; name: string; case_number: string };

const SHOWN_AT_MOST = 8;

/** The child a stay is for: type a name, reading or case number, then click (or Enter). */
export function ChildPicker({
  child,
  onChange,
  error,
}: {
  child: PickedChild | null;
  onChange: (child: PickedChild | null) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const input: CaseSearch = {
    query: debounced,
    municipality_code: null,
    status: null,
    care_item: null,
    score_min: null,
    score_max: null,
    limit: SHOWN_AT_MOST,
    offset: 0,
  };
  const children = useQuery({
    queryKey: ["cases", "respite-child", debounced],
    queryFn: () => searchChildren(input),
    enabled: child === null && debounced !== "",
    placeholderData: keepPreviousData,
  });

  if (child) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {t("respite.booking.child")}
        </Text>
        <Group gap="sm" data-testid="booking-child">
          <Text fw={700}>{child.name}</Text>
          <Text size="sm" c="dimmed">
            {child.case_number}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(null)}>
            {t("respite.booking.childChange")}
          </Button>
        </Group>
      </Stack>
    );
  }
  const rows = debounced === "" ? [] : (children.data?.rows ?? []);
  const pick = (row: (typeof rows)[number]) => {
    onChange({ id: row.id, name: row.name, case_number: row.case_number });
    setQuery("");
  };
  return (
    <Stack gap={4}>
      <TextInput
        type="search"
        label={t("respite.booking.childSearch")}
        placeholder={t("respite.booking.childPlaceholder")}
        value={query}
        error={error}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            if (rows[0]) pick(rows[0]);
          }
        }}
        rightSection={children.isFetching ? <Loader size="xs" /> : null}
        data-testid="booking-child-search"
      />
      {children.isSuccess && debounced !== "" && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("respite.booking.childNone")}
        </Text>
      )}
      {rows.map((row) => (
        <UnstyledButton
          key={row.id}
          onClick={() => pick(row)}
          p={6}
          style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4 }}
          data-testid="booking-child-option"
        >
          <Text size="sm" fw={600} span>
            {row.name}
          </Text>
          <Text size="xs" c="dimmed" span ml="xs">
            {row.kana}・{row.case_number}
          </Text>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
