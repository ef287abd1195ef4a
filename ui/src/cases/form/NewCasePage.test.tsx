import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { RegisterChildRequest } from "../../api/bindings";
import { childDetail, fakeScores, MUNICIPALITIES } from "../../test/cases";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";

type Handler = (args: Record<string, unknown>) => unknown;

function formShell(handlers: Record<string, Handler> = {}) {
  return fakeShell(status("unlocked"), {
    list_municipalities: () => MUNICIPALITIES,
    compute_scores: fakeScores,
    find_duplicates: () => [],
    register_child: () => childDetail(),
    get_child: () => childDetail(),
    ...handlers,
  });
}

const optionValues = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((option) => (option as HTMLOptionElement).value);

const registered = (calls: ReturnType<typeof formShell>) =>
  callsOf(calls, "register_child").map((args) => args.input as RegisterChildRequest);

describe("intake form: care items and live scores", () => {
  it("asks the core for the scores of what is ticked and shows its totals, band and class", async () => {
    const calls = formShell();
    const { user } = renderApp("/cases/new");
    const total = await screen.findByTestId("score-medical-care-total");
    expect(total).toHaveTextContent("0");
    expect(screen.getByTestId("score-medical-care-band")).toHaveTextContent("3点未満");
    expect(screen.getByTestId("score-severe-class")).toHaveTextContent(
      "判定保留（移動能力未入力）",
    );

    await user.click(screen.getByTestId("care-item-ventilator"));
    await user.selectOptions(screen.getByTestId("care-item-ventilator-supervision"), "high");
    await user.click(screen.getByTestId("care-item-tube_feeding"));

    await waitFor(() => expect(total).toHaveTextContent("18"));
    expect(screen.getByTestId("score-medical-care-band")).toHaveTextContent("16点以上");
    expect(screen.getByTestId("score-severe-total")).toHaveTextContent("19");
    expect(screen.getByTestId("score-line-ventilator")).toHaveTextContent("10点");
    const last = callsOf(calls, "compute_scores").at(-1)?.input as RegisterChildRequest["child"];
    expect(last.care_items.map((item) => [item.code, item.supervision])).toEqual([
      ["ventilator", "high"],
      ["tube_feeding", "low"],
    ]);

    await user.selectOptions(screen.getByTestId("severe-mobility"), "bedridden");
    await waitFor(() =>
      expect(screen.getByTestId("score-severe-class")).toHaveTextContent("該当なし"),
    );
    // The panel is debounced: ticking several items does not ask once per change.
    expect(callsOf(calls, "compute_scores").length).toBeLessThanOrEqual(6);
  });

  it("offers only the supervision levels each item has: 中 on the ventilator only, 低 only on some", async () => {
    formShell();
    const { user } = renderApp("/cases/new");
    await screen.findByTestId("care-items");

    for (const code of ["ventilator", "suction", "nebulizer", "bowel_enema"]) {
      await user.click(screen.getByTestId(`care-item-${code}`));
    }

    expect(optionValues(screen.getByTestId("care-item-ventilator-supervision"))).toEqual([
      "high",
      "medium",
      "low",
    ]);
    expect(optionValues(screen.getByTestId("care-item-suction-supervision"))).toEqual([
      "high",
      "low",
    ]);
    expect(optionValues(screen.getByTestId("care-item-nebulizer-supervision"))).toEqual(["low"]);
    expect(optionValues(screen.getByTestId("care-item-bowel_enema-supervision"))).toEqual(["low"]);
  });

  it("reveals only the details that apply to a ticked item", async () => {
    formShell();
    const { user } = renderApp("/cases/new");
    await screen.findByTestId("care-items");
    expect(screen.queryByTestId("care-item-suction-supervision")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("care-item-suction"));
    await user.click(screen.getByTestId("care-item-tube_feeding"));
    await user.click(screen.getByTestId("care-item-tracheostomy"));

    expect(optionValues(screen.getByTestId("care-item-suction-frequency"))).toEqual([
      "",
      "hourly_or_more",
      "six_per_day_or_more",
      "less",
    ]);
    expect(screen.getByTestId("care-item-tube_feeding-route")).toBeInTheDocument();
    expect(screen.getByTestId("care-item-tracheostomy-cannula")).toBeInTheDocument();
    expect(screen.queryByTestId("care-item-suction-route")).not.toBeInTheDocument();
    expect(screen.queryByTestId("care-item-tube_feeding-frequency")).not.toBeInTheDocument();
  });

  it("lets a pump be ticked only with its base item", async () => {
    formShell();
    const { user } = renderApp("/cases/new");
    const pump = await screen.findByTestId("care-item-tube_feeding_pump");
    expect(pump).toBeDisabled();

    await user.click(screen.getByTestId("care-item-tube_feeding"));

    expect(pump).toBeEnabled();
  });
});

