import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AddProviderRequest, ProviderDetail, UpdateProviderRequest } from "../../api/bindings";
import { todayIso } from "../../cases/dates";
import { MUNICIPALITIES } from "../../test/cases";
import { providerDetail } from "../../test/providers";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";

type Handler = (args: Record<string, unknown>) => unknown;

function formShell(handlers: Record<string, Handler> = {}) {
  return fakeShell(status("unlocked"), {
    list_municipalities: () => MUNICIPALITIES,
    add_provider: () => providerDetail(),
    update_provider: () => providerDetail(),
    get_provider: () => providerDetail(),
    search_providers: () => ({ total: 0, rows: [] }),
    ...handlers,
  });
}

const added = (calls: ReturnType<typeof formShell>) =>
  callsOf(calls, "add_provider").map((args) => args.input as AddProviderRequest);

/** What every new provider needs, entered as a person would: the kind, names, 川越 and Enter. */
async function fillRequired(user: ReturnType<typeof renderApp>["user"]) {
  await user.selectOptions(await screen.findByTestId("provider-kind"), "visiting_nursing");
  await user.type(screen.getByTestId("provider-name"), "かわごえ訪問看護ステーション");
  await user.type(screen.getByTestId("provider-kana"), "カワゴエホウモンカンゴ");
  await user.type(screen.getByTestId("provider-municipality"), "川越");
  await user.keyboard("{Enter}");
  await waitFor(() => expect(screen.getByTestId("provider-municipality")).toHaveValue("川越市"));
}

describe("provider form: the conditions matrix", () => {
  it("starts every answer at 未回答 and offers ○ 可 / × 不可 / 未回答 for each of the 19 care items", async () => {
    formShell();
    renderApp("/providers/new");
    const editor = await screen.findByTestId("conditions-editor");

    const groups = within(editor).getAllByRole("radiogroup");
    expect(groups).toHaveLength(5 + 19);
    for (const group of groups) {
      expect(within(group).getAllByRole("radio")).toHaveLength(3);
      expect(within(group).getByRole("radio", { name: "未回答" })).toBeChecked();
    }
    expect(screen.getByTestId("condition-ventilator")).toHaveAccessibleName("人工呼吸器の管理");
    expect(screen.getByTestId("condition-accepts_children")).toHaveAccessibleName("小児の受入れ");
  });

  it("moves between ○ × 未回答 with the arrow keys, as a radio group does", async () => {
    formShell();
    const { user } = renderApp("/providers/new");
    const yes = await screen.findByTestId("condition-suction-yes");

    await user.click(yes);
    expect(yes).toHaveFocus();
    await user.keyboard("{ArrowRight}");

    expect(screen.getByTestId("condition-suction-no")).toBeChecked();
    expect(yes).not.toBeChecked();
  });
});

