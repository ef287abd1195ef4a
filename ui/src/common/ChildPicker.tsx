import {
  Button,
  Group,
  Input,
  Loader,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type Ref, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { searchChildren } from "../api";

export type PickedChild = { id: string; name: string; case_number: string };

const SHOWN_AT_MOST = 6;

type Props = {
  value: PickedChild | null;
  onChange: (child: PickedChild | null) => void;
  label?: string;
  error?: string;
  withAsterisk?: boolean;
  /** Enter with nothing to pick, or after picking the first match: on to the next field. */
  onEnter?: () => void;
  /** The picker's box: focusing it means focusing its search field (or its change button). */
  ref?: Ref<HTMLDivElement>;
  "data-testid"?: string;
};

/**
 * A child found by name, reading or case number (the registry's own search: kana and width
 * folded): type, then click one of the matches, or press Enter for the first.
 */
export function ChildPicker({
  value,
  onChange,
  label,
  error,
  withAsterisk,
  onEnter,
  ref,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const testId = rest["data-testid"] ?? "child-picker";
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const found = useQuery({
    queryKey: ["cases", "child-picker", debounced],
    queryFn: () =>
      searchChildren({
        query: debounced,
        municipality_code: null,
        status: null,
        care_item: null,
        score_min: null,
        score_max: null,
        limit: SHOWN_AT_MOST,
        offset: 0,
      }),
    enabled: value === null && debounced !== "",
    placeholderData: keepPreviousData,
  });
  const rows = debounced === "" || query.trim() === "" ? [] : (found.data?.rows ?? []);
  const pick = (row: (typeof rows)[number]) => {
    onChange({ id: row.id, name: row.name, case_number: row.case_number });
    setQuery("");
  };

  return (
    <Stack gap={4} ref={ref} data-testid={testId}>
      {value ? (
        <Input.Wrapper
          label={label ?? t("childPicker.label")}
          withAsterisk={withAsterisk}
          error={error}
          id={id}
        >
          <Group gap="sm" mt={4} data-testid={`${testId}-picked`}>
            <Text fw={700}>
              {t("childPicker.option", { name: value.name, number: value.case_number })}
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => onChange(null)}
              onKeyDown={(event) => {
                if (event.key === "Enter" && onEnter && !event.ctrlKey && !event.metaKey) {
                  event.preventDefault();
                  onEnter();
                }
              }}
            >
              {t("childPicker.change")}
            </Button>
          </Group>
        </Input.Wrapper>
      ) : (
        <>
          <TextInput
            type="search"
            label={label ?? t("childPicker.label")}
            withAsterisk={withAsterisk}
            placeholder={t("childPicker.placeholder")}
            value={query}
            error={error}
            autoComplete="off"
            onChange={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key !== "Enter" || event.ctrlKey || event.metaKey) return;
              if (event.nativeEvent.isComposing || event.nativeEvent.keyCode === 229) return;
              event.preventDefault();
              if (rows[0]) pick(rows[0]);
              if (rows[0] || query.trim() === "") onEnter?.();
            }}
            rightSection={found.isFetching ? <Loader size="xs" /> : null}
            data-testid={`${testId}-search`}
          />
          {found.isSuccess && rows.length === 0 && debounced !== "" && (
            <Text size="sm" c="dimmed">
              {t("childPicker.nothing")}
            </Text>
          )}
          {rows.map((row) => (
            <UnstyledButton
              key={row.id}
              onClick={() => pick(row)}
              p={6}
              style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4 }}
              data-testid={`${testId}-option`}
            >
              <Text size="sm" fw={600} span>
                {row.name}
              </Text>
              <Text size="xs" c="dimmed" span ml="xs">
                {row.kana}・{row.case_number}
              </Text>
            </UnstyledButton>
          ))}
        </>
      )}
    </Stack>
  );
}
