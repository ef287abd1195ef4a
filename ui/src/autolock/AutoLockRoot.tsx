import { Alert, Container } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useAppStatus } from "../app/status";
import { DraftProvider, useDrafts } from "./drafts";

/**
 * Above the lock screen and the app (App.tsx): the open forms' registry, which outlives a lock,
 * and the notice that says why the app locked and that the input is kept.
 */
export function AutoLockRoot({ children }: { children: ReactNode }) {
  return (
    <DraftProvider>
      <LockedNotice />
      {children}
    </DraftProvider>
  );
}

/** Shown above the lock screen after the app locked itself or kept a form's input. */
function LockedNotice() {
  const drafts = useDrafts();
  const state = useAppStatus().data?.state;
  const notice = drafts?.lockNotice;
  const clear = drafts?.setLockNotice;
  // Said once: gone after the next unlock.
  useEffect(() => {
    if (state === "unlocked") clear?.(null);
  }, [state, clear]);
  if (state !== "locked" || !notice || !drafts) return null;
  return (
    <Container size={480} pt="xl" pb={0}>
      <LockNoticeAlert idle={notice.idle} kept={notice.kept} onClose={() => clear?.(null)} />
    </Container>
  );
}

/** Why the app is locked: idle (and/or) the open form's input kept, sealed, for after unlock. */
export function LockNoticeAlert({
  idle,
  kept,
  onClose,
}: {
  idle: boolean;
  kept: boolean;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  // Idle: the reason is the title, the kept input the body; "lock now": only the kept input.
  const title = idle ? t("autoLock.lockedIdle") : undefined;
  const body = kept ? (idle ? t("autoLock.keptBody") : t("autoLock.lockedKept")) : null;
  return (
    <Alert
      color="blue"
      role="status"
      title={title}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      closeButtonLabel={t("autoLock.close")}
      data-testid="auto-lock-notice"
    >
      {body}
    </Alert>
  );
}
