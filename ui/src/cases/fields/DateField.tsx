import { TextInput, type TextInputProps } from "@mantine/core";
import type { FocusEvent, Ref } from "react";
import { useTranslation } from "react-i18next";
import { parseDate, wareki } from "../dates";

type Props = Omit<TextInputProps, "value" | "onChange"> & {
  value?: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
  "data-testid"?: string;
};

/**
 * A date typed in any usual way (2024/5/1, R6.5.1, 令和6年5月1日, full-width digits): on leaving the
 * field it is rewritten as 2024-05-01 and its 和暦 is shown under it. Text that is not a date is
 * left as typed; the core refuses it at this field.
 */
export function DateField({ value = "", onChange, onBlur, description, ...props }: Props) {
  const { t } = useTranslation();
  const parsed = parseDate(value);
  const era = parsed ? wareki(parsed) : null;
  return (
    <TextInput
      placeholder={t("caseForm.datePlaceholder")}
      {...props}
      autoComplete="off"
      value={value}
      description={era ?? description}
      inputWrapperOrder={["label", "input", "description", "error"]}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        if (parsed && parsed !== value) onChange(parsed);
        onBlur?.(event);
      }}
    />
  );
}
