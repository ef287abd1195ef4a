import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../api/bindings";
import auditEn from "./audit.en.json";
import auditJa from "./audit.ja.json";
import autolockEn from "./autolock.en.json";
import autolockJa from "./autolock.ja.json";
import backupEn from "./backup.en.json";
import backupJa from "./backup.ja.json";
import campaignsEn from "./campaigns.en.json";
import campaignsJa from "./campaigns.ja.json";
import casesEn from "./cases.en.json";
import casesJa from "./cases.ja.json";
import consultationsEn from "./consultations.en.json";
import consultationsJa from "./consultations.ja.json";
import disasterEn from "./disaster.en.json";
import disasterJa from "./disaster.ja.json";
import en from "./en.json";
import equipmentEn from "./equipment.en.json";
import equipmentJa from "./equipment.ja.json";
import ja from "./ja.json";
import planningEn from "./planning.en.json";
import planningJa from "./planning.ja.json";
import plansEn from "./plans.en.json";
import plansJa from "./plans.ja.json";
import providersEn from "./providers.en.json";
import providersJa from "./providers.ja.json";
import respiteEn from "./respite.en.json";
import respiteJa from "./respite.ja.json";
import usersEn from "./users.en.json";
import usersJa from "./users.ja.json";

// The case registry's, the resource directory's, the survey campaigns', the planning dashboard's
// and the discharge plan page's strings live in their own files to keep each one readable.
const jaStrings = {
  ...ja,
  ...casesJa,
  ...providersJa,
  ...campaignsJa,
  ...planningJa,
  ...plansJa,
  ...respiteJa,
  ...equipmentJa,
  ...consultationsJa,
  ...backupJa,
  ...disasterJa,
  ...auditJa,
  ...autolockJa,
  ...usersJa,
};
const enStrings = {
  ...en,
  ...casesEn,
  ...providersEn,
  ...campaignsEn,
  ...planningEn,
  ...plansEn,
  ...respiteEn,
  ...equipmentEn,
  ...consultationsEn,
  ...backupEn,
  ...disasterEn,
  ...auditEn,
  ...autolockEn,
  ...usersEn,
};

export const LANGS: readonly Lang[] = ["ja", "en"];
export const DEFAULT_LANG: Lang = "ja";
const STORAGE_KEY = "kakehashi.lang";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof jaStrings };
  }
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The language chosen last time on this computer, Japanese until someone picks another. */
export function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be unavailable (private mode, quota); the choice then lasts this session only.
  }
}

/** The language the UI shows now; the core is told the same one (see app/status.ts). */
export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : DEFAULT_LANG;
}

/** Switches the UI strings and the document language together, so screen readers follow. */
export async function applyLang(lang: Lang): Promise<void> {
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: jaStrings }, en: { translation: enStrings } },
  lng: DEFAULT_LANG,
  fallbackLng: DEFAULT_LANG,
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** At start, show the language chosen last time on this computer. */
export function restoreLang(): void {
  void applyLang(storedLang());
}

export { i18n };
