import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SaveTemplateRequest } from "../../api";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";
import { pathwayTemplate, templateTask } from "../testData";

const rows = () => screen.getAllByTestId("template-row");
const offsetOf = (row: HTMLElement) =>
  within(row).getByRole("textbox", { name: "退院目標日からの日数" });
const sentOf = (args: Record<string, unknown>) => args.input as SaveTemplateRequest;

describe("pathway template editor", () => {
  it("is reached from settings, lists the templates with the default marked", async () => {
    const other = pathwayTemplate({
      id: "template-2",
      name: "短期入院用",
      is_default: false,
      note: "",
    });
    const calls = fakeShell(status("unlocked"), {
      list_templates: () => [pathwayTemplate(), other],
      save_template: () => ({ ...other, is_default: true, row_version: 5 }),
    });
    const { user } = renderApp("/settings");

    expect(
      await screen.findByRole("heading", { name: "退院支援パスのテンプレート" }),
    ).toBeVisible();
    await user.click(screen.getByRole("link", { name: "テンプレートを開く" }));

    const items = await screen.findAllByTestId("template-item");
    expect(items.map((item) => within(item).getByTestId("template-edit-link").textContent)).toEqual(
      ["標準の退院支援パス", "短期入院用"],
    );
    const [standard, short] = items as [HTMLElement, HTMLElement];
    expect(within(standard).getByTestId("template-default")).toHaveTextContent("既定");
    expect(standard).toHaveTextContent("タスク 3件");
    expect(within(standard).queryByTestId("template-make-default")).toBeNull();
    expect(within(short).queryByTestId("template-default")).toBeNull();

    await user.click(within(short).getByRole("button", { name: "既定にする" }));
    expect(await screen.findByTestId("templates-made-default")).toHaveTextContent(
      "「短期入院用」を既定にしました。",
    );
    const sent = sentOf(callsOf(calls, "save_template")[0] ?? {});
    expect(sent).toMatchObject({ id: "template-2", row_version: 4, is_default: true });
    expect(sent.tasks.map((task) => task.id)).toEqual(["tt-0", "tt-1", "tt-2"]);
  });

  it("saves a changed offset with the row version it was read with, the tasks in the order shown", async () => {
    const calls = fakeShell(status("unlocked"), {
      get_template: () => pathwayTemplate(),
      save_template: (args) => {
        const input = sentOf(args);
        return pathwayTemplate({
          row_version: 5,
          tasks: input.tasks.map((task, i) =>
            templateTask(i, { ...task, id: task.id ?? "tt-new" }),
          ),
        });
      },
    });
    const { user } = renderApp("/settings/templates/template-1");

    await screen.findByTestId("template-form");
    expect(screen.getByRole("textbox", { name: "テンプレート名" })).toHaveValue(
      "標準の退院支援パス",
    );
    expect(screen.getByRole("textbox", { name: "テンプレート名" })).toHaveFocus();
    const [, move] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    expect(screen.getByTestId("template-phase-preparation")).toContainElement(move);
    expect(move).toHaveTextContent("退院60日前");

    await user.clear(offsetOf(move));
    await user.type(offsetOf(move), "－７５");
    expect(offsetOf(move)).toHaveValue("-75");
    expect(move).toHaveTextContent("退院75日前");
    await user.selectOptions(
      within(move).getByRole("combobox", { name: "役割" }),
      "コーディネーター",
    );
    await user.click(screen.getByRole("button", { name: "保存" }));

    expect(await screen.findByTestId("template-saved")).toHaveTextContent("保存しました。");
    expect(callsOf(calls, "save_template")).toEqual([
      {
        input: {
          id: "template-1",
          row_version: 4,
          name: "標準の退院支援パス",
          note: "岐阜県版小児在宅パスに基づく既定のテンプレート",
          is_default: true,
          tasks: [
            {
              id: "tt-0",
              phase: "introduction",
              role: "attending_physician",
              title: "院内カンファレンス",
              note: "ほかに 看護師・MSW",
              offset_days: -90,
            },
            {
              id: "tt-1",
              phase: "preparation",
              role: "coordinator",
              title: "移動手段の検討",
              note: "",
              offset_days: -75,
            },
            {
              id: "tt-2",
              phase: "home",
              role: "public_health_nurse",
              title: "保健師の訪問",
              note: "",
              offset_days: 7,
            },
          ],
        },
      },
    ]);
    // The form now holds what was saved: reopening would show the same.
    expect(offsetOf(rows()[1] as HTMLElement)).toHaveValue("-75");
  });

  it("adds a task to a phase, moves it up, removes another, and sends them in that order", async () => {
    const calls = fakeShell(status("unlocked"), {
      get_template: () =>
        pathwayTemplate({
          tasks: [
            templateTask(0, { title: "院内カンファレンス" }),
            templateTask(1, { title: "在宅医療機器の選定" }),
            templateTask(2, { phase: "home", title: "保健師の訪問", offset_days: 7 }),
          ],
        }),
      save_template: () => pathwayTemplate({ row_version: 5 }),
    });
    const { user } = renderApp("/settings/templates/template-1");
    await screen.findByTestId("template-form");

    await user.click(screen.getByRole("button", { name: "＋ 導入期にタスクを追加" }));
    const added = rows()[2] as HTMLElement;
    const title = within(added).getByRole("textbox", { name: "タスク名" });
    expect(title).toHaveFocus();
    await user.type(title, "家族面談");
    expect(offsetOf(added)).toHaveValue("-90");
    await user.click(within(added).getByRole("button", { name: "「家族面談」を上へ" }));
    expect(within(rows()[2] as HTMLElement).getByRole("button", { name: /を下へ/ })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "「院内カンファレンス」を削除" }));
    await user.click(screen.getByRole("button", { name: "保存" }));

    await waitFor(() => expect(callsOf(calls, "save_template")).toHaveLength(1));
    const sent = sentOf(callsOf(calls, "save_template")[0] ?? {});
    expect(sent.tasks.map((task) => [task.id, task.title, task.offset_days])).toEqual([
      [null, "家族面談", -90],
      ["tt-1", "在宅医療機器の選定", -90],
      ["tt-2", "保健師の訪問", 7],
    ]);
    expect(sent.tasks[0]?.role).toBe("coordinator");
  });

  it("shows the core's refusal at the row it names, and nowhere else", async () => {
    fakeShell(status("unlocked"), {
      get_template: () => pathwayTemplate(),
      save_template: () => {
        throw apiError(
          "validation",
          "-365から365の範囲で入力してください。",
          "tasks[2].offset_days",
        );
      },
    });
    const { user } = renderApp("/settings/templates/template-1");
    await screen.findByTestId("template-form");

    const visit = rows()[2] as HTMLElement;
    await user.clear(offsetOf(visit));
    await user.type(offsetOf(visit), "400");
    await user.click(screen.getByRole("button", { name: "保存" }));

    await waitFor(() => expect(offsetOf(visit)).toHaveAttribute("aria-invalid", "true"));
    expect(visit).toHaveTextContent("-365から365の範囲で入力してください。");
    expect(offsetOf(visit)).toHaveFocus();
    for (const other of rows().slice(0, 2)) {
      expect(offsetOf(other)).not.toHaveAttribute("aria-invalid", "true");
    }
    expect(screen.getByText("赤く表示された項目を確認してください。")).toBeVisible();
  });

  it("refuses an empty offset before asking the core", async () => {
    const calls = fakeShell(status("unlocked"), { get_template: () => pathwayTemplate() });
    const { user } = renderApp("/settings/templates/template-1");
    await screen.findByTestId("template-form");

    const first = rows()[0] as HTMLElement;
    await user.clear(offsetOf(first));
    await user.click(screen.getByRole("button", { name: "保存" }));

    expect(
      await within(first).findByText("日数を数字で入力してください（例: -90）。"),
    ).toBeVisible();
    expect(callsOf(calls, "save_template")).toEqual([]);
  });

  it("says someone saved first when the version is stale, keeps the input, and reloads on request", async () => {
    let version = 4;
    fakeShell(status("unlocked"), {
      get_template: () =>
        pathwayTemplate({
          row_version: version,
          name: version === 4 ? "標準の退院支援パス" : "標準の退院支援パス（改訂）",
        }),
      save_template: () => {
        version = 5;
        throw apiError(
          "conflict",
          "この記録は開いている間に他の人が変更しました。開き直して最新の内容を確認してから、もう一度保存してください。入力した内容はこの画面に残っています。",
        );
      },
    });
    const { user } = renderApp("/settings/templates/template-1");
    await screen.findByTestId("template-form");

    const first = rows()[0] as HTMLElement;
    await user.clear(offsetOf(first));
    await user.type(offsetOf(first), "-100");
    await user.click(screen.getByRole("button", { name: "保存" }));

    const conflict = await screen.findByTestId("template-conflict");
    expect(conflict).toHaveTextContent("ほかの人が先に保存しました");
    expect(conflict).toHaveTextContent("この記録は開いている間に他の人が変更しました。");
    expect(offsetOf(rows()[0] as HTMLElement)).toHaveValue("-100");

    await user.click(within(conflict).getByRole("button", { name: /最新の内容を読み込む/ }));
    await waitFor(() =>
      expect(screen.getByRole("textbox", { name: "テンプレート名" })).toHaveValue(
        "標準の退院支援パス（改訂）",
      ),
    );
    expect(offsetOf(rows()[0] as HTMLElement)).toHaveValue("-90");
    expect(screen.queryByTestId("template-conflict")).toBeNull();
  });

  it("makes a new template from a copy of another's tasks and opens it once created", async () => {
    const calls = fakeShell(status("unlocked"), {
      get_template: (args) =>
        args.id === "template-9"
          ? pathwayTemplate({
              id: "template-9",
              name: "標準の退院支援パス（コピー）",
              is_default: false,
            })
          : pathwayTemplate(),
      save_template: () =>
        pathwayTemplate({
          id: "template-9",
          name: "標準の退院支援パス（コピー）",
          is_default: false,
        }),
    });
    const { user } = renderApp("/settings/templates/new?from=template-1");

    expect(await screen.findByRole("heading", { name: "新しいテンプレート" })).toBeVisible();
    expect(screen.getByRole("textbox", { name: "テンプレート名" })).toHaveValue(
      "標準の退院支援パス（コピー）",
    );
    expect(screen.getByRole("checkbox", { name: /既定/ })).not.toBeChecked();
    await user.click(screen.getByRole("button", { name: "作成" }));

    expect(await screen.findByRole("heading", { name: "テンプレートの編集" })).toBeVisible();
    expect(await screen.findByTestId("template-saved")).toBeVisible();
    const sent = sentOf(callsOf(calls, "save_template")[0] ?? {});
    expect(sent).toMatchObject({ id: null, row_version: null, is_default: false });
    expect(sent.tasks.every((task) => task.id === null)).toBe(true);
    expect(sent.tasks).toHaveLength(3);
  });
});
