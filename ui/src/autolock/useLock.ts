import { useMutation } from "@tanstack/react-query";
import { lockKeepingDraft } from "../api";
import { useApplyStatus } from "../app/status";
import { useDrafts } from "./drafts";

/**
 * Locks the app, keeping the open form's unsaved input (sealed by the core) to give back after
 * unlock. `mutate()` is the "lock now" button; `mutate("idle")` the auto-lock, which the lock
 * screen then explains.
 */
export function useLockKeepingDraft() {
  const drafts = useDrafts();
  const applyStatus = useApplyStatus();
  return useMutation({
    mutationFn: async (_reason?: "idle") => {
      const draft = drafts?.current() ?? null;
      const status = await lockKeepingDraft(draft);
      return { status, kept: draft !== null };
    },
    onSuccess: ({ status, kept }, reason) => {
      const idle = reason === "idle";
      drafts?.setLockNotice(idle || kept ? { idle, kept } : null);
      drafts?.setRestored(null);
      applyStatus(status);
    },
  });
}
