import { Alert, Badge, Button, Grid, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ConditionsVersion, conditionsAsOf, type ProviderDetail } from "../../api";
import { formatDateTime, normalizeDate, todayIso } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { Section } from "../../cases/page/Section";
import { ConditionsFacts } from "../conditions/ConditionsFacts";
import { ConditionsMatrix } from "../conditions/ConditionsMatrix";
import "./versions.css";
import { WriteAction } from "../../users/WriteAction";

const same = (a: ConditionsVersion, b: ConditionsVersion) =>
  a.answered_on === b.answered_on && a.recorded_at === b.recorded_at;

type Props = { detail: ProviderDetail; onRecord: () => void };

/**
 * What the provider accepts: the matrix of its newest answer, with the limits, area and free text
 * beside it, and the list of every dated answer. Choosing an older answer shows what the provider
 * answered then, the items that changed since marked 「→ 現在は ○ 可」.
 */
export function ConditionsSection({ detail, onRecord }: Props) {
  const { t } = useTranslation();
  const versions = [...detail.versions].reverse();
  const latest = versions[0];
  const [chosen, setChosen] = useState<ConditionsVersion | null>(null);
  const selected = (chosen && versions.find((v) => same(v, chosen))) ?? latest;
  const old = selected !== undefined && selected !== latest;
  const shown = old ? selected.conditions : detail.provider.conditions;

  return (
    <Section
      title={t("providerPage.conditions")}
      testId="provider-conditions"
      action={
        <WriteAction>
          <Button
            variant="light"
            className="kh-no-print"
            onClick={onRecord}
            data-testid="provider-record-answer"
          >
            {t("providerPage.recordAnswer")}
          </Button>
        </WriteAction>
      }
    >
      {/* On paper this sheet may be read alone: it says whose answers these are. */}
      <Text size="sm" className="kh-print-only" mb="xs" data-testid="conditions-print-heading">
        {t("providerPage.printHeading", {
          name: detail.provider.name,
          kind: t(`providerKind.${detail.provider.kind}.label`),
          phone: detail.provider.phone || "—",
          date: todayIso(),
        })}
      </Text>
      <Grid gap="lg">
        {/* Narrow (and on paper) the limits come first, then the matrix. */}
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="xs">
            {old ? (
              <Alert color="orange" p="xs" data-testid="version-title">
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={700}>
                    {t("providerPage.versionOld", {
                      date: selected.answered_on,
                      source: t(`providerSource.${selected.source}`),
                    })}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="white"
                    className="kh-no-print"
                    onClick={() => setChosen(null)}
                  >
                    {t("providerPage.backToCurrent")}
                  </Button>
                </Group>
              </Alert>
            ) : (
              <Text size="sm" fw={700} data-testid="version-title">
                {latest
                  ? t("providerPage.versionCurrent", {
                      date: latest.answered_on,
                      source: t(`providerSource.${latest.source}`),
                    })
                  : t("providerPage.noAnswer")}
              </Text>
            )}
            <ConditionsMatrix
              conditions={shown}
              current={old ? detail.provider.conditions : null}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg">
            <ConditionsFacts conditions={shown} />
            {selected && (
              <VersionList
                detail={detail}
                versions={versions}
                selected={selected}
                onChoose={setChosen}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Section>
  );
}

type ListProps = {
  detail: ProviderDetail;
  versions: ConditionsVersion[];
  selected: ConditionsVersion;
  onChoose: (version: ConditionsVersion) => void;
};

/** 回答の履歴: every dated answer, newest first, and the answer in force on a given day. */
function VersionList({ detail, versions, selected, onChoose }: ListProps) {
  const { t } = useTranslation();
  const [on, setOn] = useState("");
  const [none, setNone] = useState<string | null>(null);
  const asOf = useMutation({
    mutationFn: conditionsAsOf,
    onSuccess: (version, input) => {
      setNone(version ? null : input.on);
      if (version) onChoose(version);
    },
  });
  return (
    <Stack gap="xs" className="kh-no-print" data-testid="provider-versions">
      <Text size="sm" fw={700} id="versions-title">
        {t("providerPage.versions")}
      </Text>
      <Stack
        component="ul"
        gap={4}
        p={0}
        m={0}
        style={{ listStyle: "none" }}
        aria-labelledby="versions-title"
      >
        {versions.map((version, index) => {
          const isSelected = same(version, selected);
          return (
            <li key={`${version.answered_on}-${version.recorded_at}`}>
              <UnstyledButton
                className="version-row"
                data-selected={isSelected || undefined}
                aria-pressed={isSelected}
                onClick={() => onChoose(version)}
                data-testid="conditions-version"
              >
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={700}>
                    {t("providerPage.versionDate", { date: version.answered_on })}
                    <Text span size="sm" fw={400}>
                      {" ・ "}
                      {t(`providerSource.${version.source}`)}
                    </Text>
                  </Text>
                  {index === 0 && (
                    <Badge size="sm" variant="light">
                      {t("providerPage.current")}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {t("providerPage.recordedBy", {
                    at: formatDateTime(version.recorded_at),
                    who: version.recorded_by,
                  })}
                </Text>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (on.trim() !== "") asOf.mutate({ id: detail.id, on: normalizeDate(on) });
        }}
      >
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <DateField
            w={170}
            label={t("providerPage.asOf")}
            placeholder={todayIso()}
            value={on}
            onChange={setOn}
            error={asOf.error?.message}
            data-testid="conditions-as-of"
          />
          <Button
            type="submit"
            variant="default"
            mt={25}
            loading={asOf.isPending}
            data-testid="conditions-as-of-submit"
          >
            {t("providerPage.asOfShow")}
          </Button>
        </Group>
        {none && (
          <Text size="sm" c="dimmed" mt={4} data-testid="conditions-as-of-none">
            {t("providerPage.asOfNone", { date: none })}
          </Text>
        )}
      </form>
    </Stack>
  );
}
