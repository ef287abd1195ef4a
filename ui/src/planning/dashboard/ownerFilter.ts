import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";

const STORAGE_KEY = "kakehashi.planning.owner";

function storedOwner(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}

function rememberOwner(owner: string): void {
  try {
    if (owner.trim() === "") window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, owner);
  } catch {
    // Storage can be unavailable; the name then lasts as long as the screen.
  }
}

/**
 * The 「自分のタスク」 name: what is typed (remembered on this computer, since there are no user
 * accounts yet), and the owner to ask the core for once typing pauses (null: everyone's).
 */
export function useOwnerFilter() {
  const [typed, setTyped] = useState(storedOwner);
  const [settled] = useDebouncedValue(typed.trim(), 300);
  const set = (value: string) => {
    setTyped(value);
    rememberOwner(value);
  };
  return { typed, set, owner: settled === "" ? null : settled };
}
