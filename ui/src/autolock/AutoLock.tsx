import { Alert, Button, Group, Notification, Portal, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { AUTO_LOCK_KEY, autoLockSettings, TAKEN_DRAFT_KEY, takeDraft } from "../api";
import { parseDraft, useDrafts } from "./drafts";
import { useLockKeepingDraft } from "./useLock";

/** What counts as someone at the computer. */
const ACTIVITY = ["keydown", "mousedown", "mousemove", "wheel", "touchstart", "scroll"] as const;
/** The office's default, used if the time cannot be read: never "no auto-lock". */
const FALLBACK_IDLE_SECONDS = 15 * 60;
/** The warning shows this long before locking (less when the whole time is short). */
const WARN_SECONDS = 30;
const TICK_MS = 1000;

/**
 * Inside the unlocked app: locks it after the office's idle time without keyboard, mouse or touch
 * (keeping the open form's unsaved input), warns shortly before, and after unlock puts the input
 * kept at the last lock back on its page.
 */
export function AutoLock() {
  const idleSeconds = useIdleSeconds();
  const remaining = useIdleLock(idleSeconds);
  useRestoreDraft();
  return (
    <>
      {remaining !== null && <LockWarning seconds={remaining} />}
      <RestoredNotice />
    </>
  );
}

function useIdleSeconds(): number {
  const settings = useQuery({
    queryKey: AUTO_LOCK_KEY,
    queryFn: autoLockSettings,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return settings.data?.idle_seconds ?? FALLBACK_IDLE_SECONDS;
}

/** Locks after `idleSeconds` without input; answers the seconds left while the warning shows. */
function useIdleLock(idleSeconds: number): number | null {
  const locking = useLockKeepingDraft();
  const lockRef = useRef(locking.mutate);
  lockRef.current = locking.mutate;
  const [remaining, setRemaining] = useState<number | null>(null);

  useEffect(() => {
    let last = Date.now();
    let warned = false;
    let locked = false;
    const warnSeconds = Math.min(WARN_SECONDS, Math.floor(idleSeconds / 4));
    const active = () => {
      last = Date.now();
      if (warned) {
        warned = false;
        setRemaining(null);
      }
    };
    // Elapsed time, not a countdown of ticks: a sleeping computer or a throttled timer still
    // locks as soon as it runs again.
    const tick = () => {
      if (locked) return;
      const left = idleSeconds - Math.floor((Date.now() - last) / 1000);
      if (left <= 0) {
        locked = true;
        lockRef.current("idle");
      } else if (left <= warnSeconds) {
        warned = true;
        setRemaining(left);
      }
    };
    for (const kind of ACTIVITY) {
      window.addEventListener(kind, active, { capture: true, passive: true });
    }
    const timer = window.setInterval(tick, TICK_MS);
    return () => {
      window.clearInterval(timer);
      for (const kind of ACTIVITY) window.removeEventListener(kind, active, { capture: true });
    };
  }, [idleSeconds]);
  return remaining;
}

/** After unlock: takes the input kept at the last lock and opens its page (its form fills it). */
function useRestoreDraft() {
  const drafts = useDrafts();
  const navigate = useNavigate();
  // A query, so it is asked once per unlock (locking forgets it) even if the shell mounts twice.
  const taken = useQuery({
    queryKey: TAKEN_DRAFT_KEY,
    queryFn: takeDraft,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const offerRef = useRef(drafts?.offer);
  offerRef.current = drafts?.offer;
  useEffect(() => {
    const draft = taken.data ? parseDraft(taken.data) : null;
    if (!draft || !offerRef.current) return;
    offerRef.current(draft);
    navigate(draft.route);
  }, [taken.data, navigate]);
}

function LockWarning({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  return (
    <Portal>
      <Notification
        role="alertdialog"
        aria-live="assertive"
        color="orange"
        title={t("autoLock.warningTitle")}
        withCloseButton={false}
        data-testid="auto-lock-warning"
        style={{ position: "fixed", right: 24, bottom: 24, zIndex: 400, width: 360 }}
      >
        <Text size="sm">{t("autoLock.warningBody", { seconds })}</Text>
        <Group justify="flex-end" mt="xs">
          {/* Pressing it is itself input, which resets the idle time. */}
          <Button size="xs" data-testid="auto-lock-continue">
            {t("autoLock.continue")}
          </Button>
        </Group>
      </Notification>
    </Portal>
  );
}

function RestoredNotice() {
  const { t } = useTranslation();
  const drafts = useDrafts();
  const { pathname } = useLocation();
  // Only on the page it speaks of, above its form: saving (or leaving) the form ends it.
  if (!drafts?.restored || drafts.restored !== pathname) return null;
  return (
    <Alert
      role="status"
      color="teal"
      mb="md"
      title={t("autoLock.restoredTitle")}
      withCloseButton
      onClose={() => drafts.setRestored(null)}
      closeButtonLabel={t("autoLock.close")}
      data-testid="draft-restored"
    >
      {t("autoLock.restoredBody")}
    </Alert>
  );
}
