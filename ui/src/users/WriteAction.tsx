import { Tooltip } from "@mantine/core";
import { cloneElement, type ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../api";
import { useRefused } from "../app/session";

type ButtonLike = ReactElement<{ disabled?: boolean; component?: unknown; to?: unknown }>;

/**
 * Wraps a button that changes records. For someone whose role only reads, the button stays
 * where they look for it but is disabled, with a tooltip saying why (a disabled button gets no
 * pointer events, so the tooltip sits on a focusable wrapper). A link-button becomes a plain
 * button, so it cannot navigate either. The core refuses the change anyway; this only spares
 * the attempt.
 */
export function WriteAction({
  children,
  need = "write",
}: {
  children: ButtonLike;
  /** What the button needs: a change ("write", the default) or an administrator ("admin"). */
  need?: Exclude<Permission, "read">;
}) {
  const { t } = useTranslation();
  // Only a known role that lacks the permission disables: the core decides in every case, so no
  // session yet (a status being read again) is no reason to take the button away.
  if (!useRefused(need)) return children;
  return (
    <Tooltip
      label={need === "admin" ? t("users.adminOnly") : t("users.readOnly")}
      withArrow
      // Below: above it would cover the header (lock button, who is signed in).
      position="bottom"
      events={{ hover: true, focus: true, touch: true }}
    >
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the tooltip must be reachable by keyboard while the button is disabled */}
      <span tabIndex={0} data-read-only style={{ display: "inline-block" }}>
        {cloneElement(children, {
          disabled: true,
          component: "button",
          to: undefined,
          "aria-describedby": undefined,
        } as Record<string, unknown>)}
      </span>
    </Tooltip>
  );
}
