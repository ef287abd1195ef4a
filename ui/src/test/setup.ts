import "@testing-library/jest-dom/vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { applyLang } from "../i18n";

// findBy…/waitFor wait 1 s by default; on a loaded 2-core machine a re-render after a long typing
// sequence can take longer than that, which is slowness, not a failure.
configure({ asyncUtilTimeout: 5_000 });

// jsdom lacks the layout APIs Mantine uses for media queries and indicators.
Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = () => {};

// jsdom lays nothing out, so every box is 0×0 and a virtual list would show no row. Give elements
// a window-sized box, as the desktop window would.
Object.defineProperty(window.HTMLElement.prototype, "clientHeight", {
  configurable: true,
  get: () => 768,
});
Object.defineProperty(window.HTMLElement.prototype, "clientWidth", {
  configurable: true,
  get: () => 1280,
});

afterEach(async () => {
  cleanup();
  clearMocks();
  window.localStorage.clear();
  window.location.hash = "";
  await applyLang("ja");
});
