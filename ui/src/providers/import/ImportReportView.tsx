import { Badge, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../api";

function Count({
  label,
  value,
  testId,
  color,
}: {
  label: string;
  value: number;
  testId?: string;
  color?: string;
}) {
  return (
    <Text component="span" size="lg">
      {label}{" "}
      <Text
        component="span"
        fw={700}
        size="lg"
        c={value > 0 ? color : undefined}
        data-testid={testId}
      >
        {value.toLocaleString()}
      </Text>
    </Text>
  );
}

/** The counts (新規 · 更新 · 変更なし · エラー · 注意) and the problems by line and column. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="import-report">
      <Group gap="xs" wrap="wrap" aria-live="polite" data-testid="import-counts">
        <Count
          label={t("providerImport.counts.new")}
          value={report.new}
          testId="import-count-new"
        />
        <Text c="dimmed">·</Text>
        <Count
          label={t("providerImport.counts.updated")}
          value={report.updated}
          testId="import-count-updated"
        />
        <Text c="dimmed">·</Text>
        <Count
          label={t("providerImport.counts.unchanged")}
          value={report.unchanged}
          testId="import-count-unchanged"
        />
        <Text c="dimmed">·</Text>
        <Count
          label={t("providerImport.counts.errors")}
          value={report.errors}
          testId="import-count-errors"
          color="red.8"
        />
        <Text c="dimmed">·</Text>
        <Count
          label={t("providerImport.counts.warnings")}
          value={report.warnings}
          testId="import-count-warnings"
          color="orange.8"
        />
        <Text c="dimmed" size="sm">
          （{t("providerImport.counts.rows", { count: report.rows })}）
        </Text>
      </Group>
      {report.problems.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="import-no-problems">
          {t("providerImport.noProblems")}
        </Text>
      ) : (
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" mb={4}>
            {t("providerImport.problems")}
          </Text>
          <List spacing={4} size="sm" listStyleType="none" data-testid="import-problems">
            {report.problems.map((problem, index) => (
              <List.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity but their order
                key={index}
                data-testid="import-problem"
                data-severity={problem.severity}
              >
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Badge
                    size="sm"
                    variant="light"
                    color={problem.severity === "error" ? "red" : "orange"}
                    style={{ flexShrink: 0 }}
                  >
                    {t(`providerImport.severity.${problem.severity}`)}
                  </Badge>
                  <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
                    {t("providerImport.problemLine", { line: problem.line })}
                    {problem.column ? ` · ${problem.column}` : ""}
                  </Text>
                  <Text size="sm" c={problem.severity === "error" ? "red.8" : undefined}>
                    {problem.message}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
