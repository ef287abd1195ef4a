import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isLang } from "../i18n";
import { useLanguage } from "./language";

/** Each language is named in itself, so someone who cannot read the current one still finds theirs. */
export function LanguageSwitch({ testId = "language-switch" }: { testId?: string }) {
  const { t } = useTranslation();
  const { lang, changeLang } = useLanguage();
  return (
    <SegmentedControl
      data-testid={testId}
      aria-label={t("language.label")}
      size="xs"
      value={lang}
      onChange={(value) => {
        if (isLang(value)) void changeLang(value);
      }}
      data={[
        { value: "ja", label: "日本語" },
        { value: "en", label: "English" },
      ]}
    />
  );
}
