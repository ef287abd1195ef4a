import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BedType, BookingSaved, FacilityNights } from "../../api";
import { parseDate } from "../../cases/dates";
import { DateField } from "../../cases/fields/DateField";
import { ChildPicker, type PickedChild } from "../../common/ChildPicker";
import { currentLang } from "../../i18n";
import { dateWithWeekday } from "../../planning/dates";
import { WriteAction } from "../../users/WriteAction";
import { nightCount, refusedNight } from "../model";
import { StayList } from "../stays/StayList";
import { type BookingMode, useBook } from "../useRespite";

type Props = {
  nights: FacilityNights;
  from: string;
  to: string;
  onDates: (from: string, to: string) => void;
  /** The night a refusal named (null to clear it), for the calendar to frame. */
  onRefused: (night: string | null) => void;
};

/**
 * Books a stay at the facility shown: the child, the bed type, the nights (from the calendar or
 * typed), a reason. 「予約を確定」 requests and confirms at once; a refusal shows the core's
 * words and names the full night; nothing is saved then.
 */
export function BookingPanel({ nights, from, to, onDates, onRefused }: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [child, setChild] = useState<PickedChild | null>(null);
  const [bedType, setBedType] = useState<BedType | null>(null);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<"child" | "dates" | null>(null);
  const [saved, setSaved] = useState<{ mode: BookingMode; answer: BookingSaved } | null>(null);
  const book = useBook();
  const types = nights.bed_types.map((b) => b.bed_type);
  const chosenType = bedType && types.includes(bedType) ? bedType : (types[0] ?? null);
  // Typed dates (2026/12/10, R8.12.10) count as soon as they read as dates.
  const first = parseDate(from) ?? from;
  const leave = parseDate(to) ?? to;
  const count = nightCount(first, leave);
  const night = refusedNight(book.error);
  const date = (iso: string) => dateWithWeekday(t, iso, lang);

  const submit = (mode: BookingMode) => {
    setSaved(null);
    if (!child) return setMissing("child");
    if (count === 0 || !chosenType) return setMissing("dates");
    setMissing(null);
    onRefused(null);
    book.mutate(
      {
        mode,
        input: {
          child_id: child.id,
          facility_id: nights.facility_id,
          bed_type: chosenType,
          from: first,
          to: leave,
          reason: reason.trim(),
          note: "",
          lang,
        },
      },
      {
        onSuccess: (answer) => {
          setSaved({ mode, answer });
          setReason("");
          onDates("", "");
        },
        onError: (error) => onRefused(refusedNight(error)),
      },
    );
  };

  return (
    <Stack gap="sm" data-testid="respite-booking">
      <Title order={2} size="h4">
        {t("respite.booking.title")}
      </Title>
      <ChildPicker
        value={child}
        label={t("respite.booking.child")}
        onChange={(next) => {
          setChild(next);
          setSaved(null);
          book.reset();
          onRefused(null);
        }}
        error={missing === "child" ? t("respite.booking.needChild") : undefined}
        data-testid="booking-child"
      />
      <NativeSelect
        label={t("respite.booking.bedType")}
        value={chosenType ?? ""}
        onChange={(event) => setBedType(event.currentTarget.value as BedType)}
        data={types.map((type) => ({ value: type, label: t(`respite.bedType.${type}`) }))}
        data-testid="booking-bed-type"
      />
      <Group grow gap="xs" align="flex-start">
        <DateField
          label={t("respite.booking.from")}
          value={from}
          onChange={(value) => onDates(value, to)}
          data-testid="booking-from"
        />
        <DateField
          label={t("respite.booking.to")}
          value={to}
          onChange={(value) => onDates(from, value)}
          error={missing === "dates" ? t("respite.booking.needDates") : null}
          data-testid="booking-to"
        />
      </Group>
      <Text size="sm" c={count > 0 ? undefined : "dimmed"} data-testid="booking-nights">
        {count > 0
          ? `${date(first)}〜${date(leave)}　${t("respite.booking.nights", { count })}`
          : from
            ? t("respite.booking.pickLast", { from: date(from) })
            : t("respite.booking.pickHint")}
      </Text>
      <TextInput
        label={t("respite.booking.reason")}
        placeholder={t("respite.booking.reasonPlaceholder")}
        value={reason}
        maxLength={200}
        onChange={(event) => setReason(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") submit("book");
        }}
        data-testid="booking-reason"
      />
      <Group gap="sm">
        <WriteAction>
          <Button
            onClick={() => submit("book")}
            loading={book.isPending}
            data-testid="booking-confirm"
          >
            {t("respite.booking.confirm")}
          </Button>
        </WriteAction>
        <WriteAction>
          <Button
            variant="default"
            onClick={() => submit("request")}
            disabled={book.isPending}
            data-testid="booking-request"
          >
            {t("respite.booking.request")}
          </Button>
        </WriteAction>
      </Group>

      {book.isError && (
        <Alert
          color="red"
          variant="filled"
          title={t("respite.booking.refused")}
          data-testid="booking-refusal"
          role="alert"
        >
          <Text fw={700} size="lg" data-testid="booking-refusal-message">
            {book.error.message}
          </Text>
          {night && (
            <Text mt={4} data-testid="booking-refused-night">
              {t("respite.booking.refusedNight", { night: date(night) })}
            </Text>
          )}
          <Text mt={4} size="sm">
            {t("respite.booking.nothingSaved")}
          </Text>
        </Alert>
      )}
      {saved && <SavedAnswer mode={saved.mode} answer={saved.answer} />}
      {child && (
        <StayList childId={child.id} title={t("respite.stays.title", { name: child.name })} />
      )}
    </Stack>
  );
}

function SavedAnswer({ mode, answer }: { mode: BookingMode; answer: BookingSaved }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const b = answer.booking;
  return (
    <Stack gap="xs" data-testid="booking-saved">
      <Alert
        color="teal"
        title={t(mode === "book" ? "respite.booking.confirmed" : "respite.booking.requested")}
      >
        {t("respite.booking.savedLine", {
          name: b.child_name,
          from: dateWithWeekday(t, b.from, lang),
          to: dateWithWeekday(t, b.to, lang),
          nights: b.nights,
          type: t(`respite.bedType.${b.bed_type}`),
        })}
      </Alert>
      {answer.unmet.length > 0 && (
        <Alert color="orange" title={t("respite.booking.unmet")} data-testid="booking-unmet">
          <List size="sm">
            {answer.unmet.map((c) => (
              <List.Item key={c.words}>{c.words}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {answer.unknown.length > 0 && (
        <Alert color="yellow" title={t("respite.booking.unknown")} data-testid="booking-unknown">
          <List size="sm">
            {answer.unknown.map((c) => (
              <List.Item key={c.words}>{c.words}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
