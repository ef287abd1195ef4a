import { useTranslation } from "react-i18next";
import type { CampaignSummary, ChaseRow } from "../../api";
import { todayIso } from "../../cases/dates";

/**
 * The chase list on paper, shown only when printing: who still has to answer and how to reach
 * them (phone, FAX, contact person), with an empty column to tick off while calling.
 */
export function ChaseListPrint({
  campaign,
  rows,
}: {
  campaign: CampaignSummary;
  rows: ChaseRow[];
}) {
  const { t } = useTranslation();
  return (
    <section className="kh-print-only chase-print" data-testid="chase-print">
      <h1>{t("surveyPage.printTitle", { title: campaign.title })}</h1>
      <p>
        {t("surveyPage.printMeta", {
          sent: campaign.sent_on,
          due: campaign.due_on ?? "—",
          today: todayIso(),
          count: rows.length,
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t("surveyPage.printColumn.check")}</th>
            <th>{t("surveyPage.printColumn.name")}</th>
            <th>{t("surveyPage.printColumn.kind")}</th>
            <th>{t("surveyPage.printColumn.municipality")}</th>
            <th>{t("surveyPage.printColumn.phone")}</th>
            <th>{t("surveyPage.printColumn.fax")}</th>
            <th>{t("surveyPage.printColumn.contact")}</th>
            <th>{t("surveyPage.printColumn.state")}</th>
            <th>{t("surveyPage.printColumn.date")}</th>
            <th>{t("surveyPage.printColumn.note")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.target_id} data-testid="chase-print-row">
              <td className="chase-print__check" />
              <td>
                {row.name}
                <br />
                <small>{row.kana}</small>
              </td>
              <td>{t(`providerKind.${row.kind}.short`)}</td>
              <td>{row.municipality_name}</td>
              <td className="chase-print__nowrap">{row.phone}</td>
              <td className="chase-print__nowrap">{row.fax}</td>
              <td>{row.contact_person}</td>
              <td className="chase-print__nowrap">{t(`surveyState.${row.state}`)}</td>
              <td className="chase-print__nowrap">{row.state_on}</td>
              <td>{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
