import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Consultation, ConsultationCounts, YearCounts } from "../api";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, status } from "../test/shell";

const NOW = "2026-12-15T21:30:00+09:00";

const consultation = (n: number, over: Partial<Consultation> = {}): Consultation => ({
  id: `c-${n}`,
  row_version: 1,
  at: "2026-12-15T12:30:00.000Z",
  at_local: "2026-12-15 21:30",
  caller_type: "family",
  child_id: null,
  case_number: null,
  child_name: null,
  topic: `相談 ${n}`,
  outcome: "advice",
  staff: "佐藤",
  minutes: 10,
  note: "",
  ...over,
});

const zero = (): ConsultationCounts => ({
  total: 0,
  by_outcome: {
    advice: 0,
    visit_arranged: 0,
    emergency_admission: 0,
    respite_arranged: 0,
    referred: 0,
  },
  by_caller: { family: 0, clinic: 0, nursing_station: 0, school: 0, municipality: 0, other: 0 },
});

function yearCounts(year: number): YearCounts {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, counts: zero() }));
  const year_total = zero();
  if (year === 2026) {
    const nov = months[10]?.counts as ConsultationCounts;
    nov.total = 3;
    nov.by_outcome.advice = 2;
    nov.by_outcome.emergency_admission = 1;
    nov.by_caller.family = 2;
    nov.by_caller.clinic = 1;
    Object.assign(year_total, structuredClone(nov));
  }
  return { year, months, year_total };
}

const base = {
  office_now: () => NOW,
  list_consultations: () => ({ total: 0, consultations: [] }),
  consultation_counts: ({ year }: Record<string, unknown>) => yearCounts(year as number),
};

