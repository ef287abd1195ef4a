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

/**
 * Waits until the element's visible text contains `text`, and returns that text. When WebDriver's
 * getText does not have it, the rendered innerText is read too: WebKitWebDriver's getText returns ""
 * for text inside an `overflow: hidden; text-overflow: ellipsis` box (a Mantine Badge's label, the
 * cells of the case list).
 */
export async function waitForText(el, text, timeout) {
  let last = '';
  await browser.waitUntil(
    async () => {
      try {
        last = await el.getText();
        if (!last.includes(text)) last = await browser.execute((node) => node.innerText, await el);
      } catch (err) {
        // React may have replaced the node between two polls: look again on the next one.
        last = `(${err.message})`;
        return false;
      }
      return last.includes(text);
    },
    { timeout },
  ).catch(() => {
    // Built here, not passed as timeoutMsg: that string would be made before the first poll.
    throw new Error(`expected text containing 「${text}」 but saw 「${last}」`);
  });
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

/** The rendered text (innerText) of the element with this data-testid, or null when there is none. */
export const renderedText = (id) =>
  browser.execute((testId) => document.querySelector(`[data-testid="${testId}"]`)?.innerText ?? null, id);

/**
 * Waits until the element with this data-testid shows exactly `text` (trimmed), and returns it.
 * It reads innerText rather than WebDriver's getText (see waitForText).
 */
export async function waitForExactText(id, text, timeout) {
  let last = null;
  await browser.waitUntil(
    async () => {
      last = await renderedText(id);
      return last?.trim() === text;
    },
    { timeout },
  ).catch(() => {
    throw new Error(`expected "${id}" to show exactly 「${text}」 but it showed 「${last ?? '(no such element)'}」`);
  });
  return last.trim();
}

/**
 * Clicks like a person who first scrolls the thing to the middle of the window, so a sticky
 * header or save bar never lies over it.
 */
export async function clickCentered(el) {
  await scrollToCenter(el);
  await el.click();
}

/**
 * Scrolls the element to the middle of the window with the DOM's scrollIntoView. WebdriverIO's own
 * scrollIntoView left the page unscrolled under WebKitWebDriver (the next click was intercepted).
 */
export async function scrollToCenter(el) {
  const element = await el;
  await browser.execute((node) => node.scrollIntoView({ block: 'center' }), element);
}

/**
 * First run: registers the administrator (name, user name, a new passphrase twice), then on the
 * recovery-key page ticks 「回復キーを保管しました」 and starts; waits for the app's shell. Answers
 * the recovery key as shown (groups joined by dashes).
 */
export async function setUpPassphrase(passphrase, { name = '山田 花子', login = 'yamada' } = {}) {
  const first = await shown('setup-display-name', 60_000);
  await first.setValue(name);
  await byTestId('setup-login').setValue(login);
  await byTestId('setup-passphrase').setValue(passphrase);
  await waitForText(byTestId('strength-meter'), 'このパスフレーズは使えます');
  await byTestId('setup-confirmation').setValue(passphrase);
  const submit = byTestId('setup-submit');
  await submit.waitForEnabled({ timeoutMsg: 'submit stays disabled with two equal strong passphrases' });
  await submit.click();
  const key = await readRecoveryKey();
  await byTestId('recovery-kept').click();
  await byTestId('recovery-done').click();
  await shown('nav-cases', 60_000);
  return key;
}

/** Waits for the recovery-key page and reads the key off the screen, as a person copies it. */
export async function readRecoveryKey() {
  await shown('recovery-key', 60_000);
  const groups = await browser.execute(() =>
    Array.from(document.querySelector('[data-testid="recovery-key"]').children, (group) => group.innerText.trim()),
  );
  return groups.join('-');
}

/**
 * Unlocks a registry set up before the app started: types the passphrase, presses ロックを解除 and
 * waits for the app's navigation. (With one user the lock screen's user field comes already chosen.)
 */
export async function unlockWith(passphrase) {
  const field = await shown('unlock-passphrase', 60_000);
  await field.setValue(passphrase);
  await byTestId('unlock-submit').click();
  await shown('nav-cases', 60_000);
}
