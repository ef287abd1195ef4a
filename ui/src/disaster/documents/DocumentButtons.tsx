import { Button, Menu } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentKind } from "../../api";
import { useRefused } from "../../app/session";
import { WriteAction } from "../../users/WriteAction";
import { SavedFileNotice } from "../SavedFileNotice";
import { DocumentModal } from "./DocumentModal";

/** The case page's 「書類を作成」 menu: ケースサマリー and 緊急時情報シート (both PDF). */
export function CaseDocumentsMenu({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  if (useRefused("write")) {
    // The menu's target cannot be wrapped (the menu hands it its handlers): show the button
    // disabled, saying why, instead of the menu.
    return (
      <WriteAction>
        <Button variant="default" data-testid="case-documents">
          {t("disaster.document.menu")} ▾
        </Button>
      </WriteAction>
    );
  }
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" data-testid="case-documents">
            {t("disaster.document.menu")} ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(["case_summary", "emergency_sheet"] as const).map((value) => (
            <Menu.Item
              key={value}
              onClick={() => {
                setSavedPath(null);
                setKind(value);
              }}
              data-testid={`case-document-${value}`}
            >
              {t(`disaster.document.${value}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <DocumentModal
        kind={kind}
        childId={childId}
        onClose={() => setKind(null)}
        onSaved={(path) => {
          setKind(null);
          setSavedPath(path);
        }}
      />
      <SavedFileNotice path={savedPath} onClose={() => setSavedPath(null)} />
    </>
  );
}

/** The plan page's 「退院支援計画（家族向け配布用PDF）」. */
export function PlanHandoutButton({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  return (
    <>
      <WriteAction>
        <Button
          variant="default"
          onClick={() => {
            setSavedPath(null);
            setOpen(true);
          }}
          data-testid="plan-handout"
        >
          {t("disaster.document.planButton")}
        </Button>
      </WriteAction>
      <DocumentModal
        kind={open ? "plan_handout" : null}
        childId={childId}
        onClose={() => setOpen(false)}
        onSaved={(path) => {
          setOpen(false);
          setSavedPath(path);
        }}
      />
      <SavedFileNotice path={savedPath} onClose={() => setSavedPath(null)} />
    </>
  );
}
