import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { todayIso } from "../cases/dates";
import { BedSettings } from "./beds/BedSettings";
import { BookingPanel } from "./booking/BookingPanel";
import { MonthCalendar } from "./calendar/MonthCalendar";
import { FacilityPicker } from "./FacilityPicker";
import { addDays, isMonth, monthOf, shiftMonth } from "./model";
import { Waitlist } from "./stays/Waitlist";
import { useFacilityNights } from "./useRespite";

/**
 * レスパイト: pick a facility, then its month of nights (beds used and free by type), booking a
 * stay by clicking its first and last night, the waitlist, and the facility's bed settings. The
 * facility and month are in the address (`?facility=…&month=YYYY-MM`), so back and forward work.
 */
export function RespitePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const facilityId = params.get("facility");
  const monthParam = params.get("month");
  const month = isMonth(monthParam) ? monthParam : monthOf(today);
  const nights = useFacilityNights(facilityId, month);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [refused, setRefused] = useState<string | null>(null);

  const go = (next: { facility?: string | null; month?: string }) => {
    const search = new URLSearchParams();
    const facility = next.facility === undefined ? facilityId : next.facility;
    if (facility) search.set("facility", facility);
    if (facility && next.month) search.set("month", next.month);
    else if (facility && next.facility === undefined) search.set("month", month);
    setParams(search);
  };
  const pick = (night: string) => {
    setRefused(null);
    if (!from || to || night < from) {
      setFrom(night);
      setTo("");
    } else {
      setTo(addDays(night, 1));
    }
  };

  return (
    <Stack gap="md" data-testid="respite-page">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("respite.title")}
        </Title>
      </Group>
      {facilityId === null ? (
        <FacilityPicker onPick={(row) => go({ facility: row.id, month })} />
      ) : (
        <>
          <Group gap="sm">
            <Text fw={700} size="lg" data-testid="respite-facility-name">
              {nights.data?.facility_name ?? ""}
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                setFrom("");
                setTo("");
                setRefused(null);
                go({ facility: null });
              }}
              data-testid="respite-change-facility"
            >
              {t("respite.facility.change")}
            </Button>
          </Group>
          {nights.isError && (
            <Alert color="red" title={t("respite.calendar.loadError")}>
              {nights.error.message}
            </Alert>
          )}
          {nights.data && (
            <>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, lg: 8 }}>
                  <Paper withBorder p="sm">
                    {nights.data.bed_types.length === 0 && (
                      <Alert color="yellow" mb="sm" data-testid="respite-no-beds">
                        {t("respite.calendar.noBeds")}
                      </Alert>
                    )}
                    <MonthCalendar
                      nights={nights.data}
                      today={today}
                      selection={from ? { from, to: to || null } : null}
                      refused={refused}
                      onPick={pick}
                      onMonth={(delta) =>
                        go({ month: delta === "today" ? monthOf(today) : shiftMonth(month, delta) })
                      }
                    />
                  </Paper>
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 4 }}>
                  <Paper withBorder p="sm">
                    <BookingPanel
                      nights={nights.data}
                      from={from}
                      to={to}
                      onDates={(f, l) => {
                        setFrom(f);
                        setTo(l);
                      }}
                      onRefused={setRefused}
                    />
                  </Paper>
                </Grid.Col>
              </Grid>
              <Paper withBorder p="sm">
                <Waitlist facilityId={nights.data.facility_id} />
              </Paper>
              <Paper withBorder p="sm">
                <BedSettings
                  facilityId={nights.data.facility_id}
                  bedTypes={nights.data.bed_types}
                />
              </Paper>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
