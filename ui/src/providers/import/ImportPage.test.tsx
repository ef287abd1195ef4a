import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportOptions, ImportPreview, ImportReport } from "../../api";
import { MUNICIPALITIES } from "../../test/cases";
import { searchProvidersOver } from "../../test/providers";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, sendOnChannel, status } from "../../test/shell";

const PREVIEW: ImportPreview = {
  file_name: "survey-sample.sjis.csv",
  format: "csv_shift_jis",
  headers: ["種別", "事業所名", "電話番号", "メモ"],
  mapping: {
    layout: "custom",
    columns: [
      { header: "種別", field: "kind" },
      { header: "事業所名", field: "name" },
      { header: "電話番号", field: "phone" },
      { header: "メモ", field: null },
    ],
    default_kind: null,
    record_source: "survey",
  },
  sample: [
    ["訪問看護ステーション", "かわせみ訪問看護ステーション", "048-200-1000", "呼吸器可"],
    ["小児科診療所", "くまがや小児科医院", "", "見学要予約"],
  ],
  fields: [
    { key: "kind", label_ja: "種別", label_en: "Kind" },
    { key: "name", label_ja: "事業所名", label_en: "Name" },
    { key: "phone", label_ja: "電話", label_en: "Phone" },
    { key: "free_text", label_ja: "備考", label_en: "Notes" },
  ],
};

/** What a command given a Channel sees in its arguments. */
const A_CHANNEL = expect.objectContaining({ id: expect.any(Number) });

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    format: "csv_shift_jis",
    mapping: PREVIEW.mapping,
    rows: 3,
    new: 2,
    updated: 0,
    unchanged: 0,
    errors: 1,
    warnings: 1,
    problems: [
      { line: 3, column: "種別", severity: "error", message: "種別「診療所？」が分かりません" },
      { line: 4, column: "電話番号", severity: "warning", message: "電話番号の桁数が少ない" },
    ],
    applied: false,
    cancelled: false,
    ...overrides,
  };
}

function importShell(choose: () => unknown = () => PREVIEW) {
  return fakeShell(status("unlocked"), {
    search_providers: searchProvidersOver([]),
    list_municipalities: () => MUNICIPALITIES,
    choose_import_file: choose,
    preview_import_file: () => ({ ...PREVIEW, format: "csv_utf8" }),
    run_import: (args) => {
      const { input } = args as { input: ImportOptions };
      return input.mode === "dry_run"
        ? report()
        : report({ new: 2, errors: 1, applied: true, problems: report().problems.slice(0, 1) });
    },
  });
}

async function chooseFile() {
  const page = renderApp("/providers");
  await page.user.click(await screen.findByTestId("import-open"));
  expect(await screen.findByTestId("import-empty")).toHaveTextContent(
    "まだファイルが選ばれていません",
  );
  await page.user.click(screen.getByTestId("import-choose"));
  await screen.findByTestId("import-file-name");
  return page;
}