describe("provider form: saving", () => {
  it("sends the whole provider with three-valued answers: an item left 未回答 is not sent, never as ×", async () => {
    const calls = formShell();
    const { user } = renderApp("/providers/new");
    await fillRequired(user);
    await user.type(screen.getByTestId("provider-phone"), "049-222-1111");
    await user.type(screen.getByTestId("provider-business-number"), "１１６０１０００１");
    await user.click(screen.getByTestId("condition-accepts_children-yes"));
    await user.click(screen.getByTestId("condition-nights-no"));
    await user.click(screen.getByTestId("condition-ventilator-yes"));
    await user.click(screen.getByTestId("condition-oxygen-no"));
    await user.click(screen.getByTestId("condition-suction-yes"));
    await user.type(screen.getByTestId("provider-age-max"), "216");
    expect(screen.getByTestId("provider-form")).toHaveTextContent("18歳");
    await user.type(screen.getByTestId("provider-weight-max"), "４０");
    await user.type(screen.getByTestId("provider-radius"), "15");
    await user.click(screen.getByTestId("provider-publish-name"));
    await user.type(screen.getByTestId("provider-consented-on"), "R7.6.10");

    await user.click(screen.getByTestId("provider-save"));

    expect(await screen.findByTestId("provider-title")).toBeInTheDocument();
    const [request] = added(calls);
    expect(request?.answered_on).toBe(todayIso());
    expect(request?.provider).toMatchObject({
      kind: "visiting_nursing",
      name: "かわごえ訪問看護ステーション",
      kana: "カワゴエホウモンカンゴ",
      municipality_code: "112011",
      phone: "049-222-1111",
      business_number: "１１６０１０００１",
      lat: null,
      capacity: null,
      record_source: "manual",
      last_verified_on: todayIso(),
      publication: {
        name: true,
        address: false,
        phone: false,
        contact_person: false,
        conditions: false,
        consented_on: "2025-06-10",
      },
    });
    expect(request?.provider.conditions).toEqual({
      accepts_children: "yes",
      age_min_months: null,
      age_max_months: 216,
      weight_min_kg: null,
      weight_max_kg: 40,
      care_items: [
        { code: "ventilator", answer: "yes" },
        { code: "oxygen", answer: "no" },
        { code: "suction", answer: "yes" },
      ],
      service_area: { municipality_codes: [], radius_km: 15 },
      nights: "no",
      weekends: "unknown",
      around_the_clock: "unknown",
      taking_new_clients: "unknown",
      free_text: "",
    });
  });

  it("asks for the kind before sending anything", async () => {
    const calls = formShell();
    const { user } = renderApp("/providers/new");
    await user.type(await screen.findByTestId("provider-name"), "どこか{Enter}");

    const kind = screen.getByTestId("provider-kind");
    await waitFor(() => expect(kind).toHaveAttribute("aria-invalid", "true"));
    expect(kind).toHaveFocus();
    expect(screen.getByTestId("provider-form")).toHaveTextContent("種別を選んでください");
    expect(callsOf(calls, "add_provider")).toEqual([]);
  });

  it("puts the core's error on a care item at that item's control, focused, and keeps every input", async () => {
    const calls = formShell({
      add_provider: (args) => {
        const request = args.input as AddProviderRequest;
        const index = request.provider.conditions.care_items.findIndex((c) => c.code === "suction");
        throw apiError(
          "validation",
          "同じ医療的ケアが2回あります",
          `provider.conditions.care_items[${index}].code`,
        );
      },
    });
    const { user } = renderApp("/providers/new");
    await fillRequired(user);
    await user.click(screen.getByTestId("condition-ventilator-no"));
    await user.click(screen.getByTestId("condition-suction-yes"));

    await user.click(screen.getByTestId("provider-save"));

    const suction = screen.getByTestId("condition-suction");
    await waitFor(() => expect(suction).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByTestId("condition-suction-yes")).toHaveFocus();
    expect(suction.parentElement).toHaveTextContent("同じ医療的ケアが2回あります");
    expect(screen.getByTestId("condition-ventilator")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByTestId("condition-ventilator-no")).toBeChecked();
    expect(screen.getByTestId("provider-name")).toHaveValue("かわごえ訪問看護ステーション");
    expect(added(calls)[0]?.provider.conditions.care_items[1]?.code).toBe("suction");
  });

  it.each([
    ["provider.phone", "provider-phone"],
    ["provider.name", "provider-name"],
    ["provider.business_number", "provider-business-number"],
    ["provider.conditions.age_max_months", "provider-age-max"],
    ["provider.conditions.weight_max_kg", "provider-weight-max"],
    ["answered_on", "provider-answered-on"],
  ])("puts the core's error on %s at its field and focuses it", async (field, testId) => {
    formShell({
      add_provider: () => Promise.reject(apiError("validation", "確認してください", field)),
    });
    const { user } = renderApp("/providers/new");
    await fillRequired(user);

    await user.click(screen.getByTestId("provider-save"));

    const input = screen.getByTestId(testId);
    await waitFor(() => expect(input).toHaveAttribute("aria-invalid", "true"));
    expect(input).toHaveFocus();
    expect(screen.queryByTestId("provider-form-error")).not.toBeInTheDocument();
  });

  it("puts an unknown service-area municipality at the service area select", async () => {
    formShell({
      add_provider: () => {
        throw apiError(
          "validation",
          "市区町村コードが見つかりません",
          "provider.conditions.service_area.municipality_codes[0]",
        );
      },
    });
    const { user } = renderApp("/providers/new");
    await fillRequired(user);
    await user.click(screen.getByTestId("provider-save"));

    expect(await screen.findByText("市区町村コードが見つかりません")).toBeInTheDocument();
    expect(screen.getByTestId("provider-service-area")).toHaveAttribute("aria-invalid", "true");
  });

  it("shows an error that names no field of the form above it, with nothing lost", async () => {
    formShell({ add_provider: () => Promise.reject(apiError("io", "ディスクに書き込めません")) });
    const { user } = renderApp("/providers/new");
    await fillRequired(user);
    await user.click(screen.getByTestId("provider-save"));

    const alert = await screen.findByTestId("provider-form-error");
    expect(alert).toHaveTextContent("ディスクに書き込めません");
    expect(alert).toHaveTextContent("入力した内容はそのまま残っています。");
    await waitFor(() => expect(alert).toHaveFocus());
    expect(screen.getByTestId("provider-name")).toHaveValue("かわごえ訪問看護ステーション");
  });
});

