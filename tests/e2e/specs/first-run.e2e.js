// Journey: first run → set a passphrase → municipality list and search by reading → quit →
// start again → a wrong passphrase is refused with a clear message → the right one unlocks.
import assert from 'node:assert/strict';
import { byTestId, screenshotWhenShowing, shown, waitForText } from '../helpers.js';

const PASSPHRASE = 'correct-horse-battery-staple-42';
const WRONG_PASSPHRASE = 'correct-horse-battery-staple-43';

/** Opens the municipality list, types `query` into its search box and returns the table. */
async function searchMunicipalities(query) {
  await (await shown('nav-municipalities')).click();
  const table = await shown('municipality-table');
  await waitForText(byTestId('municipality-count'), '件');
  const search = await shown('municipality-search');
  await search.setValue(query);
  assert.equal(await search.getValue(), query, 'the search box holds exactly what was typed');
  return table;
}

/** The text of each row of the municipality table, read in one go (React may re-render rows). */
const tableRows = () =>
  browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="municipality-table"] tbody tr'), (row) => row.innerText),
  );

/** Waits until the (debounced) search has narrowed the table to exactly the one municipality. */
async function expectOnlyRow(name) {
  let seen = [];
  await browser.waitUntil(
    async () => {
      seen = await tableRows();
      return seen.length === 1 && seen[0].includes(name);
    },
    { timeoutMsg: `expected only ${name} in the table, saw ${seen.length} rows: ${seen.slice(0, 3).join(' / ')}` },
  );
  await waitForText(byTestId('municipality-count'), '1件');
}

describe('first run, then a second start', () => {
  it('asks for a new passphrase on first run, in Japanese', async () => {
    const field = await shown('setup-passphrase', 60_000);
    assert.ok(await field.isFocused(), 'the first field has the focus, ready to type');
    await waitForText($('body'), 'はじめに：パスフレーズの設定');
    const meter = await shown('strength-meter');
    await waitForText(meter, 'パスフレーズを入力すると強さを表示します');
    assert.equal(await byTestId('setup-submit').isEnabled(), false, 'nothing to submit yet');
  });

  it('shows the strength of the passphrase as it is typed, and accepts a strong one twice', async () => {
    await byTestId('setup-passphrase').setValue(PASSPHRASE);
    const meter = byTestId('strength-meter');
    await waitForText(meter, 'このパスフレーズは使えます');
    assert.ok(Number(await meter.getAttribute('data-score')) >= 3, 'a strong passphrase scores 3 or 4');

    await byTestId('setup-confirmation').setValue(PASSPHRASE);
    const submit = byTestId('setup-submit');
    await submit.waitForEnabled({ timeoutMsg: 'submit stays disabled with two equal strong passphrases' });
    await submit.click();

    await shown('nav-municipalities', 60_000);
    assert.equal(await byTestId('setup-passphrase').isExisting(), false, 'the setup page is gone');
  });

  it('lists the municipalities and finds 川越市 by its reading', async () => {
    const table = await searchMunicipalities('かわごえ');
    await expectOnlyRow('川越市');
    await screenshotWhenShowing('first-run-municipalities', table, '川越市');
  });

  it('asks for the passphrase after a restart, and refuses a wrong one clearly', async () => {
    // Ends the app and starts it again, with the same driver and so the same data directory.
    await browser.reloadSession();

    const field = await shown('unlock-passphrase', 60_000);
    await waitForText($('body'), 'ロック中');
    assert.equal(await byTestId('setup-passphrase').isExisting(), false, 'no second setup');

    await field.setValue(WRONG_PASSPHRASE);
    await byTestId('unlock-submit').click();
    const error = await shown('unlock-error', 30_000);
    const message = await waitForText(error, 'パスフレーズ');
    assert.ok(message.trim().length > 0, 'the message says what went wrong');
    await screenshotWhenShowing('first-run-wrong-passphrase', error, 'パスフレーズ');
    assert.equal(await byTestId('nav-municipalities').isExisting(), false, 'still locked');
  });

  it('unlocks with the right passphrase, and the municipality list works again', async () => {
    const field = byTestId('unlock-passphrase');
    await field.clearValue();
    await field.setValue(PASSPHRASE);
    await byTestId('unlock-submit').click();

    await shown('nav-municipalities', 60_000);
    // In katakana this time: the search folds katakana and hiragana.
    const table = await searchMunicipalities('カワゴエ');
    await expectOnlyRow('川越市');
    await screenshotWhenShowing('first-run-unlocked', table, '川越市');
  });
});
