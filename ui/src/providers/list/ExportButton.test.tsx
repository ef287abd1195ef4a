import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ExportDone, ExportOptions } from "../../api";
import { MUNICIPALITIES } from "../../test/cases";
import { searchProvidersOver } from "../../test/providers";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";

function exportShell(answer: (input: ExportOptions) => ExportDone | null) {
  return fakeShell(status("unlocked"), {
    search_providers: searchProvidersOver([]),
    list_municipalities: () => MUNICIPALITIES,
    export_directory: (args) => answer((args as { input: ExportOptions }).input),
  });
}

const done = (input: ExportOptions, file: string): ExportDone => ({
  file_name: file,
  summary: {
    format: input.format,
    public: input.public,
    providers: 142,
    left_out: input.format === "kml" ? 3 : 0,
    not_public: input.public ? 59 : 0,
  },
});

async function openDialog() {
  const page = renderApp("/providers");
  await page.user.click(await screen.findByTestId("export-open"));
  return { ...page, dialog: await screen.findByRole("dialog") };
}

describe("export the directory", () => {
  it("offers the public formats first and saves a public KML, saying what was left out", async () => {
    const calls = exportShell((input) => done(input, "事業所一覧_公開用_2026-11-24.kml"));
    const { user, dialog } = await openDialog();

    expect(within(dialog).getByLabelText(/^公開用/)).toBeChecked();
    const formats = within(dialog)
      .getAllByRole("radio")
      .filter(
        (r) =>
          r.getAttribute("name") ===
          within(dialog).getByTestId("export-format-csv").getAttribute("name"),
      )
      .map((r) => r.getAttribute("value"));
    expect(formats).toEqual(["csv", "html", "kml", "geojson"]);

    await user.click(within(dialog).getByLabelText(/^地図（KML）/));
    expect(within(dialog).queryByText("文字コード")).not.toBeInTheDocument();
    await user.click(within(dialog).getByTestId("export-save"));

    const result = await within(dialog).findByTestId("export-done");
    expect(callsOf(calls, "export_directory")).toEqual([
      { input: { public: true, format: "kml", encoding: "utf8_bom" } },
    ]);
    expect(result).toHaveTextContent(
      "公開用の地図（KML）を「事業所一覧_公開用_2026-11-24.kml」に保存しました（142件）。",
    );
    expect(within(result).getByTestId("export-not-public")).toHaveTextContent("59件");
    expect(within(result).getByTestId("export-left-out")).toHaveTextContent(
      "座標がないか住所が非公開の3件は地図に含めていません。",
    );
  });

  it("switching to internal offers CSV and Excel only, and sends Shift_JIS when chosen", async () => {
    const calls = exportShell((input) => done(input, "事業所一覧_内部用_2026-11-24.csv"));
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByLabelText(/^ウェブページ（HTML）/));

    await user.click(within(dialog).getByLabelText(/^内部用/));
    expect(within(dialog).queryByTestId("export-format-html")).not.toBeInTheDocument();
    expect(within(dialog).getByTestId("export-format-xlsx")).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^CSV/)).toBeChecked();

    await user.click(within(dialog).getByLabelText("Shift_JIS（古いシステム向け）"));
    await user.click(within(dialog).getByTestId("export-save"));

    await within(dialog).findByTestId("export-done");
    expect(callsOf(calls, "export_directory")).toEqual([
      { input: { public: false, format: "csv", encoding: "shift_jis" } },
    ]);
    expect(within(dialog).queryByTestId("export-not-public")).not.toBeInTheDocument();
  });

  it("says nothing when the save dialog is cancelled, and shows the core's refusal", async () => {
    let refuse = false;
    exportShell(() => {
      if (refuse) throw apiError("validation", "書き込めません: 読み取り専用です", "format");
      return null;
    });
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByTestId("export-save"));
    await waitFor(() =>
      expect(within(dialog).getByTestId("export-save")).not.toHaveAttribute("data-loading"),
    );
    expect(within(dialog).queryByTestId("export-done")).not.toBeInTheDocument();
    expect(within(dialog).queryByTestId("export-error")).not.toBeInTheDocument();

    refuse = true;
    await user.click(within(dialog).getByTestId("export-save"));
    expect(await within(dialog).findByTestId("export-error")).toHaveTextContent(
      "書き込めません: 読み取り専用です",
    );
  });
});