describe("provider form: editing", () => {
  it("opens filled with the saved provider and its answers, and saves with the row version", async () => {
    const detail: ProviderDetail = providerDetail();
    const calls = formShell({ get_provider: () => detail });
    const { user } = renderApp("/providers/provider-1");
    await user.click(await screen.findByTestId("provider-edit"));

    expect(await screen.findByTestId("provider-name")).toHaveValue("かわごえ訪問看護ステーション");
    expect(screen.getByTestId("provider-kind")).toHaveValue("visiting_nursing");
    await waitFor(() => expect(screen.getByTestId("provider-municipality")).toHaveValue("川越市"));
    expect(screen.getByTestId("condition-ventilator-yes")).toBeChecked();
    expect(screen.getByTestId("condition-oxygen-no")).toBeChecked();
    expect(screen.getByTestId("condition-tube_feeding-unknown")).toBeChecked();
    expect(screen.getByTestId("condition-dialysis-unknown")).toBeChecked();
    expect(screen.getByTestId("condition-accepts_children-yes")).toBeChecked();
    expect(screen.getByTestId("provider-age-min")).toHaveValue("6");
    expect(screen.getByTestId("provider-publish-name")).toBeChecked();
    expect(screen.getByTestId("provider-publish-phone")).not.toBeChecked();

    await user.click(screen.getByTestId("condition-oxygen-yes"));
    await user.click(screen.getByTestId("provider-save"));

    await waitFor(() => expect(callsOf(calls, "update_provider")).toHaveLength(1));
    const request = callsOf(calls, "update_provider")[0]?.input as UpdateProviderRequest;
    expect(request.id).toBe("provider-1");
    expect(request.row_version).toBe(4);
    expect(request.answered_on).toBe(todayIso());
    expect(request.provider.business_number).toBe("1160100001");
    // tube_feeding was stored as 未回答: it stays unanswered, it does not become ×.
    expect(request.provider.conditions.care_items).toEqual([
      { code: "ventilator", answer: "yes" },
      { code: "tracheostomy", answer: "yes" },
      { code: "oxygen", answer: "yes" },
      { code: "suction", answer: "yes" },
    ]);
    expect(await screen.findByTestId("provider-title")).toBeInTheDocument();
  });

  it("says someone else saved first, above the form, without losing the edit", async () => {
    formShell({
      update_provider: () => {
        throw apiError("conflict", "ほかの人が先に保存しました。開き直してください。");
      },
    });
    const { user } = renderApp("/providers/provider-1/edit");
    const phone = await screen.findByTestId("provider-phone");
    await user.clear(phone);
    await user.type(phone, "049-999-0000{Enter}");

    expect(await screen.findByTestId("provider-form-error")).toHaveTextContent(
      "ほかの人が先に保存しました",
    );
    expect(phone).toHaveValue("049-999-0000");
  });

  it("shows the form in English", async () => {
    formShell();
    const { user } = renderApp("/providers/new");
    await screen.findByTestId("provider-form");

    await user.click(screen.getByText("English"));

    await waitFor(() =>
      expect(screen.getByRole("heading", { name: "New provider" })).toBeInTheDocument(),
    );
    expect(screen.getByTestId("condition-ventilator")).toHaveAccessibleName("Ventilator");
    expect(
      within(screen.getByTestId("condition-ventilator")).getByRole("radio", {
        name: "Not answered",
      }),
    ).toBeChecked();
    expect(screen.getByTestId("provider-save")).toHaveTextContent("Add provider");
  });
});
