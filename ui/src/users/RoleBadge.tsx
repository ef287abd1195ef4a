import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { UserRole } from "../api";

const ROLE_COLORS: Record<UserRole, string> = {
  admin: "grape",
  coordinator: "teal",
  viewer: "gray",
};

/** A user's role as a badge, the same in the header and in the users panel. */
export function RoleBadge({ role, testId }: { role: UserRole; testId: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" data-testid={testId}>
      {t(`session.role.${role}`)}
    </Badge>
  );
}
