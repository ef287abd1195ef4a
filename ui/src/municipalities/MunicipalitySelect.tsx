import { Combobox, Group, InputBase, Text, useCombobox } from "@mantine/core";
import { type KeyboardEvent, type ReactNode, type Ref, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { filterOptions, toOptions } from "./options";
import { useMunicipalities } from "./useMunicipalities";

/** Enough to scroll through; typing narrows the ~1,900 municipalities faster than scrolling. */
const SHOWN = 60;

type Props = {
  value: string | null;
  onChange: (code6: string | null) => void;
  label: ReactNode;
  placeholder?: string;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  testId?: string;
  ref?: Ref<HTMLInputElement>;
  w?: number | string;
};

/**
 * A searchable municipality field: type a name or reading (川越, かわごえ), then Enter takes the
 * first match and ArrowDown/ArrowUp move through the list. Clearing the text clears the value.
 */
export function MunicipalitySelect({ value, onChange, testId, ref, ...input }: Props) {
  const { t } = useTranslation();
  const list = useMunicipalities("");
  const options = useMemo(() => toOptions(list.data ?? []), [list.data]);
  const selected = options.find((o) => o.value === value) ?? null;
  const [search, setSearch] = useState(selected?.label ?? "");
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  // Follow a value set from outside (a loaded case, a cleared filter).
  useEffect(() => setSearch(selected?.label ?? ""), [selected?.label]);

  const shown = (search === selected?.label ? options : filterOptions(options, search)).slice(
    0,
    SHOWN,
  );

  const choose = (code6: string) => {
    onChange(code6);
    setSearch(options.find((o) => o.value === code6)?.label ?? "");
    combobox.closeDropdown();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter while converting kana to kanji belongs to the input method, not to the list.
    if (event.key !== "Enter" || event.nativeEvent.isComposing || event.keyCode === 229) return;
    const first = shown[0];
    if (combobox.dropdownOpened && combobox.getSelectedOptionIndex() === -1 && first) {
      event.preventDefault();
      choose(first.value);
    }
  };

  return (
    <Combobox store={combobox} onOptionSubmit={choose}>
      <Combobox.Target>
        <InputBase
          {...input}
          ref={ref}
          autoComplete="off"
          value={search}
          rightSection={<Combobox.Chevron />}
          rightSectionPointerEvents="none"
          data-testid={testId}
          onChange={(event) => {
            const text = event.currentTarget.value;
            setSearch(text);
            if (text === "") onChange(null);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => {
            combobox.closeDropdown();
            // Leaving the field with one match typed takes it; otherwise the text goes back to
            // the chosen municipality, so what shows is always what will be saved.
            const only = search !== selected?.label && shown.length === 1 ? shown[0] : undefined;
            if (only) choose(only.value);
            else setSearch(selected?.label ?? "");
          }}
          onKeyDown={onKeyDown}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={280} style={{ overflowY: "auto" }}>
          {shown.length === 0 ? (
            <Combobox.Empty>{t("municipalities.empty")}</Combobox.Empty>
          ) : (
            shown.map((o) => (
              <Combobox.Option value={o.value} key={o.value} active={o.value === value}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm">{o.label}</Text>
                  <Text size="xs" c="dimmed">
                    {o.prefecture}
                  </Text>
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
