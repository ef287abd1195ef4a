import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { BookingRequest, ProviderSearch } from "../api";
import { caseRow, searchOver } from "../test/cases";
import { searchProvidersOver } from "../test/providers";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, status } from "../test/shell";
import { booking, FACILITY, MEDICAL, monthNights, VENTILATOR } from "./testData";

// A month far ahead, so every night can still be booked whatever day the tests run.
const MONTH = "2099-03";
const AT_FACILITY = `/respite?facility=${FACILITY.id}&month=${MONTH}`;
const CHILD = caseRow(1, { name: "山田 はると", case_number: "KH-2026-0001" });

/** The month with the ventilator bed taken on the 11th, 2 of 4 medical beds used, the 20th closed. */
const busyMonth = (month: string) =>
  monthNights(month, [VENTILATOR, MEDICAL], {
    [`${month}-11`]: [{ used: 1 }, { used: 2 }],
    [`${month}-20`]: [{ beds: 0, exception: true }, {}],
    [`${month}-21`]: [{ beds: 2, exception: true }, {}],
  });

function shell(handlers: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeShell(status("unlocked"), {
    search_providers: searchProvidersOver([FACILITY]),
    respite_nights: (args) => busyMonth(args.month as string),
    respite_waitlist: () => [],
    search_children: searchOver([CHILD]),
    child_respite_bookings: () => [],
    ...handlers,
  });
}

const night = (date: string) => screen.getByTestId(`night-${date}`);
const bedsOf = (date: string) =>
  within(night(date))
    .getAllByTestId("night-beds")
    .map((b) => b.textContent);

async function pickChild(user: ReturnType<typeof renderApp>["user"]) {
  await user.type(screen.getByTestId("booking-child-search"), "山田");
  await user.click(await screen.findByTestId("booking-child-option"));
  expect(screen.getByTestId("booking-child")).toHaveTextContent("山田 はると");
}

