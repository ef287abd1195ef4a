import { Affix, Notification, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * Where a file was saved, in the corner of the window until closed (the path is worth reading
 * and copying, so it does not vanish by itself).
 */
export function SavedFileNotice({ path, onClose }: { path: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!path) return null;
  return (
    <Affix position={{ bottom: 20, right: 20 }} zIndex={400}>
      <Notification
        color="teal"
        title={t("disaster.saved.title")}
        onClose={onClose}
        closeButtonProps={{ "aria-label": t("disaster.saved.close") }}
        withBorder
        maw={520}
        role="status"
        data-testid="saved-file"
      >
        <Text size="sm" style={{ wordBreak: "break-all" }} data-testid="saved-file-path">
          {t("disaster.saved.path", { path })}
        </Text>
      </Notification>
    </Affix>
  );
}
