import {
  ActionIcon,
  Badge,
  Button,
  CloseButton,
  Fieldset,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { emptyContact } from "../model";
import { legendStyles } from "./DevicesSection";
import type { ProfileForm } from "./formTypes";

type Focus = { key: string; target: "name" | "up" | "down" };

/**
 * 緊急連絡先（かける順）: name, relation and phone, one row each in calling order, moved with
 * ▲/▼ (the cursor stays on the moved row's button) and removed with ×.
 */
export function ContactsSection({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const rows = form.values.contacts;
  const listRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<Focus | null>(null);

  useEffect(() => {
    if (!focus) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-row-key="${focus.key}"]`);
    const wanted = row?.querySelector<HTMLElement>(`[data-focus="${focus.target}"]`);
    // At the top (or bottom) the button just used is disabled: the other one takes the cursor.
    const target =
      wanted && !wanted.hasAttribute("disabled")
        ? wanted
        : row?.querySelector<HTMLElement>(
            `[data-focus="${focus.target === "up" ? "down" : "up"}"]:not([disabled])`,
          );
    target?.focus();
    setFocus(null);
  }, [focus]);

  const add = () => {
    const row = emptyContact();
    form.insertListItem("contacts", row);
    setFocus({ key: row.key, target: "name" });
  };
  const move = (index: number, to: number) => {
    const key = rows[index]?.key;
    if (!key || to < 0 || to >= rows.length) return;
    form.reorderListItem("contacts", { from: index, to });
    setFocus({ key, target: to < index ? "up" : "down" });
  };
  const remove = (index: number) => {
    form.removeListItem("contacts", index);
    addRef.current?.focus();
  };
  const field = (index: number, name: string) => form.getInputProps(`contacts.${index}.${name}`);

  return (
    <Fieldset legend={t("disaster.form.contacts.title")} styles={legendStyles}>
      <Text size="sm" c="dimmed" mb="xs">
        {t("disaster.form.contacts.hint")}
      </Text>
      {rows.length === 0 && (
        <Text size="sm" mb="sm" data-testid="contacts-empty">
          {t("disaster.form.contacts.empty")}
        </Text>
      )}
      <Stack gap="xs" ref={listRef} mb={rows.length > 0 ? "sm" : 0}>
        {rows.map((row, index) => {
          const n = index + 1;
          const label = (key: "name" | "relation" | "phone") =>
            `${t("disaster.form.contacts.number", { n })} ${t(`disaster.form.contacts.${key}`)}`;
          return (
            <Paper
              key={row.key}
              withBorder
              p="xs"
              bg="gray.0"
              data-row-key={row.key}
              data-testid="contact-row"
            >
              <Group align="flex-start" gap="sm" wrap="nowrap">
                <Badge variant="filled" color="teal" size="lg" circle mt={4}>
                  {n}
                </Badge>
                <TextInput
                  w={200}
                  aria-label={label("name")}
                  placeholder={t("disaster.form.contacts.name")}
                  data-focus="name"
                  data-testid={`contact-${index}-name`}
                  {...field(index, "name")}
                />
                <TextInput
                  w={130}
                  aria-label={label("relation")}
                  placeholder={t("disaster.form.contacts.relationPlaceholder")}
                  data-testid={`contact-${index}-relation`}
                  {...field(index, "relation")}
                />
                <TextInput
                  w={190}
                  type="tel"
                  aria-label={label("phone")}
                  placeholder="090-1234-5678"
                  data-testid={`contact-${index}-phone`}
                  {...field(index, "phone")}
                />
                <Group gap={4} wrap="nowrap" mt={4} ml="auto">
                  <ActionIcon
                    variant="default"
                    aria-label={t("disaster.form.contacts.up", { n })}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    data-focus="up"
                    data-testid={`contact-${index}-up`}
                  >
                    ▲
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    aria-label={t("disaster.form.contacts.down", { n })}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, index + 1)}
                    data-focus="down"
                    data-testid={`contact-${index}-down`}
                  >
                    ▼
                  </ActionIcon>
                  <CloseButton
                    aria-label={t("disaster.form.contacts.remove", { n })}
                    onClick={() => remove(index)}
                    data-testid={`contact-${index}-remove`}
                  />
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {typeof form.errors.contacts === "string" && (
        <Text size="sm" c="red.7" mb="xs">
          {form.errors.contacts}
        </Text>
      )}
      <Button ref={addRef} variant="light" size="xs" onClick={add} data-testid="contact-add">
        {t("disaster.form.contacts.add")}
      </Button>
    </Fieldset>
  );
}
