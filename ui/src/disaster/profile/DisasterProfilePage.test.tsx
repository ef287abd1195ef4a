import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DisasterProfile, SaveDisasterProfileRequest } from "../../api";
import { childDetail, fakeScores, MUNICIPALITIES } from "../../test/cases";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";
import { noProfile, savedProfile } from "../testData";

type Handler = (args: Record<string, unknown>) => unknown;

function profileShell(loaded: DisasterProfile, handlers: Record<string, Handler> = {}) {
  return fakeShell(status("unlocked"), {
    get_child: () => childDetail(),
    get_disaster_profile: () => loaded,
    list_municipalities: () => MUNICIPALITIES,
    compute_scores: fakeScores,
    ...handlers,
  });
}

const sentProfile = (calls: ReturnType<typeof fakeShell>) =>
  callsOf(calls, "save_disaster_profile").map((args) => args.request as SaveDisasterProfileRequest);

describe("case page: 災害時の備え", () => {
  it("shows the battery total, the warnings and the registrations, with 編集 to the form", async () => {
    profileShell(savedProfile());
    renderApp("/cases/child-1");

    const section = await screen.findByTestId("case-disaster");
    expect(within(section).getByRole("heading", { name: "災害時の備え" })).toBeInTheDocument();
    expect(await within(section).findByTestId("disaster-total")).toHaveTextContent("4時間");
    expect(
      within(section).getByTestId("disaster-warning-ventilator_without_external_battery"),
    ).toHaveTextContent("外部バッテリーなし");
    expect(within(section).getByTestId("disaster-warning-battery_under24_hours")).toHaveTextContent(
      "24時間未満",
    );
    expect(within(section).getByTestId("disaster-reg-power_company")).toHaveTextContent(
      "電力会社 2026-04-10",
    );
    expect(within(section).getByTestId("disaster-reg-individual_plan")).toHaveTextContent(
      "個別避難計画 未登録",
    );
    expect(section).toHaveTextContent("人工呼吸器 Trilogy Evo");
    expect(section).toHaveTextContent("埼玉医科大学総合医療センター");
    expect(section).toHaveTextContent("1. 山田 和子（祖母） 049-222-3333");
    expect(within(section).getByTestId("disaster-edit")).toHaveAttribute(
      "href",
      "#/cases/child-1/disaster",
    );
  });

  it("says what to do when nothing is entered yet, without repeating it as a warning", async () => {
    profileShell(noProfile());
    renderApp("/cases/child-1");

    expect(await screen.findByTestId("disaster-empty")).toHaveTextContent(
      "「編集」から、電源が必要な機器とバッテリー、避難先、緊急連絡先を登録してください。",
    );
    expect(screen.queryByTestId("disaster-warnings")).not.toBeInTheDocument();
  });
});

