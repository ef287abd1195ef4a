import { useTranslation } from "react-i18next";
import type { Answer, Conditions } from "../../api";
import { CARE_GROUPS, CARE_ITEMS } from "../../cases/careItems";
import { ANSWER_SYMBOL, ANSWERS, careAnswer, GENERAL_ANSWERS } from "../answers";
import { AnswerMark } from "./AnswerMark";
import "./conditions.css";

type Row = { key: string; label: string; answer: Answer; now?: Answer };
type Group = { key: string; label: string; rows: Row[] };

type Props = {
  conditions: Conditions;
  /** The current conditions, when this is an older answer: rows that changed since say so. */
  current?: Conditions | null;
  testId?: string;
};

/**
 * The conditions as a matrix: one row per question (children at all, nights, … and the 19 care
 * items grouped as in the intake form), one column each for ○ 可, × 不可 and 未回答, with the
 * answer marked in its column. An item the provider did not answer is 未回答, never ×.
 */
export function ConditionsMatrix({ conditions, current, testId = "conditions-matrix" }: Props) {
  const { t } = useTranslation();
  const differs = (answer: Answer, now: Answer | undefined) =>
    current && now !== answer ? now : undefined;
  const groups: Group[] = [
    {
      key: "general",
      label: t("providerConditions.general"),
      rows: GENERAL_ANSWERS.map((key) => ({
        key,
        label: t(`providerConditions.question.${key}`),
        answer: conditions[key],
        now: differs(conditions[key], current?.[key]),
      })),
    },
    ...CARE_GROUPS.map((group) => ({
      key: group,
      label: t("providerConditions.careGroup", { group: t(`careGroup.${group}`) }),
      rows: CARE_ITEMS.filter((item) => item.group === group).map(({ code }) => {
        const answer = careAnswer(conditions, code);
        return {
          key: code,
          label: t(`careItem.${code}.label`),
          answer,
          now: differs(answer, current ? careAnswer(current, code) : undefined),
        };
      }),
    })),
  ];

  return (
    <table className="conditions-matrix" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t("providerConditions.item")}</th>
          {ANSWERS.map((answer) => (
            <th key={answer} scope="col" className="conditions-matrix__cell">
              {ANSWER_SYMBOL[answer]} {t(`providerAnswer.${answer}`)}
            </th>
          ))}
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.key}>
          <tr className="conditions-matrix__group">
            <th scope="rowgroup" colSpan={4}>
              {group.label}
            </th>
          </tr>
          {group.rows.map((row) => (
            <tr key={row.key} data-testid={`matrix-${row.key}`} data-answer={row.answer}>
              <th scope="row">
                {row.label}
                {row.now && (
                  <span className="conditions-matrix__changed" data-testid="matrix-changed">
                    {t("providerConditions.nowIs", {
                      answer: `${ANSWER_SYMBOL[row.now]} ${t(`providerAnswer.${row.now}`)}`,
                    })}
                  </span>
                )}
              </th>
              {ANSWERS.map((answer) => (
                <td
                  key={answer}
                  className="conditions-matrix__cell"
                  data-answer={row.answer === answer ? answer : undefined}
                >
                  {row.answer === answer && <AnswerMark answer={answer} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