describe("respite", () => {
  it("finds the facility among the respite kinds, then shows each night's used/beds by type, the full night in red", async () => {
    const calls = shell();
    const { user } = renderApp("/respite");

    await user.click(await screen.findByTestId("respite-facility"));
    expect(screen.getByTestId("nav-respite")).not.toHaveTextContent("準備中");
    const kinds = callsOf(calls, "search_providers").map((a) => (a.input as ProviderSearch).kind);
    expect(new Set(kinds)).toEqual(
      new Set(["short_stay", "disabled_children_facility", "hospital"]),
    );
    expect(await screen.findByTestId("respite-facility-name")).toHaveTextContent(FACILITY.name);

    await user.click(screen.getByTestId("calendar-next"));
    await waitFor(() => expect(callsOf(calls, "respite_nights").length).toBeGreaterThan(1));
    const asked = callsOf(calls, "respite_nights").at(-1) as { facility_id: string; month: string };
    expect(asked.facility_id, "the calendar asks for the facility picked").toBe(FACILITY.id);

    const month = asked.month;
    await screen.findByTestId(`night-${month}-11`);
    expect(bedsOf(`${month}-11`)).toEqual(["人工呼吸器 1/1", "医療型 2/4"]);
    expect(bedsOf(`${month}-12`)).toEqual(["人工呼吸器 0/1", "医療型 0/4"]);
    expect(night(`${month}-11`)).toHaveAttribute("data-full", "true");
    expect(night(`${month}-12`), "a night with free beds is not full").not.toHaveAttribute(
      "data-full",
    );
    const [ventilator] = within(night(`${month}-11`)).getAllByTestId("night-beds");
    expect(ventilator, "the full bed type is the red one").toHaveClass("is-full");
    expect(night(`${month}-11`)).toHaveAccessibleName(/人工呼吸器対応 1\/1床/);
    expect(bedsOf(`${month}-20`)[0], "a closure is marked").toBe("人工呼吸器休床 0/0");
    expect(bedsOf(`${month}-21`)[0], "extra beds are marked").toBe("人工呼吸器増床 0/2");
  });

  it("says to register a facility in Resources when there is none", async () => {
    shell({ search_providers: searchProvidersOver([]) });
    renderApp("/respite");
    expect(await screen.findByTestId("respite-no-facility")).toHaveTextContent(
      "短期入所の事業所がまだ登録されていません。資源から登録してください。",
    );
  });

  it("moves through the month with the arrow keys, one tab stop for the grid", async () => {
    shell();
    const { user } = renderApp(AT_FACILITY);
    await screen.findByTestId(`night-${MONTH}-01`);
    expect(night(`${MONTH}-01`)).toHaveAttribute("tabindex", "0");
    expect(night(`${MONTH}-02`)).toHaveAttribute("tabindex", "-1");
    night(`${MONTH}-01`).focus();
    await user.keyboard("{ArrowDown}{ArrowRight}");
    expect(night(`${MONTH}-09`)).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("booking-nights")).toHaveTextContent("2099/03/09（月）");
  });

  it("books the nights picked on the calendar: the child, bed type, [first night, day after the last), reason", async () => {
    const calls = shell({
      book_respite: (args) => {
        const input = args.input as BookingRequest;
        return {
          booking: booking({ from: input.from, to: input.to, nights: 3, child_name: CHILD.name }),
          unmet: [],
          unknown: [{ criterion: "weekends", verdict: "unknown", words: "休日の対応は未回答" }],
          offer: null,
        };
      },
    });
    const { user } = renderApp(AT_FACILITY);
    await screen.findByTestId(`night-${MONTH}-10`);
    await pickChild(user);

    await user.click(night(`${MONTH}-10`));
    await user.click(night(`${MONTH}-12`));
    expect(screen.getByTestId("booking-from")).toHaveValue(`${MONTH}-10`);
    expect(
      screen.getByTestId("booking-to"),
      "the child leaves the morning after the last night",
    ).toHaveValue(`${MONTH}-13`);
    expect(screen.getByTestId("booking-nights")).toHaveTextContent(
      "2099/03/10（火）〜2099/03/13（金） 3泊",
    );
    await user.type(screen.getByTestId("booking-reason"), "家族の休息");
    await user.click(screen.getByTestId("booking-confirm"));

    await screen.findByTestId("booking-saved");
    expect(callsOf(calls, "book_respite")).toEqual([
      {
        input: {
          child_id: CHILD.id,
          facility_id: FACILITY.id,
          bed_type: "ventilator",
          from: `${MONTH}-10`,
          to: `${MONTH}-13`,
          reason: "家族の休息",
          note: "",
          lang: "ja",
        },
      },
    ]);
    expect(screen.getByTestId("booking-saved")).toHaveTextContent("予約を確定しました");
    expect(
      screen.getByTestId("booking-unknown"),
      "unanswered conditions are warnings",
    ).toHaveTextContent("休日の対応は未回答");
  });

  it("shows the refusal naming the full night, and frames that night on the calendar", async () => {
    shell({
      book_respite: () => {
        throw apiError("validation", `${MONTH}-11 は満床です（人工呼吸器対応）`, "nights");
      },
    });
    const { user } = renderApp(AT_FACILITY);
    await screen.findByTestId(`night-${MONTH}-10`);
    await pickChild(user);
    await user.type(screen.getByTestId("booking-from"), `${MONTH}-10`);
    await user.type(screen.getByTestId("booking-to"), `${MONTH}-13`);
    await user.click(screen.getByTestId("booking-confirm"));

    const refusal = await screen.findByTestId("booking-refusal");
    expect(refusal).toHaveTextContent("予約できませんでした");
    expect(screen.getByTestId("booking-refusal-message")).toHaveTextContent(
      "2099-03-11 は満床です（人工呼吸器対応）",
    );
    expect(screen.getByTestId("booking-refused-night")).toHaveTextContent(
      "2099/03/11（水）の夜は空きがありません",
    );
    expect(refusal).toHaveTextContent("予約は登録されていません。");
    expect(night(`${MONTH}-11`)).toHaveClass("is-refused");
    expect(night(`${MONTH}-10`)).not.toHaveClass("is-refused");
  });

  it("shows unmet conditions with their words when the core refuses them", async () => {
    shell({
      book_respite: () => {
        throw apiError(
          "validation",
          "受け入れ条件を満たしていません: 人工呼吸器の管理 ×",
          "conditions",
        );
      },
    });
    const { user } = renderApp(AT_FACILITY);
    await screen.findByTestId(`night-${MONTH}-10`);
    await pickChild(user);
    await user.click(night(`${MONTH}-10`));
    await user.click(night(`${MONTH}-10`));
    await user.click(screen.getByTestId("booking-confirm"));
    expect(await screen.findByTestId("booking-refusal-message")).toHaveTextContent(
      "人工呼吸器の管理 ×",
    );
    expect(screen.queryByTestId("booking-refused-night")).toBeNull();
  });

  it("saves a bed type's beds and longest stay", async () => {
    const calls = shell({ set_bed_type: () => ({ ...VENTILATOR, beds: 2, row_version: 2 }) });
    const { user } = renderApp(AT_FACILITY);
    const row = await screen.findByTestId("bed-type-ventilator");
    const count = within(row).getByTestId("bed-count");
    await user.clear(count);
    await user.type(count, "2");
    await user.click(within(row).getByTestId("bed-save"));
    expect(await within(row).findByRole("status")).toHaveTextContent(
      "人工呼吸器対応を保存しました",
    );
    expect(callsOf(calls, "set_bed_type")).toEqual([
      {
        input: {
          facility_id: FACILITY.id,
          bed_type: "ventilator",
          beds: 2,
          max_stay_nights: 7,
          note: "",
        },
      },
    ]);
  });

  it("after cancelling a confirmed stay, offers the freed bed to the first one waiting", async () => {
    const waiting = booking({
      id: "booking-2",
      child_name: "佐藤 めい",
      status: "requested",
      row_version: 3,
    });
    const calls = shell({
      child_respite_bookings: () => [booking({ child_name: CHILD.name })],
      move_booking: () => ({
        booking: booking({ status: "cancelled", row_version: 2 }),
        unmet: [],
        unknown: [],
        offer: waiting,
      }),
      confirm_booking: () => ({
        booking: { ...waiting, status: "confirmed" },
        unmet: [],
        unknown: [],
        offer: null,
      }),
    });
    const { user } = renderApp(AT_FACILITY);
    await screen.findByTestId(`night-${MONTH}-10`);
    await pickChild(user);
    const stay = await screen.findByTestId("respite-stay");
    expect(within(stay).getByTestId("booking-move-completed")).toHaveTextContent("利用完了");
    expect(within(stay).getByTestId("booking-move-no_show")).toHaveTextContent("無断欠席");
    await user.click(within(stay).getByTestId("booking-move-cancelled"));

    expect(callsOf(calls, "move_booking")).toEqual([
      {
        input: {
          booking_id: "booking-1",
          row_version: 1,
          status: "cancelled",
          reason: null,
          lang: "ja",
        },
      },
    ]);
    const offer = await screen.findByTestId("respite-offer");
    expect(offer).toHaveTextContent("空きが出ました: 佐藤 めいさんの待機中の予約を確定できます");
    await user.click(within(offer).getByTestId("respite-offer-confirm"));
    await waitFor(() =>
      expect(callsOf(calls, "confirm_booking")).toEqual([
        { input: { booking_id: "booking-2", row_version: 3, lang: "ja" } },
      ]),
    );
  });
});
