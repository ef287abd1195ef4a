import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ApiError,
  type BedType,
  type BedTypeSetting,
  removeCapacityException,
  setBedType,
  setCapacityException,
} from "../../api";
import { parseDate } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { WriteAction } from "../../users/WriteAction";
import { addDays, BED_TYPES } from "../model";
import { RESPITE_KEY } from "../useRespite";

type Props = { facilityId: string; bedTypes: BedTypeSetting[] };

/** A facility's beds: per bed type the beds a night and the longest stay; closures and extra beds. */
export function BedSettings({ facilityId, bedTypes }: Props) {
  const { t } = useTranslation();
  const unused = BED_TYPES.filter((type) => !bedTypes.some((b) => b.bed_type === type));
  return (
    <Stack gap="md" data-testid="respite-beds">
      <Title order={2} size="h4">
        {t("respite.beds.title")}
      </Title>
      {bedTypes.length === 0 && <Text c="dimmed">{t("respite.beds.none")}</Text>}
      <Table withTableBorder verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("respite.beds.type")}</Table.Th>
            <Table.Th>{t("respite.beds.count")}</Table.Th>
            <Table.Th>{t("respite.beds.maxStay")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bedTypes.map((setting) => (
            <BedTypeRow
              key={setting.bed_type}
              facilityId={facilityId}
              bedType={setting.bed_type}
              initial={setting}
              types={[setting.bed_type]}
            />
          ))}
          {unused.length > 0 && (
            <BedTypeRow
              key={`new-${unused.join()}`}
              facilityId={facilityId}
              bedType={unused[0] as BedType}
              types={unused}
            />
          )}
        </Table.Tbody>
      </Table>
      {bedTypes.length > 0 && (
        <ExceptionForm facilityId={facilityId} types={bedTypes.map((b) => b.bed_type)} />
      )}
    </Stack>
  );
}

function BedTypeRow({
  facilityId,
  bedType,
  initial,
  types,
}: {
  facilityId: string;
  bedType: BedType;
  initial?: BedTypeSetting;
  types: BedType[];
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [type, setType] = useState<BedType>(bedType);
  const [beds, setBeds] = useState<number | string>(initial?.beds ?? 1);
  const [maxStay, setMaxStay] = useState<number | string>(initial?.max_stay_nights ?? 7);
  const save = useMutation<BedTypeSetting, ApiError>({
    mutationFn: () =>
      setBedType({
        facility_id: facilityId,
        bed_type: type,
        beds: Number(beds),
        max_stay_nights: Number(maxStay),
        note: initial?.note ?? "",
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: RESPITE_KEY }),
  });
  const fieldError = (field: string) => (save.error?.field === field ? save.error.message : null);
  const label = t(`respite.bedType.${type}`);
  return (
    <Table.Tr data-testid={initial ? `bed-type-${type}` : "bed-type-new"}>
      <Table.Td>
        {initial ? (
          <Text fw={600}>{label}</Text>
        ) : (
          <NativeSelect
            aria-label={t("respite.beds.addType")}
            value={type}
            onChange={(event) => setType(event.currentTarget.value as BedType)}
            data={types.map((value) => ({ value, label: t(`respite.bedType.${value}`) }))}
            data-testid="bed-type-choice"
          />
        )}
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${label} ${t("respite.beds.count")}`}
          w={100}
          min={0}
          max={200}
          value={beds}
          onChange={setBeds}
          error={fieldError("beds")}
          data-testid="bed-count"
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${label} ${t("respite.beds.maxStay")}`}
          w={100}
          min={1}
          max={90}
          value={maxStay}
          onChange={setMaxStay}
          error={fieldError("max_stay_nights")}
          data-testid="bed-max-stay"
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <WriteAction>
            <Button
              size="xs"
              variant={initial ? "default" : "light"}
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid="bed-save"
            >
              {initial ? t("respite.beds.save") : t("respite.beds.add")}
            </Button>
          </WriteAction>
          {save.isSuccess && (
            <Text size="xs" c="teal" role="status">
              {t("respite.beds.saved", { type: label })}
            </Text>
          )}
          {save.isError && !save.error.field && (
            <Text size="xs" c="red" role="alert">
              {save.error.message}
            </Text>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Beds of given nights apart from the usual: 0 closes them, more adds beds; or back to usual. */
function ExceptionForm({ facilityId, types }: { facilityId: string; types: BedType[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [type, setType] = useState<BedType>(types[0] as BedType);
  const [first, setFirst] = useState("");
  const [last, setLast] = useState("");
  const [beds, setBeds] = useState<number | string>(0);
  const [note, setNote] = useState("");
  // The form asks for the last night, as people say it; the core takes the day after it.
  const to = () => (last ? addDays(parseDate(last) ?? last, 1) : null);
  const done = { onSuccess: () => client.invalidateQueries({ queryKey: RESPITE_KEY }) };
  const set = useMutation<number, ApiError>({
    mutationFn: () =>
      setCapacityException({
        facility_id: facilityId,
        bed_type: type,
        from: parseDate(first) ?? first,
        to: to(),
        beds: Number(beds),
        note,
      }),
    ...done,
  });
  const remove = useMutation<number, ApiError>({
    mutationFn: () =>
      removeCapacityException({
        facility_id: facilityId,
        bed_type: type,
        from: parseDate(first) ?? first,
        to: to(),
      }),
    ...done,
  });
  const error = set.error ?? remove.error;
  return (
    <Stack gap="xs" data-testid="respite-exceptions">
      <Title order={3} size="h5">
        {t("respite.beds.exceptions")}
      </Title>
      <Text size="xs" c="dimmed">
        {t("respite.beds.exceptionHint")}
      </Text>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("respite.beds.type")}
          value={type}
          onChange={(event) => setType(event.currentTarget.value as BedType)}
          data={types.map((value) => ({ value, label: t(`respite.bedType.${value}`) }))}
        />
        <DateField
          label={t("respite.beds.exceptionFrom")}
          value={first}
          onChange={setFirst}
          error={error?.field === "from" ? error.message : null}
          data-testid="exception-from"
        />
        <DateField
          label={t("respite.beds.exceptionTo")}
          value={last}
          onChange={setLast}
          error={error?.field === "to" ? error.message : null}
          data-testid="exception-to"
        />
        <NumberInput
          label={t("respite.beds.exceptionBeds")}
          w={110}
          min={0}
          max={200}
          value={beds}
          onChange={setBeds}
          error={error?.field === "beds" ? error.message : null}
          data-testid="exception-beds"
        />
        <TextInput
          label={t("respite.beds.note")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      </Group>
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() => set.mutate()}
          loading={set.isPending}
          disabled={!first}
          data-testid="exception-set"
        >
          {t("respite.beds.exceptionSet")}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
          disabled={!first}
        >
          {t("respite.beds.exceptionRemove")}
        </Button>
        {set.isSuccess && (
          <Text size="xs" c="teal">
            {t("respite.beds.exceptionSaved", { count: set.data })}
          </Text>
        )}
        {remove.isSuccess && (
          <Text size="xs" c="teal">
            {t("respite.beds.exceptionRemoved", { count: remove.data })}
          </Text>
        )}
      </Group>
      {error && !["from", "to", "beds"].includes(error.field ?? "") && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
    </Stack>
  );
}
