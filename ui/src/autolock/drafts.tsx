// The forms open on screen, so that locking (idle or "lock now") can keep the unsaved input of
// the one being filled in, and the input kept at the last lock can go back into its form after
// unlock. Lives above the lock screen (App), so it knows across a lock what to say and restore.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useLocation } from "react-router";

/** What is kept at lock: which form, on which page, holding what. */
export type LockDraft = { formId: string; route: string; values: unknown };
type OpenForm = LockDraft & { dirty: boolean };

/** Why the app locked, for the notice on the lock screen. */
export type LockNotice = { idle: boolean; kept: boolean };

type Drafts = {
  /** Adds an open form; returns its removal. */
  register: (read: () => OpenForm) => () => void;
  /** The JSON to keep at lock: the form with unsaved changes, or null when none has any. */
  current: () => string | null;
  /** The draft handed back after unlock, waiting for its form to mount. */
  pending: LockDraft | null;
  offer: (draft: LockDraft) => void;
  /** Takes the pending draft's values if it belongs to this form on this page. */
  claim: (formId: string, route: string) => unknown | undefined;
  lockNotice: LockNotice | null;
  setLockNotice: (notice: LockNotice | null) => void;
  /** The page whose form was just filled with the kept input (for the notice there). */
  restored: string | null;
  setRestored: (route: string | null) => void;
};

const DraftContext = createContext<Drafts | null>(null);

export function DraftProvider({ children }: { children: ReactNode }) {
  const open = useRef(new Set<() => OpenForm>());
  const pendingRef = useRef<LockDraft | null>(null);
  const [pending, setPending] = useState<LockDraft | null>(null);
  const [lockNotice, setLockNotice] = useState<LockNotice | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const register = useCallback((read: () => OpenForm) => {
    open.current.add(read);
    return () => {
      open.current.delete(read);
    };
  }, []);
  const current = useCallback(() => {
    // The form registered last is the innermost one on screen (a modal's over its page's).
    const dirty = [...open.current]
      .map((read) => read())
      .filter((form) => form.dirty)
      .pop();
    if (!dirty) return null;
    const { formId, route, values } = dirty;
    return JSON.stringify({ formId, route, values } satisfies LockDraft);
  }, []);
  const offer = useCallback((draft: LockDraft) => {
    pendingRef.current = draft;
    setPending(draft);
  }, []);
  const claim = useCallback((formId: string, route: string) => {
    const draft = pendingRef.current;
    if (!draft || draft.formId !== formId || draft.route !== route) return undefined;
    pendingRef.current = null;
    setPending(null);
    return draft.values;
  }, []);

  const value = useMemo(
    () => ({
      register,
      current,
      pending,
      offer,
      claim,
      lockNotice,
      setLockNotice,
      restored,
      setRestored,
    }),
    [register, current, pending, offer, claim, lockNotice, restored],
  );
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}

/** The open forms; outside a DraftProvider (a page rendered alone in a test) nothing is kept. */
export function useDrafts(): Drafts | null {
  return useContext(DraftContext);
}

/** Parses what `take_draft` gave back; null when it is not a draft of this app's shape. */
export function parseDraft(json: string): LockDraft | null {
  try {
    const draft = JSON.parse(json) as Partial<LockDraft>;
    if (typeof draft.formId !== "string" || typeof draft.route !== "string") return null;
    if (typeof draft.values !== "object" || draft.values === null) return null;
    return { formId: draft.formId, route: draft.route, values: draft.values };
  } catch {
    return null;
  }
}

/** What a form must offer to be kept over a lock (a Mantine `useForm` does). */
export type DraftableForm<Values> = {
  getValues: () => Values;
  isDirty: () => boolean;
  setValues: (values: Partial<Values>) => void;
};

/**
 * Makes a form's unsaved input survive a lock: while mounted, locking keeps its values (sealed
 * by the core) if it has changes, and after unlock they go back into it.
 */
export function useLockDraft<Values>(formId: string, form: DraftableForm<Values>): void {
  const drafts = useDrafts();
  const { pathname } = useLocation();
  const formRef = useRef(form);
  formRef.current = form;

  useEffect(
    () =>
      drafts?.register(() => ({
        formId,
        route: pathname,
        values: formRef.current.getValues(),
        dirty: formRef.current.isDirty(),
      })),
    [drafts?.register, formId, pathname],
  );

  const pending = drafts?.pending;
  useEffect(() => {
    if (!pending || !drafts) return;
    const values = drafts.claim(formId, pathname);
    if (values === undefined) return;
    formRef.current.setValues(values as Partial<Values>);
    drafts.setRestored(pathname);
  }, [pending, drafts, formId, pathname]);
}