describe("import from a file", () => {
  it("opens from the list, and choosing a file shows its name, format and the mapping to check", async () => {
    const calls = importShell();
    await chooseFile();

    expect(callsOf(calls, "choose_import_file")).toEqual([{ encoding: "auto" }]);
    expect(screen.getByTestId("import-file-name")).toHaveTextContent("survey-sample.sjis.csv");
    expect(screen.getByTestId("import-format")).toHaveTextContent("CSV（Shift_JIS）");
    expect(screen.queryByTestId("import-empty")).not.toBeInTheDocument();

    const rows = screen.getAllByTestId("import-mapping-row");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent("事業所名");
    expect(rows[1]).toHaveTextContent("かわせみ訪問看護ステーション / くまがや小児科医院");
    expect(screen.getByTestId("import-map-0")).toHaveValue("kind");
    expect(screen.getByTestId("import-map-2")).toHaveValue("phone");
    const unmapped = screen.getByTestId("import-map-3");
    expect(unmapped).toHaveValue("");
    expect(
      within(unmapped)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["取り込まない", "種別", "事業所名", "電話", "備考"]);
  });

  it("reads the file again when another encoding is chosen", async () => {
    const calls = importShell();
    const { user } = await chooseFile();

    await user.selectOptions(screen.getByTestId("import-encoding"), "utf8");

    await waitFor(() =>
      expect(screen.getByTestId("import-format")).toHaveTextContent("CSV（UTF-8）"),
    );
    expect(callsOf(calls, "preview_import_file")).toEqual([{ encoding: "utf8" }]);
  });

  it("sends the corrected mapping with the dry run, and shows the counts and the problems", async () => {
    const calls = importShell();
    const { user } = await chooseFile();

    await user.selectOptions(screen.getByTestId("import-map-3"), "free_text");
    await user.selectOptions(screen.getByTestId("import-map-2"), "");
    await user.click(screen.getByTestId("import-dry-run"));

    expect(await screen.findByTestId("import-count-new")).toHaveTextContent("2");
    expect(callsOf(calls, "run_import")).toEqual([
      {
        onProgress: A_CHANNEL,
        input: {
          encoding: "auto",
          mode: "dry_run",
          lang: "ja",
          mapping: {
            layout: "custom",
            default_kind: null,
            record_source: "survey",
            columns: [
              { header: "種別", field: "kind" },
              { header: "事業所名", field: "name" },
              { header: "電話番号", field: null },
              { header: "メモ", field: "free_text" },
            ],
          },
        },
      },
    ]);
    expect(screen.getByTestId("import-counts")).toHaveTextContent(
      "新規 2·更新 0·変更なし 0·エラー 1·注意 1",
    );
    expect(screen.getByTestId("import-count-errors")).toHaveTextContent("1");
    const problems = screen.getAllByTestId("import-problem");
    expect(problems).toHaveLength(2);
    expect(problems[0]).toHaveTextContent("エラー3行目 · 種別種別「診療所？」が分かりません");
    expect(problems[0]).toHaveAttribute("data-severity", "error");
    expect(problems[1]).toHaveTextContent("注意4行目 · 電話番号電話番号の桁数が少ない");
  });

  it("imports the good rows when asked, then shows the result and the way back to the list", async () => {
    const calls = importShell();
    const { user } = await chooseFile();
    expect(screen.queryByTestId("import-good-rows")).not.toBeInTheDocument();
    expect(screen.getByText(/まだ何も書き込みません/)).toBeInTheDocument();
    await user.click(screen.getByTestId("import-dry-run"));
    await screen.findByTestId("import-count-new");

    await user.click(screen.getByTestId("import-good-rows"));

    const result = await screen.findByTestId("import-result");
    expect(result).toHaveTextContent("取込が終わりました");
    expect(callsOf(calls, "run_import").map((args) => (args.input as ImportOptions).mode)).toEqual([
      "dry_run",
      "good_rows",
    ]);
    expect(callsOf(calls, "run_import")[1]).toEqual({
      input: expect.objectContaining({ mode: "good_rows", mapping: expect.any(Object) }),
      onProgress: A_CHANNEL,
    });
    await user.click(within(result).getByTestId("import-back"));
    expect(await screen.findByTestId("provider-count")).toBeInTheDocument();
  });

  it("asks again for a dry run after the mapping changes, and offers all-or-nothing", async () => {
    const calls = importShell();
    const { user } = await chooseFile();
    await user.click(screen.getByTestId("import-dry-run"));
    await screen.findByTestId("import-count-new");

    await user.selectOptions(screen.getByTestId("import-map-1"), "");
    expect(screen.queryByTestId("import-count-new")).not.toBeInTheDocument();
    expect(
      screen.getByText("割り当てを変えました。もう一度「確認（試行）」を押してください。"),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("import-all-or-nothing")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("import-dry-run"));
    await user.click(await screen.findByTestId("import-all-or-nothing"));
    await screen.findByTestId("import-result");
    expect(callsOf(calls, "run_import")[2]).toEqual({
      input: expect.objectContaining({ mode: "all_or_nothing" }),
      onProgress: A_CHANNEL,
    });
  });

  it("shows how far a long dry run has read, and stops it on 中止 with nothing written", async () => {
    let finish: (value: ImportReport) => void = () => {};
    let channel: unknown = null;
    const calls = fakeShell(status("unlocked"), {
      search_providers: searchProvidersOver([]),
      list_municipalities: () => MUNICIPALITIES,
      choose_import_file: () => PREVIEW,
      run_import: (args) => {
        channel = args.onProgress;
        return new Promise<ImportReport>((resolve) => {
          finish = resolve;
        });
      },
      cancel_import: () => {
        finish(report({ cancelled: true, new: 0 }));
        return null;
      },
    });
    const { user } = await chooseFile();
    await user.click(screen.getByTestId("import-dry-run"));
    await screen.findByTestId("import-running");
    expect(screen.getByTestId("import-progress-label")).toHaveTextContent("処理しています…");

    // The core reports 40 of 160 bytes read, as the shell's channel would deliver it.
    await waitFor(() => expect(channel).not.toBeNull());
    act(() => {
      sendOnChannel(channel, 0, { done: 40, total: 160 });
    });
    expect(await screen.findByTestId("import-progress-label")).toHaveTextContent(
      "読み込んでいます… 25%",
    );
    expect(screen.getByTestId("import-progress")).toBeInTheDocument();

    await user.click(screen.getByTestId("import-cancel"));

    expect(await screen.findByTestId("import-cancelled")).toHaveTextContent(
      "中止しました。何も書き込んでいません。",
    );
    expect(callsOf(calls, "cancel_import")).toHaveLength(1);
    expect(screen.queryByTestId("import-running")).not.toBeInTheDocument();
    expect(screen.queryByTestId("import-count-new")).not.toBeInTheDocument();
    expect(screen.queryByTestId("import-good-rows")).not.toBeInTheDocument();
    expect(screen.getByTestId("import-dry-run")).toBeEnabled();
  });

  it("counts rows when the file's length is not known ahead (XLSX)", async () => {
    let channel: unknown = null;
    fakeShell(status("unlocked"), {
      search_providers: searchProvidersOver([]),
      list_municipalities: () => MUNICIPALITIES,
      choose_import_file: () => ({ ...PREVIEW, format: "xlsx" }),
      run_import: (args) => {
        channel = args.onProgress;
        return new Promise<ImportReport>(() => {});
      },
    });
    const { user } = await chooseFile();
    await user.click(screen.getByTestId("import-dry-run"));
    await waitFor(() => expect(channel).not.toBeNull());
    act(() => {
      sendOnChannel(channel, 0, { done: 12800, total: null });
    });
    expect(await screen.findByTestId("import-progress-label")).toHaveTextContent(
      "読み込んでいます… 12,800行",
    );
    expect(screen.queryByTestId("import-progress")).not.toBeInTheDocument();
  });

  it("shows the core's refusal of the file as an alert, and stays on the empty state", async () => {
    importShell(() => {
      throw apiError("validation", "ファイルが空です", "file");
    });
    const { user } = renderApp("/providers/import");
    await user.click(await screen.findByTestId("import-choose"));

    expect(await screen.findByTestId("import-error")).toHaveTextContent("ファイルが空です");
    expect(screen.getByTestId("import-empty")).toBeInTheDocument();
  });

  it("stays as it was when the dialog is cancelled", async () => {
    importShell(() => null);
    const { user } = renderApp("/providers/import");
    await user.click(await screen.findByTestId("import-choose"));

    await waitFor(() =>
      expect(screen.getByTestId("import-choose")).not.toHaveAttribute("data-loading"),
    );
    expect(screen.getByTestId("import-empty")).toBeInTheDocument();
    expect(screen.queryByTestId("import-error")).not.toBeInTheDocument();
  });

  it("labels the fields in English", async () => {
    importShell();
    const { user } = await chooseFile();
    await user.click(screen.getByText("English"));

    await waitFor(() =>
      expect(screen.getByTestId("import-format")).toHaveTextContent("CSV (Shift_JIS)"),
    );
    expect(
      within(screen.getByTestId("import-map-3"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Do not import", "Kind", "Name", "Phone", "Notes"]);
  });
});
