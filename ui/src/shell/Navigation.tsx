import { Badge, NavLink } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { AREAS, areaPath } from "./areas";

/**
 * One link per area, placed inside AppShell.Navbar (a <nav>). Links are real anchors, so Tab and
 * Enter work without a mouse.
 */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      {AREAS.map(({ key, ready }) => {
        const path = areaPath(key);
        const active = pathname === path || pathname.startsWith(`${path}/`);
        return (
          <NavLink
            key={key}
            component={Link}
            to={path}
            label={t(`areas.${key}.label`)}
            active={active}
            aria-current={active ? "page" : undefined}
            onClick={onNavigate}
            data-testid={`nav-${key}`}
            rightSection={
              ready ? null : (
                <Badge size="xs" variant="light" color="gray">
                  {t("comingSoon.badge")}
                </Badge>
              )
            }
          />
        );
      })}
    </>
  );
}
