import { Fieldset, Stack } from "@mantine/core";
import type { ReactNode } from "react";

/** One titled part of the case form; the legend names the group for screen readers too. */
export function FormSection({
  title,
  children,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Fieldset
      legend={title}
      data-testid={testId}
      styles={{ legend: { fontWeight: 700, fontSize: "var(--mantine-font-size-md)" } }}
    >
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}
