import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { computeScores, type ScoreRequest } from "../../api";

/** Long enough to take several ticks at once, short enough to feel live. */
const SCORE_DEBOUNCE_MS = 200;

/** The scores of what is ticked now, computed by the core a moment after the last change. */
export function useLiveScores(request: ScoreRequest) {
  const [key] = useDebouncedValue(JSON.stringify(request), SCORE_DEBOUNCE_MS);
  return useQuery({
    queryKey: ["scores", key],
    queryFn: () => computeScores(JSON.parse(key) as ScoreRequest),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
