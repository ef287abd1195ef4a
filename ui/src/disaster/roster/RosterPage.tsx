import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { RosterRow } from "../../api";
import { currentLang } from "../../i18n";
import { MunicipalitySelect } from "../../municipalities/MunicipalitySelect";
import { dateWithWeekday } from "../../planning/dates";
import { SavedFileNotice } from "../SavedFileNotice";
import { useRoster } from "../useDisaster";
import { BatteryHours, WarningBadges } from "../Warnings";
import { RosterExportModal } from "./RosterExportModal";
import "./roster.css";
import { WriteAction } from "../../users/WriteAction";

/**
 * 緊急時連絡網: the children at home in the core's risk order (shown as given, never re-sorted),
 * one dense row each with what a phone call in a power cut needs. A row opens the child's case.
 */
export function RosterPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [municipality, setMunicipality] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const roster = useRoster(municipality);
  const rows = roster.data?.rows ?? [];

  return (
    <Stack gap="md" data-testid="roster-page">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} maw={760} style={{ flex: 1 }}>
          <Title order={1} size="h2">
            {t("disaster.roster.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("disaster.roster.intro")}
          </Text>
        </Stack>
        <Stack gap="xs" align="flex-end" style={{ flexShrink: 0 }}>
          {roster.data && (
            <Text fw={700} data-testid="roster-made-on">
              {t("disaster.roster.madeOn", {
                date: dateWithWeekday(t, roster.data.made_on, lang),
              })}
            </Text>
          )}
          <WriteAction>
            <Button
              onClick={() => setExporting(true)}
              disabled={!roster.data}
              data-testid="roster-export"
            >
              {t("disaster.roster.export")}
            </Button>
          </WriteAction>
        </Stack>
      </Group>

      <Group align="flex-end" gap="md">
        <MunicipalitySelect
          w={280}
          label={t("disaster.roster.municipality")}
          placeholder={t("disaster.roster.municipalityPlaceholder")}
          value={municipality}
          onChange={setMunicipality}
          testId="roster-municipality"
        />
        {roster.data && (
          <Text size="sm" c="dimmed" mb={8} data-testid="roster-count">
            {t("disaster.roster.count", { count: rows.length })}
          </Text>
        )}
      </Group>

      {roster.isPending && <Text c="dimmed">{t("disaster.roster.loading")}</Text>}
      {roster.isError && (
        <Alert color="red" title={t("disaster.roster.loadError")}>
          {roster.error.message}
        </Alert>
      )}
      {roster.data && rows.length === 0 && (
        <EmptyState
          py="xl"
          align="center"
          description={
            municipality ? t("disaster.roster.emptyFiltered") : t("disaster.roster.empty")
          }
          data-testid="roster-empty"
        >
          {!municipality && (
            <Button component={Link} to="/cases" variant="light" mt="sm">
              {t("disaster.roster.toCases")}
            </Button>
          )}
        </EmptyState>
      )}
      {rows.length > 0 && <RosterTable rows={rows} />}

      <RosterExportModal
        opened={exporting}
        municipality={municipality}
        onClose={() => setExporting(false)}
        onSaved={(path) => {
          setExporting(false);
          setSavedPath(path);
        }}
      />
      <SavedFileNotice path={savedPath} onClose={() => setSavedPath(null)} />
    </Stack>
  );
}

function RosterTable({ rows }: { rows: RosterRow[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        striped
        highlightOnHover
        withTableBorder
        verticalSpacing={6}
        fz="sm"
        className="roster-table"
        data-testid="roster-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={52}>{t("disaster.roster.col.rank")}</Table.Th>
            <Table.Th>{t("disaster.roster.col.name")}</Table.Th>
            <Table.Th w={110}>{t("disaster.roster.col.municipality")}</Table.Th>
            <Table.Th w={110}>{t("disaster.roster.col.dependence")}</Table.Th>
            <Table.Th w={120} style={{ whiteSpace: "nowrap" }}>
              {t("disaster.roster.col.battery")}
            </Table.Th>
            <Table.Th>{t("disaster.roster.col.guardians")}</Table.Th>
            <Table.Th>{t("disaster.roster.col.hospital")}</Table.Th>
            <Table.Th>{t("disaster.roster.col.warnings")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.child_id}
              onClick={() => navigate(`/cases/${row.child_id}`)}
              style={{ cursor: "pointer" }}
              data-testid="roster-row"
            >
              <Table.Td fw={700} ta="center" data-testid="roster-rank">
                {row.rank}
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/cases/${row.child_id}`}
                  fw={700}
                  aria-label={t("disaster.roster.openCase", { name: row.name })}
                  onClick={(event) => event.stopPropagation()}
                  data-testid="roster-name"
                >
                  {row.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {row.kana} ・ {row.age}
                </Text>
              </Table.Td>
              <Table.Td>{row.municipality}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  {row.ventilated && (
                    <Badge size="sm" color="red" variant="filled">
                      {t("disaster.roster.ventilated")}
                    </Badge>
                  )}
                  {row.power_dependent && !row.ventilated && (
                    <Badge size="sm" color="orange" variant="light">
                      {t("disaster.roster.powerDependent")}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <BatteryHours
                  hours={row.total_battery_hours}
                  dependent={row.power_dependent}
                  testId="roster-battery"
                />
              </Table.Td>
              <Table.Td>
                {row.guardians.length === 0 && "—"}
                {row.guardians.map((g) => (
                  <Text size="sm" key={`${g.name}-${g.phone}`} style={{ whiteSpace: "nowrap" }}>
                    {g.name}
                    {g.relation ? `（${g.relation}）` : ""} <b>{g.phone}</b>
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>{row.emergency_hospital || "—"}</Table.Td>
              <Table.Td>
                <WarningBadges warnings={row.warnings} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
