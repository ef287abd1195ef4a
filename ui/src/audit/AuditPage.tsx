import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditActors, auditEntries, verifyAudit } from "../api";
import { formatDateTime, parseDate } from "../cases/dates";
import { DateField } from "../cases/fields/DateField";
import { ChildPicker, type PickedChild } from "../common/ChildPicker";
import { Panel } from "../equipment/Panel";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "./codes";

const PAGE = 100;

/**
 * 監査ログ: who did what to which record and when, views of a case included, newest first,
 * filtered by who, what, which child and office days; and the tamper check of the hash chain.
 */
export function AuditPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid="audit-page">
      <Stack gap={4} maw={760}>
        <Title order={1} size="h2">
          {t("audit.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("audit.intro")}
        </Text>
      </Stack>
      <TamperCheck />
      <AuditList />
    </Stack>
  );
}

function TamperCheck() {
  const { t } = useTranslation();
  const check = useMutation({ mutationFn: verifyAudit });
  const result = check.data;
  return (
    <Panel
      title={t("audit.verify.title")}
      testId="audit-verify"
      right={
        <Button
          onClick={() => check.mutate()}
          loading={check.isPending}
          data-testid="audit-verify-button"
        >
          {t("audit.verify.button")}
        </Button>
      }
    >
      {check.isError ? (
        <Alert color="red" title={t("audit.verify.failed")} data-testid="audit-verify-error">
          {check.error.message}
        </Alert>
      ) : result ? (
        <Alert
          color={result.intact ? "teal" : "red"}
          title={result.intact ? t("audit.verify.intact") : t("audit.verify.tampered")}
          data-testid={result.intact ? "audit-verify-intact" : "audit-verify-tampered"}
          role={result.intact ? undefined : "alert"}
        >
          <Text size="sm">{result.message}</Text>
          {result.problem && result.problem.seq > 0 && (
            <Text size="sm" mt={4} data-testid="audit-verify-where">
              {t("audit.verify.where", { seq: result.problem.seq })}
            </Text>
          )}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t("audit.verify.explain")}
        </Text>
      )}
    </Panel>
  );
}

function AuditList() {
  const { t } = useTranslation();
  const [actor, setActor] = useState("");
  const [entity, setEntity] = useState("");
  const [action, setAction] = useState("");
  const [child, setChild] = useState<PickedChild | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  // A date field left with text that is not a date: said under it (the list ignores that date).
  const [leftBad, setLeftBad] = useState({ from: false, to: false });
  const [limit, setLimit] = useState(PAGE);
  const actors = useQuery({ queryKey: ["audit", "actors"], queryFn: auditActors });
  const request = {
    actor: actor || null,
    entity: entity || null,
    action: action || null,
    child_id: child?.id ?? null,
    // Only whole dates: one half typed is not sent (the core would refuse it mid-typing).
    from: parseDate(from),
    to: parseDate(to),
    limit,
    offset: 0,
    lang: "ja" as const,
  };
  const list = useQuery({
    queryKey: ["audit", "entries", request],
    queryFn: () => auditEntries(request),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(actor || entity || action || child || from || to);
  const rows = list.data?.entries ?? [];
  const total = list.data?.total ?? 0;
  const clear = () => {
    setActor("");
    setEntity("");
    setAction("");
    setChild(null);
    setFrom("");
    setTo("");
    setLeftBad({ from: false, to: false });
    setLimit(PAGE);
  };
  const dateField = (which: "from" | "to", value: string, set: (v: string) => void) => (
    <DateField
      w={150}
      label={t(`audit.list.${which}`)}
      value={value}
      onChange={(v) => {
        set(v);
        setLeftBad((b) => ({ ...b, [which]: false }));
      }}
      onBlur={() =>
        setLeftBad((b) => ({ ...b, [which]: value.trim() !== "" && !parseDate(value) }))
      }
      error={leftBad[which] ? t("audit.list.badDate") : undefined}
      data-testid={`audit-filter-${which}`}
    />
  );

  return (
    <Panel
      title={t("audit.list.title")}
      count={total === 0 ? undefined : t("audit.list.count", { total, shown: rows.length })}
      testId="audit-list"
      right={
        filtered && (
          <Button variant="subtle" onClick={clear} data-testid="audit-filter-clear">
            {t("audit.list.clear")}
          </Button>
        )
      }
    >
      {/* Tops aligned: the date fields show their 和暦 (or a mistake) under them. */}
      <Group align="flex-start" gap="sm" mb="sm">
        <NativeSelect
          w={170}
          label={t("audit.list.actor")}
          value={actor}
          onChange={(event) => setActor(event.currentTarget.value)}
          data={[
            { value: "", label: t("audit.list.any") },
            ...(actors.data ?? []).map((a) => ({ value: a, label: a })),
          ]}
          data-testid="audit-filter-actor"
        />
        <NativeSelect
          w={190}
          label={t("audit.list.entity")}
          value={entity}
          onChange={(event) => setEntity(event.currentTarget.value)}
          data={[
            { value: "", label: t("audit.list.any") },
            ...AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) })),
          ]}
          data-testid="audit-filter-entity"
        />
        <NativeSelect
          w={130}
          label={t("audit.list.action")}
          value={action}
          onChange={(event) => setAction(event.currentTarget.value)}
          data={[
            { value: "", label: t("audit.list.any") },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}`) })),
          ]}
          data-testid="audit-filter-action"
        />
        {dateField("from", from, setFrom)}
        {dateField("to", to, setTo)}
      </Group>
      <Stack maw={420} mb="sm">
        <ChildPicker
          label={t("audit.list.child")}
          value={child}
          onChange={setChild}
          data-testid="audit-filter-child"
        />
      </Stack>
      {list.isError ? (
        <Alert color="red" title={t("audit.list.loadError")} data-testid="audit-list-error">
          {list.error.message}
        </Alert>
      ) : list.isPending ? null : rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="audit-list-empty">
          {filtered ? t("audit.list.noMatch") : t("audit.list.empty")}
        </Text>
      ) : (
        <>
          <Table verticalSpacing="xs" striped data-testid="audit-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t("audit.list.at")}</Table.Th>
                <Table.Th>{t("audit.list.actor")}</Table.Th>
                <Table.Th>{t("audit.list.action")}</Table.Th>
                <Table.Th>{t("audit.list.what")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.seq} data-testid="audit-row">
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={e.action === "view" ? "gray" : "blue"}>
                      {e.action_label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{e.summary}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rows.length < total && limit < 1000 && (
            <Button
              mt="sm"
              variant="light"
              onClick={() => setLimit((l) => l + PAGE)}
              data-testid="audit-more"
            >
              {t("audit.list.more")}
            </Button>
          )}
        </>
      )}
    </Panel>
  );
}
