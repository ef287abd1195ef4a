import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Lang } from "../api";
import { applyLang, DEFAULT_LANG, isLang, rememberLang } from "../i18n";
import { STATUS_KEY } from "./status";

/** The current UI language and a way to change it everywhere: screen, storage and core messages. */
export function useLanguage(): { lang: Lang; changeLang: (lang: Lang) => Promise<void> } {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const lang = isLang(i18n.language) ? i18n.language : DEFAULT_LANG;
  const changeLang = async (next: Lang) => {
    rememberLang(next);
    await applyLang(next);
    // Re-reading the status sends the new language to the core (see useAppStatus).
    await client.invalidateQueries({ queryKey: STATUS_KEY });
  };
  return { lang, changeLang };
}
