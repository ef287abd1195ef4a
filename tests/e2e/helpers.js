// Small helpers shared by the journeys. Elements are found by their data-testid, never by layout.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const screenshotDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** The element with this data-testid. */
export const byTestId = (id) => $(`[data-testid="${id}"]`);

/** Waits until the element with this data-testid is shown, and returns it. */
export async function shown(id, timeout) {
  const el = byTestId(id);
  await el.waitForDisplayed({ timeout, timeoutMsg: `"${id}" was not shown` });
  return el;
}

/** Waits until the element's visible text contains `text`, and returns that text. */
export async function waitForText(el, text, timeout) {
  let last = '';
  await browser.waitUntil(
    async () => {
      try {
        last = await el.getText();
      } catch (err) {
        // React may have replaced the node between two polls: look again on the next one.
        last = `(${err.message})`;
        return false;
      }
      return last.includes(text);
    },
    { timeout, timeoutMsg: `expected text containing 「${text}」 but saw 「${last}」` },
  );
  return last;
}

/**
 * Saves tests/e2e/screenshots/<name>.png once `el` shows `text`. WebDriver screenshots can lag the
 * page by a frame, so it waits for the text and then for two animation frames before taking it.
 */
export async function screenshotWhenShowing(name, el, text) {
  await waitForText(el, text);
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await browser.saveScreenshot(file);
  return file;
}
