import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Answer } from "../../api";
import { ANSWER_COLOR, ANSWER_SYMBOL } from "../answers";
import "./conditions.css";

type Props = {
  answer: Answer;
  /** The word beside the symbol: 可 / 不可 / 未回答 by default. */
  word?: string;
  size?: "sm" | "md";
  testId?: string;
};

/** ○ 可 / × 不可 / － 未回答: symbol, word and colour together, readable on paper in grey. */
export function AnswerMark({ answer, word, size = "sm", testId }: Props) {
  const { t } = useTranslation();
  return (
    <Text
      span
      size={size}
      className="answer-mark"
      data-answer={answer}
      c={answer === "unknown" ? "gray.7" : `${ANSWER_COLOR[answer]}.8`}
      data-testid={testId}
    >
      <span className="answer-mark__symbol" aria-hidden="true">
        {ANSWER_SYMBOL[answer]}
      </span>
      <span>{word ?? t(`providerAnswer.${answer}`)}</span>
    </Text>
  );
}
