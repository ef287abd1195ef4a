import { TextInput, type TextInputProps } from "@mantine/core";
import type { Ref } from "react";
import { foldWidth } from "../dates";

type Props = Omit<TextInputProps, "value" | "onChange"> & {
  value?: string;
  onChange: (value: string) => void;
  decimal?: boolean;
  negative?: boolean;
  ref?: Ref<HTMLInputElement>;
  "data-testid"?: string;
};

/** Keeps what can be part of a number: digits, one dot when decimal, a leading minus when allowed. */
export function cleanNumber(text: string, decimal: boolean, negative: boolean): string {
  const folded = foldWidth(text).replace(/[,、]/g, "");
  const sign = negative && folded.trimStart().startsWith("-") ? "-" : "";
  let body = folded.replace(decimal ? /[^0-9.]/g : /[^0-9]/g, "");
  const dot = body.indexOf(".");
  if (dot !== -1) body = body.slice(0, dot + 1) + body.slice(dot + 1).replace(/\./g, "");
  return sign + body;
}

/**
 * A number typed as people type it, full-width digits included (an IME left on is common). The value
 * stays text while typing; the form turns it into a number when it builds the request.
 */
export function NumberField({
  value = "",
  onChange,
  decimal = false,
  negative = false,
  ...props
}: Props) {
  return (
    <TextInput
      {...props}
      inputMode={decimal ? "decimal" : "numeric"}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(cleanNumber(event.currentTarget.value, decimal, negative))}
    />
  );
}
