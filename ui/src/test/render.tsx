import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../app/App";

/** Renders the whole app, as the desktop window would, starting at `path`. */
export function renderApp(path = "/") {
  window.location.hash = `#${path}`;
  const user = userEvent.setup();
  return { user, ...render(<App />) };
}