describe("intake form: fields", () => {
  it("picks a municipality by typing its name and taking the first match with ↓ and Enter", async () => {
    formShell();
    const { user } = renderApp("/cases/new");
    const field = await screen.findByTestId("child-municipality");

    await user.type(field, "かわごえ");
    expect(await screen.findByText("三重県")).toBeInTheDocument();
    await user.keyboard("{ArrowDown}{Enter}");

    await waitFor(() => expect(field).toHaveValue("川越市"));
  });

  it("keeps the last scores and names the item when the core cannot score an entry", async () => {
    formShell({
      compute_scores: (args) => {
        const request = args.input as RegisterChildRequest["child"];
        const bad = request.care_items.findIndex((item) => item.start_date === "2024-1");
        if (bad >= 0) {
          throw apiError(
            "validation",
            "日付の形式が正しくありません",
            `care_items[${bad}].start_date`,
          );
        }
        return fakeScores(args);
      },
    });
    const { user } = renderApp("/cases/new");
    await user.click(await screen.findByTestId("care-item-suction"));
    await waitFor(() =>
      expect(screen.getByTestId("score-medical-care-total")).toHaveTextContent("8"),
    );

    await user.type(screen.getByTestId("care-item-suction-start"), "2024-1");

    expect(await screen.findByTestId("score-error")).toHaveTextContent(
      "吸引: 日付の形式が正しくありません",
    );
    expect(screen.getByTestId("score-medical-care-total")).toHaveTextContent("8");
  });
});

/** Fills what every intake needs and picks 川越市 by typing and Enter, as a person would. */
async function fillRequired(user: ReturnType<typeof renderApp>["user"]) {
  await user.type(await screen.findByTestId("child-name"), "山田 花子");
  await user.type(screen.getByTestId("child-kana"), "ヤマダ ハナコ");
  await user.type(screen.getByTestId("child-dob"), "２０２５/４/１０");
  await user.type(screen.getByTestId("child-municipality"), "川越");
  await user.keyboard("{Enter}");
  await waitFor(() => expect(screen.getByTestId("child-municipality")).toHaveValue("川越市"));
}

describe("intake form: saving", () => {
  it("sends the whole child as the core expects it and opens the new case", async () => {
    const calls = formShell();
    const { user } = renderApp("/cases/new");
    await fillRequired(user);
    await user.type(screen.getByTestId("child-weight"), "３.２");
    await user.type(screen.getByTestId("guardian-0-phone"), "090-1234-5678");
    await user.click(screen.getByTestId("care-item-tube_feeding"));
    await user.selectOptions(screen.getByTestId("care-item-tube_feeding-route"), "gastrostomy");

    await user.click(screen.getByTestId("child-save"));

    expect(await screen.findByTestId("case-title")).toHaveTextContent("山田 花子");
    expect(callsOf(calls, "find_duplicates")).toEqual([
      { input: { kana: "ヤマダ ハナコ", date_of_birth: "2025-04-10", phones: ["090-1234-5678"] } },
    ]);
    const [request] = registered(calls);
    expect(request?.confirmed_not_duplicate).toBe(false);
    expect(request?.child.residence.municipality_code).toBe("112011");
    expect(request?.child.case_number).toBeNull();
    expect(request?.weight?.weight_kg).toBe(3.2);
    expect(request?.status).toBe("referred");
    // The blank diagnosis row is not sent; the details of other items stay empty.
    expect(request?.child.diagnoses).toEqual([]);
    expect(request?.child.care_items).toEqual([
      {
        code: "tube_feeding",
        supervision: "low",
        details: {
          device: null,
          cannula_size: null,
          feeding_route: "gastrostomy",
          hours_per_day: null,
          suction_frequency: null,
          nebulizer_per_day: null,
          nebulizer_continuous: false,
          catheterizations_per_day: null,
          note: null,
        },
        start_date: null,
        end_date: null,
      },
    ]);
  });

  it("shows the core's message at the care item's supervision it names, and focuses it", async () => {
    formShell({
      register_child: () => {
        throw apiError(
          "validation",
          "吸引の見守りは 高・低 から選んでください",
          "child.care_items[1].supervision",
        );
      },
    });
    const { user } = renderApp("/cases/new");
    await fillRequired(user);
    await user.click(screen.getByTestId("care-item-ventilator"));
    await user.click(screen.getByTestId("care-item-suction"));

    await user.click(screen.getByTestId("child-save"));

    const field = screen.getByTestId("care-item-suction-supervision");
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    expect(field).toHaveAccessibleDescription(expect.stringContaining("高・低 から選んでください"));
    expect(field).toHaveFocus();
    expect(screen.getByTestId("care-item-ventilator-supervision")).not.toHaveAttribute(
      "aria-invalid",
    );
    // Nothing typed is lost.
    expect(screen.getByTestId("child-name")).toHaveValue("山田 花子");
  });

  it("shows a phone error at the contact row that was sent, past a blank row", async () => {
    formShell({
      register_child: () => {
        throw apiError(
          "validation",
          "電話番号の形式が正しくありません",
          "child.guardians[0].phone_primary",
        );
      },
    });
    const { user } = renderApp("/cases/new");
    await fillRequired(user);
    await user.click(screen.getByText("連絡先を追加"));
    // The first contact stays blank (not sent); the second one is guardians[0] for the core.
    await user.type(screen.getByTestId("guardian-1-phone"), "0120");

    await user.click(screen.getByTestId("child-save"));

    const field = screen.getByTestId("guardian-1-phone");
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    expect(field).toHaveAccessibleDescription("電話番号の形式が正しくありません");
    expect(screen.getByTestId("guardian-0-phone")).not.toHaveAttribute("aria-invalid");
  });

  it("shows an error that names no field of the form above it, keeping what was typed", async () => {
    formShell({
      register_child: () => {
        throw apiError("io", "ディスクに書き込めませんでした");
      },
    });
    const { user } = renderApp("/cases/new");
    await fillRequired(user);

    await user.keyboard("{Enter}");

    expect(await screen.findByTestId("case-form-error")).toHaveTextContent(
      "ディスクに書き込めませんでした",
    );
    expect(screen.getByTestId("child-kana")).toHaveValue("ヤマダ ハナコ");
  });
});

