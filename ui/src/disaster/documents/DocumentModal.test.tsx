import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DocumentRequest } from "../../api";
import { planDetail } from "../../plans/testData";
import { childDetail, fakeScores, MUNICIPALITIES } from "../../test/cases";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";
import { noProfile } from "../testData";

type Handler = (args: Record<string, unknown>) => unknown;

function caseShell(handlers: Record<string, Handler> = {}) {
  return fakeShell(status("unlocked"), {
    get_child: () => childDetail(),
    get_disaster_profile: () => noProfile(),
    list_municipalities: () => MUNICIPALITIES,
    compute_scores: fakeScores,
    ...handlers,
  });
}

const requests = (calls: ReturnType<typeof fakeShell>) =>
  callsOf(calls, "export_document").map((args) => args.request as DocumentRequest);

describe("documents of a case", () => {
  it("makes a case summary for inside the office without asking about consent", async () => {
    const calls = caseShell({
      export_document: () => ({
        path: "/home/coordinator/ケースサマリー_山田 花子_2026-05-01.pdf",
      }),
    });
    const { user } = renderApp("/cases/child-1");

    await user.click(await screen.findByTestId("case-documents"));
    await user.click(await screen.findByTestId("case-document-case_summary"));
    const modal = await screen.findByRole("dialog", { name: "ケースサマリー（PDF）を作成" });
    expect(
      within(modal).getByLabelText("院内・事業所内"),
      "inside the office by default",
    ).toBeChecked();
    await user.click(within(modal).getByTestId("document-create"));

    expect(await screen.findByTestId("saved-file-path")).toHaveTextContent(
      "保存先: /home/coordinator/ケースサマリー_山田 花子_2026-05-01.pdf",
    );
    expect(requests(calls)).toEqual([
      {
        kind: "case_summary",
        child_id: "child-1",
        recipient: null,
        acknowledge_consent_gap: false,
      },
    ]);
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("shows which recipients the family consented to, and on the core's refusal asks before making it anyway", async () => {
    const calls = caseShell({
      export_document: (args) => {
        const request = args.request as DocumentRequest;
        if (!request.acknowledge_consent_gap) {
          throw apiError(
            "validation",
            "本人・家族の同意の範囲に消防が含まれていません",
            "recipient",
          );
        }
        return { path: "/home/coordinator/緊急時情報シート_山田 花子_2026-05-01.pdf" };
      },
    });
    const { user } = renderApp("/cases/child-1");

    await user.click(await screen.findByTestId("case-documents"));
    await user.click(await screen.findByTestId("case-document-emergency_sheet"));
    const modal = await screen.findByTestId("document-modal");
    // childDetail's consent covers the care team and hospitals only.
    const label = (value: string) =>
      within(modal).getByTestId(`document-recipient-${value}`).closest(".mantine-Radio-root");
    expect(label("hospitals")).toHaveTextContent("同意あり");
    expect(label("fire_department")).toHaveTextContent("同意なし");

    await user.click(within(modal).getByLabelText(/消防/));
    await user.click(within(modal).getByTestId("document-create"));

    const gap = await within(modal).findByTestId("document-consent-gap");
    expect(gap).toHaveTextContent("本人・家族の同意の範囲に消防が含まれていません");
    expect(
      within(modal).getByTestId("document-create"),
      "only the confirm button goes on",
    ).toBeDisabled();
    expect(screen.queryByTestId("saved-file")).not.toBeInTheDocument();

    await user.click(within(gap).getByRole("button", { name: "同意の範囲外と確認して作成" }));

    expect(await screen.findByTestId("saved-file-path")).toHaveTextContent(
      "緊急時情報シート_山田 花子_2026-05-01.pdf",
    );
    expect(requests(calls)).toEqual([
      {
        kind: "emergency_sheet",
        child_id: "child-1",
        recipient: "fire_department",
        acknowledge_consent_gap: false,
      },
      {
        kind: "emergency_sheet",
        child_id: "child-1",
        recipient: "fire_department",
        acknowledge_consent_gap: true,
      },
    ]);
  });

  it("choosing another recipient after a refusal starts over without the confirmation", async () => {
    const calls = caseShell({
      export_document: (args) => {
        const request = args.request as DocumentRequest;
        if (request.recipient === "schools") {
          throw apiError(
            "validation",
            "本人・家族の同意の範囲に学校が含まれていません",
            "recipient",
          );
        }
        return null; // the save dialog was cancelled
      },
    });
    const { user } = renderApp("/cases/child-1");
    await user.click(await screen.findByTestId("case-documents"));
    await user.click(await screen.findByTestId("case-document-case_summary"));
    const modal = await screen.findByTestId("document-modal");
    await user.click(within(modal).getByLabelText(/学校/));
    await user.click(within(modal).getByTestId("document-create"));
    await within(modal).findByTestId("document-consent-gap");

    await user.click(within(modal).getByLabelText(/医療機関/));
    expect(within(modal).queryByTestId("document-consent-gap")).not.toBeInTheDocument();
    await user.click(within(modal).getByTestId("document-create"));
    await waitFor(() => expect(requests(calls)).toHaveLength(2));
    expect(requests(calls)[1]).toMatchObject({
      recipient: "hospitals",
      acknowledge_consent_gap: false,
    });
    expect(
      screen.getByTestId("document-modal"),
      "a cancelled dialog leaves the modal open",
    ).toBeInTheDocument();
    expect(screen.queryByTestId("saved-file")).not.toBeInTheDocument();
    expect(within(modal).queryByTestId("document-error")).not.toBeInTheDocument();
  });

  it("makes the family's handout of the discharge plan from the plan page", async () => {
    const calls = caseShell({
      plan_for_child: () => planDetail(),
      export_document: () => ({ path: "/home/coordinator/退院支援計画_山田 花子_2026-05-01.pdf" }),
    });
    const { user } = renderApp("/cases/child-1/plan");

    await user.click(await screen.findByTestId("plan-handout"));
    const modal = await screen.findByRole("dialog", {
      name: "退院支援計画（家族向け配布用PDF）を作成",
    });
    await user.click(within(modal).getByLabelText(/支援チーム/));
    await user.click(within(modal).getByTestId("document-create"));

    expect(await screen.findByTestId("saved-file-path")).toHaveTextContent(
      "退院支援計画_山田 花子_2026-05-01.pdf",
    );
    expect(requests(calls)).toEqual([
      {
        kind: "plan_handout",
        child_id: "child-1",
        recipient: "care_team",
        acknowledge_consent_gap: false,
      },
    ]);
  });
});
