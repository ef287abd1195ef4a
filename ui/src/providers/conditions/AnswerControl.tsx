import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Answer } from "../../api";
import { ANSWER_SYMBOL, ANSWERS } from "../answers";
import "./conditions.css";

type Props = {
  /** The group's accessible name is read from this element (the row's label). */
  labelledBy: string;
  value: Answer;
  onChange: (answer: Answer) => void;
  /** Root `testId`, options `testId-yes|no|unknown`. */
  testId: string;
  invalid?: boolean;
  describedBy?: string;
};

/**
 * ○ 可 / × 不可 / － 未回答 as one row of three radio buttons: Tab reaches the chosen one, ←→
 * change it, and the chosen option is filled with its colour. Real radio inputs, so it also works
 * with a screen reader and in end-to-end tests.
 */
export function AnswerControl({
  labelledBy,
  value,
  onChange,
  testId,
  invalid,
  describedBy,
}: Props) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <div
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      className="answer-control"
      data-invalid={invalid || undefined}
      data-testid={testId}
    >
      {ANSWERS.map((answer) => (
        <label
          key={answer}
          className="answer-control__option"
          data-answer={answer}
          data-checked={value === answer || undefined}
        >
          <input
            type="radio"
            name={name}
            value={answer}
            checked={value === answer}
            onChange={() => onChange(answer)}
            data-testid={`${testId}-${answer}`}
          />
          <span className="answer-control__symbol" aria-hidden="true">
            {ANSWER_SYMBOL[answer]}
          </span>
          <span>{t(`providerAnswer.${answer}`)}</span>
        </label>
      ))}
    </div>
  );
}
