import { Select, type SelectProps } from "@mantine/core";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";

type Props = Omit<SelectProps, "data" | "onChange" | "value"> & {
  logins: readonly string[];
  value: string;
  onChange: (login: string) => void;
  ref?: Ref<HTMLInputElement>;
  "data-testid"?: string;
};

/** The user to unlock as, chosen from the logins of this registry (no typing, no typos). */
export function LoginSelect({ logins, value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("unlock.login")}
      placeholder={t("unlock.loginPlaceholder")}
      nothingFoundMessage={t("unlock.noLogins")}
      allowDeselect={false}
      checkIconPosition="right"
      {...props}
      data={[...logins]}
      value={value === "" ? null : value}
      onChange={(login) => onChange(login ?? "")}
      aria-invalid={props.error ? true : undefined}
    />
  );
}
