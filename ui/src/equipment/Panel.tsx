import { Badge, Group, Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

type Props = {
  title: string;
  /** Shown as a badge beside the title; red when `danger` and above zero. */
  count?: string;
  danger?: boolean;
  right?: ReactNode;
  testId: string;
  children: ReactNode;
};

/** A titled section of a page; a danger section with something in it is framed in red. */
export function Panel({ title, count, danger = false, right, testId, children }: Props) {
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      style={danger ? { borderColor: "var(--mantine-color-red-6)", borderWidth: 2 } : undefined}
    >
      <Group gap="sm" mb="sm" justify="space-between" align="center">
        <Group gap="sm" align="center">
          <Title order={2} size="h4" id={`${testId}-title`} c={danger ? "red.8" : undefined}>
            {title}
          </Title>
          {count !== undefined && (
            <Badge color={danger ? "red" : "gray"} variant={danger ? "filled" : "light"}>
              {count}
            </Badge>
          )}
        </Group>
        {right}
      </Group>
      {children}
    </Paper>
  );
}
