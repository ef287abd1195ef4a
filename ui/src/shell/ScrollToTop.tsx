import { useEffect } from "react";
import { useLocation } from "react-router";

/**
 * A new page opens at its top: without this, the window keeps the previous page's scroll
 * position (after saving a long form, the case page opened in its change history).
 */
export function ScrollToTop() {
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs because the page changed
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}