describe("consultation log", () => {
  it("logs a call from the keyboard only, then is empty again for the next call, keeping the staff", async () => {
    const calls = fakeShell(status("unlocked"), {
      ...base,
      record_consultation: () =>
        consultation(1, { topic: "吸引器の不調", outcome: "visit_arranged", minutes: 12 }),
    });
    const { user } = renderApp("/consultations");

    const at = await screen.findByRole("textbox", { name: /日時/ });
    await waitFor(() => expect(at).toHaveValue("2026-12-15 21:30"));
    expect(at, "the cursor starts in the first field").toHaveFocus();

    await user.keyboard("{Enter}"); // keep now → 相談者
    await user.keyboard("1"); // 家族
    expect(screen.getByRole("radio", { name: "家族" })).toHaveAttribute("aria-checked", "true");
    await user.keyboard("{ArrowRight}"); // → 医療機関
    await user.keyboard("{ArrowLeft}"); // back to 家族
    await user.keyboard("{Enter}"); // → 対応
    await user.keyboard("2{Enter}"); // 訪問調整 → お子さん
    expect(screen.getByRole("radio", { name: "訪問調整" })).toHaveAttribute("aria-checked", "true");
    await user.keyboard("{Enter}"); // no child → 内容
    await user.keyboard("吸引器の不調{Enter}佐藤{Enter}12{Enter}");
    expect(screen.getByRole("textbox", { name: "メモ" })).toHaveFocus();
    await user.keyboard("予備のカテーテルを案内{Enter}");

    await waitFor(() =>
      expect(callsOf(calls, "record_consultation")).toEqual([
        {
          input: {
            at: "2026-12-15 21:30",
            caller_type: "family",
            child_id: null,
            topic: "吸引器の不調",
            outcome: "visit_arranged",
            staff: "佐藤",
            minutes: 12,
            note: "予備のカテーテルを案内",
          },
        },
      ]),
    );
    expect(await screen.findByTestId("consultation-saved")).toHaveTextContent(
      "保存しました: 2026-12-15 21:30 家族「吸引器の不調」",
    );
    expect(screen.getByRole("textbox", { name: /内容/ })).toHaveValue("");
    expect(screen.getByRole("textbox", { name: "メモ" })).toHaveValue("");
    expect(screen.getByRole("textbox", { name: /所要時間/ })).toHaveValue("");
    expect(screen.getByRole("radio", { name: "家族" })).toHaveAttribute("aria-checked", "false");
    expect(
      screen.getByRole("textbox", { name: "担当" }),
      "the same person takes the next call",
    ).toHaveValue("佐藤");
    await waitFor(() => expect(screen.getByRole("textbox", { name: /日時/ })).toHaveFocus());
  });

  it("saves with Ctrl+Enter from any field and shows a refusal at its field", async () => {
    const calls = fakeShell(status("unlocked"), {
      ...base,
      record_consultation: () => {
        throw apiError("validation", "相談者を選んでください。", "caller_type");
      },
    });
    const { user } = renderApp("/consultations");
    const at = await screen.findByRole("textbox", { name: /日時/ });
    await waitFor(() => expect(at).toHaveValue("2026-12-15 21:30"));
    await user.click(screen.getByRole("textbox", { name: /内容/ }));
    await user.keyboard("在宅酸素の相談{Control>}{Enter}{/Control}");

    await waitFor(() => expect(callsOf(calls, "record_consultation")).toHaveLength(1));
    expect(await screen.findByText("相談者を選んでください。")).toBeVisible();
    expect(
      screen.getByRole("radio", { name: "家族" }),
      "focus goes to the field to fix",
    ).toHaveFocus();
    expect(screen.getByRole("textbox", { name: /内容/ }), "nothing typed is lost").toHaveValue(
      "在宅酸素の相談",
    );
  });

  it("lists calls with the filters chosen, and says so when none match", async () => {
    const calls = fakeShell(status("unlocked"), {
      ...base,
      list_consultations: ({ input }: Record<string, unknown>) => {
        const filter = input as { outcome: string | null };
        return filter.outcome === "emergency_admission"
          ? { total: 0, consultations: [] }
          : {
              total: 2,
              consultations: [
                consultation(1, { child_name: "川越 湊", topic: "発熱" }),
                consultation(2, { caller_type: "clinic", outcome: "referred" }),
              ],
            };
      },
    });
    const { user } = renderApp("/consultations");

    const rows = await screen.findAllByTestId("consultation-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("2026-12-15 21:30");
    expect(rows[0]).toHaveTextContent("川越 湊");
    expect(rows[0]).toHaveTextContent("発熱");
    expect(rows[1]).toHaveTextContent("医療機関");
    expect(rows[1]).toHaveTextContent("他機関へ紹介");
    expect(callsOf(calls, "list_consultations")[0]).toEqual({
      input: {
        from: null,
        to: null,
        caller_type: null,
        outcome: null,
        child_id: null,
        text: null,
        limit: 200,
      },
    });

    const list = screen.getByTestId("consultation-list");
    await user.type(within(list).getByRole("textbox", { name: "期間（から）" }), "2026/12/1");
    await user.type(within(list).getByRole("textbox", { name: "期間（まで）" }), "2026-12-31");
    await user.selectOptions(within(list).getByRole("combobox", { name: "相談者" }), "家族");
    await user.type(within(list).getByRole("textbox", { name: "キーワード" }), "吸引");
    await user.selectOptions(within(list).getByRole("combobox", { name: "対応" }), "緊急入院");

    await waitFor(() =>
      expect(callsOf(calls, "list_consultations").at(-1)).toEqual({
        input: {
          from: "2026-12-01",
          to: "2026-12-31",
          caller_type: "family",
          outcome: "emergency_admission",
          child_id: null,
          text: "吸引",
          limit: 200,
        },
      }),
    );
    expect(await screen.findByTestId("consultation-list-empty")).toHaveTextContent(
      "条件に合う相談はありません。",
    );
  });

  it("counts the year's calls per month by outcome and caller, and moves between years", async () => {
    const calls = fakeShell(status("unlocked"), base);
    const { user } = renderApp("/consultations");

    const table = await screen.findByTestId("counts-table");
    expect(screen.getByTestId("counts-year")).toHaveTextContent("2026年");
    const cells = (key: string) =>
      within(screen.getByTestId(`counts-row-${key}`))
        .getAllByRole("cell")
        .map((c) => c.textContent);
    expect(cells("all")[10], "November's calls").toBe("3");
    expect(cells("all").at(-1), "the year's total").toBe("3");
    expect(cells("advice")[10]).toBe("2");
    expect(cells("emergency_admission")[10]).toBe("1");
    expect(cells("family")[10]).toBe("2");
    expect(cells("clinic")[10]).toBe("1");
    expect(cells("school")[10]).toBe("0");
    expect(within(table).getByRole("columnheader", { name: "11月" })).toBeVisible();

    await user.click(screen.getByRole("button", { name: "前の年" }));
    await waitFor(() =>
      expect(callsOf(calls, "consultation_counts").at(-1)).toEqual({ year: 2025 }),
    );
    expect(await screen.findByTestId("counts-empty")).toHaveTextContent(
      "2025年の相談はまだありません。",
    );
  });
});