describe("disaster profile form", () => {
  it("saves what a person types, with version 0 for a first profile, then shows the core's total and warnings", async () => {
    const calls = profileShell(noProfile(), {
      save_disaster_profile: () => savedProfile(),
    });
    const { user } = renderApp("/cases/child-1/disaster");

    expect(await screen.findByRole("heading", { name: "山田 花子" })).toBeInTheDocument();
    expect(screen.getByTestId("devices-empty")).toHaveTextContent("「機器を追加」");
    expect(screen.getByTestId("contacts-empty")).toHaveTextContent("「連絡先を追加」");

    await user.click(screen.getByTestId("device-add"));
    const kind = await screen.findByTestId("device-0-kind");
    expect(kind, "a new row takes the cursor").toHaveFocus();
    expect(kind).toHaveValue("ventilator");
    await user.type(screen.getByTestId("device-0-name"), "Trilogy Evo");
    await user.type(screen.getByTestId("device-0-internal"), "４");
    await user.type(screen.getByTestId("consumables-days"), "7");
    await user.click(screen.getByTestId("reg-power_company"));
    await user.type(screen.getByTestId("reg-power_company-on"), "2026/4/10");
    expect(
      screen.getByTestId("reg-individual_plan-on"),
      "no date without the checkbox",
    ).toBeDisabled();
    await user.type(screen.getByTestId("emergency-hospital"), "埼玉医科大学総合医療センター");
    await user.click(screen.getByTestId("contact-add"));
    expect(screen.getByTestId("contact-0-name")).toHaveFocus();
    await user.keyboard("山田 和子");
    await user.type(screen.getByTestId("contact-0-relation"), "祖母");
    await user.type(screen.getByTestId("contact-0-phone"), "049-222-3333");
    await user.click(screen.getByTestId("disaster-save"));

    await waitFor(() => expect(sentProfile(calls)).toHaveLength(1));
    expect(sentProfile(calls)[0]).toEqual({
      child_id: "child-1",
      row_version: 0,
      profile: savedProfile().profile,
    });
    expect(await screen.findByTestId("disaster-saved")).toHaveTextContent("保存しました。");
    expect(screen.getByTestId("disaster-form-total")).toHaveTextContent("4時間");
    const current = screen.getByTestId("disaster-current");
    expect(current).toHaveTextContent("外部バッテリーなし");
    expect(current).toHaveTextContent("人工呼吸器の外部バッテリーがありません。");
    expect(current).toHaveTextContent("24時間未満");
    expect(current, "the warning of the unsaved profile is gone").not.toHaveTextContent("未登録");
  });

  it("shows a refusal at its field and keeps what was typed; blank contact rows are not sent", async () => {
    const calls = profileShell(savedProfile(), {
      save_disaster_profile: () => {
        throw apiError(
          "validation",
          "電話番号は数字とハイフンで入力してください",
          "profile.contacts[1].phone",
        );
      },
    });
    const { user } = renderApp("/cases/child-1/disaster");

    expect(await screen.findByTestId("contact-0-name")).toHaveValue("山田 和子");
    await user.click(screen.getByTestId("contact-add")); // left blank: not sent
    await user.click(screen.getByTestId("contact-add"));
    await user.type(screen.getByTestId("contact-2-name"), "山田 太郎");
    await user.type(screen.getByTestId("contact-2-phone"), "049-22x");
    await user.click(screen.getByTestId("disaster-save"));

    const phone = screen.getByTestId("contact-2-phone");
    await waitFor(() => expect(phone).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByText("電話番号は数字とハイフンで入力してください")).toBeInTheDocument();
    expect(phone, "what was typed stays").toHaveValue("049-22x");
    expect(screen.getByTestId("contact-2-name")).toHaveValue("山田 太郎");
    expect(screen.getByText("赤く表示された欄を確認してください。")).toBeInTheDocument();
    const [sent] = sentProfile(calls);
    expect(sent?.row_version, "saved with the version it was loaded at").toBe(1);
    expect(sent?.profile.contacts.map((c) => c.name)).toEqual(["山田 和子", "山田 太郎"]);
    expect(screen.queryByTestId("disaster-saved")).not.toBeInTheDocument();
  });

  it("puts a refusal that names no field above the form, e.g. a profile saved elsewhere meanwhile", async () => {
    profileShell(savedProfile(), {
      save_disaster_profile: () => {
        throw apiError("conflict", "ほかの画面で更新されています。開き直してください。");
      },
    });
    const { user } = renderApp("/cases/child-1/disaster");
    await user.type(await screen.findByTestId("evacuation-site"), "川越第一小学校");
    await user.click(screen.getByTestId("disaster-save"));

    expect(await screen.findByTestId("disaster-form-error")).toHaveTextContent(
      "ほかの画面で更新されています。",
    );
    expect(screen.getByTestId("evacuation-site")).toHaveValue("川越第一小学校");
  });

  it("adds and removes devices and contacts, and moves a contact up in the calling order", async () => {
    const calls = profileShell(savedProfile(), {
      save_disaster_profile: (args) => ({
        ...savedProfile(),
        row_version: 2,
        profile: (args.request as SaveDisasterProfileRequest).profile,
      }),
    });
    const { user } = renderApp("/cases/child-1/disaster");

    expect(await screen.findAllByTestId("device-row")).toHaveLength(1);
    await user.click(screen.getByTestId("device-add"));
    expect(screen.getAllByTestId("device-row")).toHaveLength(2);
    expect(
      screen.getByTestId("device-1-kind"),
      "a second device is often a suction device",
    ).toHaveValue("suction");
    await user.type(screen.getByTestId("device-1-internal"), "1.5");
    await user.click(screen.getByRole("button", { name: "1台目の機器を削除" }));
    expect(screen.getAllByTestId("device-row")).toHaveLength(1);
    expect(screen.getByTestId("device-0-kind")).toHaveValue("suction");
    expect(screen.getByTestId("device-0-internal")).toHaveValue("1.5");

    await user.click(screen.getByTestId("contact-add"));
    await user.keyboard("山田 太郎");
    await user.type(screen.getByTestId("contact-1-phone"), "090-1111-2222");
    await user.click(screen.getByRole("button", { name: "2番目を上へ" }));
    expect(screen.getByTestId("contact-0-name")).toHaveValue("山田 太郎");
    expect(screen.getByTestId("contact-1-name")).toHaveValue("山田 和子");
    expect(
      screen.getByTestId("contact-0-down"),
      "at the top the cursor moves to ▼ of the moved row",
    ).toHaveFocus();
    expect(screen.getByTestId("contact-0-up")).toBeDisabled();

    await user.click(screen.getByTestId("disaster-save"));
    await waitFor(() => expect(sentProfile(calls)).toHaveLength(1));
    const [sent] = sentProfile(calls);
    expect(sent?.profile.devices).toEqual([
      { kind: "suction", name: "", internal_battery_hours: 1.5, external_battery_hours: null },
    ]);
    expect(sent?.profile.contacts).toEqual([
      { name: "山田 太郎", relation: "", phone: "090-1111-2222" },
      { name: "山田 和子", relation: "祖母", phone: "049-222-3333" },
    ]);

    await screen.findByTestId("disaster-saved");
    await user.click(screen.getByRole("button", { name: "1番目の連絡先を削除" }));
    await user.click(screen.getByRole("button", { name: "1番目の連絡先を削除" }));
    expect(screen.getByTestId("contacts-empty")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "1台目の機器を削除" }));
    expect(screen.getByTestId("devices-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("disaster-save"));
    await waitFor(() => expect(sentProfile(calls)).toHaveLength(2));
    const second = sentProfile(calls)[1];
    expect(second?.row_version, "the next save goes with the version just saved").toBe(2);
    expect(second?.profile.devices).toEqual([]);
    expect(second?.profile.contacts).toEqual([]);
  });
});
