import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ProviderDetail, RecordConditionsRequest } from "../../api/bindings";
import { MUNICIPALITIES } from "../../test/cases";
import { ANSWER_2025, ANSWER_2026, conditions, providerDetail } from "../../test/providers";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";

type Handler = (args: Record<string, unknown>) => unknown;

function pageShell(
  detail: ProviderDetail = providerDetail(),
  handlers: Record<string, Handler> = {},
) {
  return fakeShell(status("unlocked"), {
    get_provider: () => detail,
    list_municipalities: () => MUNICIPALITIES,
    search_providers: () => ({ total: 0, rows: [] }),
    ...handlers,
  });
}

/** The answer a matrix row shows, read from the cells a person sees: the marked column's text. */
function answerIn(matrix: HTMLElement, key: string): string {
  const row = within(matrix).getByTestId(`matrix-${key}`);
  const marked = row.querySelectorAll("td[data-answer]");
  expect(marked).toHaveLength(1);
  return marked[0]?.textContent ?? "";
}

describe("provider page", () => {
  it("shows who the provider is, how to reach it and what it agreed to publish", async () => {
    const calls = pageShell();
    renderApp("/providers/provider-1");

    expect(await screen.findByTestId("provider-title")).toHaveTextContent(
      "かわごえ訪問看護ステーション",
    );
    expect(screen.getByText("カワゴエホウモンカンゴステーション")).toBeInTheDocument();
    expect(screen.getByTestId("provider-kind-badge")).toHaveTextContent("訪問看護ステーション");
    const contact = screen.getByTestId("provider-contact");
    expect(contact).toHaveTextContent("〒350-0001 川越市古谷上1-2-3");
    expect(contact).toHaveTextContent("049-222-1111");
    expect(contact).toHaveTextContent("049-222-1112");
    expect(contact).toHaveTextContent("田中 看護師長");
    expect(contact).toHaveTextContent("1160100001");
    expect(contact).toHaveTextContent("月〜金 9:00-18:00");
    expect(screen.getByTestId("provider-page-source")).toHaveTextContent("調査票");
    expect(screen.getByTestId("provider-page-verified")).toHaveTextContent(
      "2026-04-01（令和8年4月1日）",
    );
    expect(screen.getByTestId("provider-location-source")).toHaveTextContent("市区町村役場の位置");
    expect(screen.getByTestId("publication-name")).toHaveTextContent("名称○公開可");
    expect(screen.getByTestId("publication-phone")).toHaveTextContent("電話×非公開");
    expect(screen.getByTestId("publication-date")).toHaveTextContent("同意日: 2025-06-10");
    expect(callsOf(calls, "get_provider")).toEqual([{ id: "provider-1" }]);
  });

  it("shows the current conditions as a ○ / × / 未回答 matrix; an item not listed is 未回答, never ×", async () => {
    pageShell();
    renderApp("/providers/provider-1");
    const matrix = await screen.findByTestId("conditions-matrix");

    expect(answerIn(matrix, "accepts_children")).toBe("○可");
    expect(answerIn(matrix, "nights")).toBe("○可");
    expect(answerIn(matrix, "weekends")).toBe("×不可");
    expect(answerIn(matrix, "around_the_clock")).toBe("○可");
    expect(answerIn(matrix, "taking_new_clients")).toBe("－未回答");
    expect(answerIn(matrix, "ventilator")).toBe("○可");
    expect(answerIn(matrix, "tracheostomy")).toBe("○可");
    expect(answerIn(matrix, "oxygen")).toBe("×不可");
    // Listed as unknown, and not listed at all: both 未回答.
    expect(answerIn(matrix, "tube_feeding")).toBe("－未回答");
    expect(answerIn(matrix, "dialysis")).toBe("－未回答");
    expect(answerIn(matrix, "seizure_care")).toBe("－未回答");
    // Every one of the 19 care items has a row, in its group, and the marked column is the answer's.
    expect(
      within(matrix)
        .getAllByRole("row")
        .filter((r) => r.dataset.answer),
    ).toHaveLength(24);
    const oxygen = within(matrix).getByTestId("matrix-oxygen");
    expect(oxygen.querySelectorAll("td")[1]).toHaveAttribute("data-answer", "no");
    expect(matrix).toHaveTextContent("医療的ケア：呼吸");
    expect(matrix).toHaveTextContent("医療的ケア：排泄");

    expect(screen.getByTestId("conditions-age")).toHaveTextContent("6か月 〜 18歳");
    expect(screen.getByTestId("conditions-weight")).toHaveTextContent("40 kg まで");
    await waitFor(() =>
      expect(screen.getByTestId("conditions-area")).toHaveTextContent(
        "川越市 ・ 事業所から半径 15 km",
      ),
    );
    expect(screen.getByTestId("conditions-free-text")).toHaveTextContent(
      "気管切開は主治医の指示書があれば対応可",
    );
    expect(screen.getByTestId("version-title")).toHaveTextContent(
      "現在の回答: 2026-04-01 回答（手入力）",
    );
  });

  it("shows what the provider answered in 2025 when that answer is chosen, with what has changed since", async () => {
    pageShell();
    const { user } = renderApp("/providers/provider-1");

    const versions = await screen.findAllByTestId("conditions-version");
    expect(versions).toHaveLength(2);
    expect(versions[0]).toHaveTextContent("2026-04-01 回答");
    expect(versions[0]).toHaveTextContent("現在");
    expect(versions[1]).toHaveTextContent("2025-06-10 回答");
    expect(versions[1]).toHaveTextContent("調査票");
    expect(versions[1]).toHaveTextContent("佐藤");
    expect(versions[0]).toHaveAttribute("aria-pressed", "true");

    await user.click(versions[1] as HTMLElement);

    expect(versions[1]).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("version-title")).toHaveTextContent(
      "過去の回答を表示しています: 2025-06-10 回答（調査票）",
    );
    const matrix = screen.getByTestId("conditions-matrix");
    expect(answerIn(matrix, "ventilator")).toBe("×不可");
    expect(answerIn(matrix, "suction")).toBe("○可");
    expect(answerIn(matrix, "tracheostomy")).toBe("－未回答");
    expect(answerIn(matrix, "nights")).toBe("×不可");
    expect(within(matrix).getByTestId("matrix-ventilator")).toHaveTextContent("→ 現在は ○ 可");
    expect(within(matrix).getByTestId("matrix-suction")).not.toHaveTextContent("現在は");
    expect(screen.getByTestId("conditions-age")).toHaveTextContent("6歳 まで");

    await user.click(screen.getByRole("button", { name: "現在の回答に戻る" }));

    expect(answerIn(screen.getByTestId("conditions-matrix"), "ventilator")).toBe("○可");
    expect(screen.queryByTestId("matrix-changed")).not.toBeInTheDocument();
    expect(versions[0]).toHaveAttribute("aria-pressed", "true");
  });

  it("finds the answer in force on a date with conditions_as_of", async () => {
    const calls = pageShell(providerDetail(), {
      conditions_as_of: (args) => {
        const { on } = args.input as { on: string };
        return on >= "2025-06-10" ? ANSWER_2025 : null;
      },
    });
    const { user } = renderApp("/providers/provider-1");

    await user.type(await screen.findByTestId("conditions-as-of"), "令和7年12月31日");
    await user.click(screen.getByTestId("conditions-as-of-submit"));

    await waitFor(() =>
      expect(screen.getByTestId("version-title")).toHaveTextContent("2025-06-10 回答（調査票）"),
    );
    expect(callsOf(calls, "conditions_as_of")).toEqual([
      { input: { id: "provider-1", on: "2025-12-31" } },
    ]);

    await user.clear(screen.getByTestId("conditions-as-of"));
    await user.type(screen.getByTestId("conditions-as-of"), "2024-01-01{Enter}");
    expect(await screen.findByTestId("conditions-as-of-none")).toHaveTextContent(
      "2024-01-01 までに記録された回答はありません。",
    );
  });

  it("records a phone answer as a new version: starts from the current answers, sends ○ × and leaves 未回答 out", async () => {
    const recorded = providerDetail({
      versions: [ANSWER_2025, ANSWER_2026, { ...ANSWER_2026, answered_on: "2026-05-01" }],
    });
    const calls = pageShell(providerDetail(), { record_conditions: () => recorded });
    const { user } = renderApp("/providers/provider-1");

    await user.click(await screen.findByTestId("provider-record-answer"));
    const form = await screen.findByTestId("answer-form");
    expect(within(form).getByTestId("condition-ventilator-yes")).toBeChecked();
    expect(within(form).getByTestId("condition-dialysis-unknown")).toBeChecked();

    const date = within(form).getByTestId("answer-date");
    await user.clear(date);
    await user.type(date, "2026/5/1");
    await user.selectOptions(within(form).getByTestId("answer-source"), "manual");
    await user.click(within(form).getByTestId("condition-oxygen-unknown"));
    await user.click(within(form).getByTestId("condition-dialysis-no"));
    await user.click(within(form).getByTestId("condition-taking_new_clients-yes"));
    await user.click(within(form).getByTestId("answer-save"));

    await waitFor(() => expect(screen.queryByTestId("answer-form")).not.toBeInTheDocument());
    const [request] = callsOf(calls, "record_conditions").map(
      (args) => args.input as RecordConditionsRequest,
    );
    expect(request?.id).toBe("provider-1");
    expect(request?.answered_on).toBe("2026-05-01");
    expect(request?.source).toBe("manual");
    expect(request?.conditions.taking_new_clients).toBe("yes");
    expect(request?.conditions.care_items).toEqual([
      { code: "ventilator", answer: "yes" },
      { code: "tracheostomy", answer: "yes" },
      { code: "suction", answer: "yes" },
      { code: "dialysis", answer: "no" },
    ]);
    expect(request?.conditions.age_min_months).toBe(6);
    expect(request?.conditions.service_area).toEqual({
      municipality_codes: ["112011"],
      radius_km: 15,
    });
    expect(await screen.findAllByTestId("conditions-version")).toHaveLength(3);
  });

  it("puts the core's errors on a recorded answer at their field and keeps what was chosen", async () => {
    const calls = pageShell(providerDetail(), {
      record_conditions: (args) => {
        const input = args.input as RecordConditionsRequest;
        if (input.answered_on > "2026-12-31") {
          throw apiError("validation", "未来の日付は入力できません", "answered_on");
        }
        const index = input.conditions.care_items.findIndex((i) => i.code === "suction");
        throw apiError(
          "validation",
          "同じ医療的ケアが2回あります",
          `conditions.care_items[${index}].code`,
        );
      },
    });
    const { user } = renderApp("/providers/provider-1");
    await user.click(await screen.findByTestId("provider-record-answer"));
    const form = await screen.findByTestId("answer-form");

    await user.click(within(form).getByTestId("condition-dialysis-yes"));
    await user.click(within(form).getByTestId("answer-save"));

    const suction = await within(form).findByTestId("condition-suction");
    await waitFor(() => expect(suction).toHaveAttribute("aria-invalid", "true"));
    expect(form).toHaveTextContent("同じ医療的ケアが2回あります");
    expect(within(form).getByTestId("condition-suction-yes")).toHaveFocus();
    expect(within(form).getByTestId("condition-dialysis-yes")).toBeChecked();

    const date = within(form).getByTestId("answer-date");
    await user.clear(date);
    await user.type(date, "2099-01-01{Enter}");
    await waitFor(() => expect(date).toHaveAttribute("aria-invalid", "true"));
    expect(date).toHaveFocus();
    expect(form).toHaveTextContent("未来の日付は入力できません");
    expect(callsOf(calls, "record_conditions")).toHaveLength(2);
  });

  it("shows the change history with the changed answers in words, not as stored values", async () => {
    pageShell();
    renderApp("/providers/provider-1");

    const entries = await screen.findAllByTestId("provider-history-entry");
    expect(entries).toHaveLength(2);
    const change = entries[0] as HTMLElement;
    expect(change).toHaveTextContent("鈴木");
    expect(change).toHaveTextContent("事業所情報");
    expect(change).toHaveTextContent("人工呼吸器の管理× 不可 → ○ 可");
    expect(change).toHaveTextContent("気管切開の管理－ 未回答 → ○ 可");
    expect(change).toHaveTextContent("情報源手入力 → 調査票");
    expect(change).not.toHaveTextContent("吸引");
    expect(change).not.toHaveTextContent("care_items");
  });

  it("shows the page in English", async () => {
    pageShell(providerDetail({ versions: [{ ...ANSWER_2026, conditions: conditions() }] }));
    const { user } = renderApp("/providers/provider-1");
    await screen.findByTestId("provider-title");

    await user.click(screen.getByText("English"));

    await waitFor(() =>
      expect(screen.getByTestId("provider-kind-badge")).toHaveTextContent(
        "Visiting nursing station",
      ),
    );
    const matrix = screen.getByTestId("conditions-matrix");
    expect(within(matrix).getByRole("columnheader", { name: "○ Yes" })).toBeInTheDocument();
    expect(
      within(matrix).getByRole("columnheader", { name: "－ Not answered" }),
    ).toBeInTheDocument();
    expect(answerIn(matrix, "ventilator")).toBe("○Yes");
    expect(answerIn(matrix, "dialysis")).toBe("－Not answered");
    expect(within(matrix).getByText("Takes children")).toBeInTheDocument();
    expect(screen.getByTestId("provider-record-answer")).toHaveTextContent("Record an answer");
    expect(screen.getByText("Answer history")).toBeInTheDocument();
    expect(screen.getByTestId("conditions-age")).toHaveTextContent("6 mo – 18 y");
  });
});