describe("intake form: duplicates", () => {
  const candidate = {
    id: "child-9",
    case_number: "KH-2025-0031",
    name: "山田 花子",
    kana: "ヤマダ ハナコ",
    date_of_birth: "2025-04-10",
    reasons: ["same_reading_and_birth_date" as const],
  };

  it("warns before saving and registers as another child only when confirmed", async () => {
    const calls = formShell({ find_duplicates: () => [candidate] });
    const { user } = renderApp("/cases/new");
    await fillRequired(user);

    await user.click(screen.getByTestId("child-save"));

    const warning = await screen.findByTestId("duplicate-warning");
    expect(warning).toHaveTextContent("KH-2025-0031");
    expect(warning).toHaveTextContent("同じ読みと生年月日");
    expect(callsOf(calls, "register_child")).toEqual([]);

    await user.click(screen.getByTestId("duplicate-confirm"));

    expect(await screen.findByTestId("case-title")).toBeInTheDocument();
    expect(registered(calls).map((r) => r.confirmed_not_duplicate)).toEqual([true]);
  });

  it("goes back to the form with 戻る (or Esc) and saves nothing", async () => {
    const calls = formShell({ find_duplicates: () => [candidate] });
    const { user } = renderApp("/cases/new");
    await fillRequired(user);
    await user.click(screen.getByTestId("child-save"));
    await screen.findByTestId("duplicate-warning");

    await user.keyboard("{Escape}");

    await waitFor(() => expect(screen.queryByTestId("duplicate-warning")).not.toBeInTheDocument());
    expect(callsOf(calls, "register_child")).toEqual([]);
    expect(screen.getByTestId("child-name")).toHaveValue("山田 花子");
  });

  it("shows the warning when the core finds a duplicate that appeared after the check", async () => {
    let checks = 0;
    formShell({
      find_duplicates: () => (checks++ === 0 ? [] : [candidate]),
      register_child: (args) => {
        if ((args.input as RegisterChildRequest).confirmed_not_duplicate) return childDetail();
        throw apiError("conflict", "似たケースがあります", "duplicates");
      },
    });
    const { user } = renderApp("/cases/new");
    await fillRequired(user);

    await user.click(screen.getByTestId("child-save"));

    expect(await screen.findByTestId("duplicate-warning")).toHaveTextContent("KH-2025-0031");
  });
});

describe("intake form in English", () => {
  it("shows every label in English once switched", async () => {
    formShell();
    const { user } = renderApp("/cases/new");
    await screen.findByTestId("care-items");

    await user.click(screen.getByText("English"));

    expect(await screen.findByRole("heading", { name: "New case" })).toBeInTheDocument();
    expect(screen.getByText("Ventilator")).toBeInTheDocument();
    expect(screen.getByText("Medical care score")).toBeInTheDocument();
    expect(screen.getByTestId("child-save")).toHaveTextContent("Register");
    await waitFor(() =>
      expect(screen.getByTestId("score-severe-class")).toHaveTextContent(
        "Pending (mobility not entered)",
      ),
    );
  });
});
