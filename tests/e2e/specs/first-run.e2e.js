// Journey: first run → register the administrator (name, user name, passphrase) → the recovery
// key, shown once, is kept → municipality list and search by reading → quit → start again → a
// wrong passphrase is refused with a clear message → the right one unlocks → the passphrase is
// "forgotten": a wrong recovery key is refused at its field, the right one (typed loosely) sets a
// new passphrase → after a restart the old passphrase is refused and the new one opens.
import assert from 'node:assert/strict';
import { byTestId, readRecoveryKey, screenshotWhenShowing, shown, waitForText } from '../helpers.js';

const PASSPHRASE = 'correct-horse-battery-staple-42';
const WRONG_PASSPHRASE = 'correct-horse-battery-staple-43';
const NEW_PASSPHRASE = 'lantern-quartz-meadow-heron-91';
const WRONG_RECOVERY_KEY = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH';
// Read off the recovery-key page during the journey, as the administrator would print it.
let recoveryKey = '';

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
  it('asks for the administrator and a new passphrase on first run, in Japanese', async () => {
    const field = await shown('setup-display-name', 60_000);
    assert.ok(await field.isFocused(), 'the first field (the name) has the focus, ready to type');
    await waitForText($('body'), 'はじめに：管理者の登録');
    await waitForText($('body'), 'ユーザー名（ログインID）');
    const meter = await shown('strength-meter');
    await waitForText(meter, 'パスフレーズを入力すると強さを表示します');
    assert.equal(await byTestId('setup-submit').isEnabled(), false, 'nothing to submit yet');
  });

  it('shows the strength of the passphrase as it is typed, and accepts a strong one twice', async () => {
    await byTestId('setup-display-name').setValue('山田 花子');
    await byTestId('setup-login').setValue('yamada');
    await byTestId('setup-passphrase').setValue(PASSPHRASE);
    const meter = byTestId('strength-meter');
    await waitForText(meter, 'このパスフレーズは使えます');
    assert.ok(Number(await meter.getAttribute('data-score')) >= 3, 'a strong passphrase scores 3 or 4');

    await byTestId('setup-confirmation').setValue(PASSPHRASE);
    const submit = byTestId('setup-submit');
    await submit.waitForEnabled({ timeoutMsg: 'submit stays disabled with two equal strong passphrases' });
    await screenshotWhenShowing('first-run-setup', byTestId('strength-meter'), 'このパスフレーズは使えます');
    await submit.click();
  });

  it('shows the recovery key once, and opens the app only once it is kept', async () => {
    recoveryKey = await readRecoveryKey();
    assert.match(recoveryKey, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/, `eight groups of four: ${recoveryKey}`);
    await waitForText($('body'), 'この画面を閉じると二度と表示されません');
    const sheet = byTestId('recovery-sheet');
    await waitForText(sheet, '作成日');
    await screenshotWhenShowing('first-run-recovery-key', sheet, 'データフォルダ');

    const start = byTestId('recovery-done');
    assert.equal(await start.isEnabled(), false, 'starting needs the key kept first');
    await byTestId('recovery-kept').click();
    await start.waitForEnabled({ timeoutMsg: 'ticking 回復キーを保管しました enables the start' });
    await start.click();

    await shown('nav-municipalities', 60_000);
    assert.equal(await byTestId('recovery-key').isExisting(), false, 'the key is gone for good');
    await waitForText(byTestId('session-user'), '山田 花子');
    await waitForText(byTestId('session-role'), '管理者');
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
    assert.equal(await byTestId('unlock-login').getValue(), 'yamada', 'the only user comes chosen');
    assert.ok(await field.isFocused(), 'the passphrase has the focus, ready to type');
    await screenshotWhenShowing('first-run-unlock', byTestId('unlock-forgot'), 'パスフレーズを忘れた場合');

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

  it('refuses a wrong recovery key at its field when the passphrase is forgotten', async () => {
    await (await shown('lock-button')).click();
    await (await shown('unlock-forgot', 30_000)).click();

    const key = await shown('recover-key');
    await waitForText($('body'), 'パスフレーズの再設定');
    assert.equal(await byTestId('recover-login').getValue(), 'yamada', 'the user comes along');
    assert.ok(await key.isFocused(), 'the recovery key has the focus');
    await key.setValue(WRONG_RECOVERY_KEY);
    await byTestId('recover-passphrase').setValue(NEW_PASSPHRASE);
    await waitForText(byTestId('strength-meter'), 'このパスフレーズは使えます');
    await byTestId('recover-confirmation').setValue(NEW_PASSPHRASE);
    const submit = byTestId('recover-submit');
    await submit.waitForEnabled({ timeoutMsg: 'submit stays disabled with two equal strong passphrases' });
    await submit.click();

    const error = await shown('recover-key-error', 30_000);
    await waitForText(error, '回復キー');
    assert.equal(await key.getValue(), WRONG_RECOVERY_KEY, 'what was typed is kept to correct');
    await screenshotWhenShowing('first-run-recover-wrong-key', error, '回復キー');
    assert.equal(await byTestId('nav-municipalities').isExisting(), false, 'still locked');
  });

  it('sets the new passphrase with the right key, typed with spaces and in lower case', async () => {
    const key = byTestId('recover-key');
    await key.clearValue();
    await key.setValue(recoveryKey.replaceAll('-', ' ').toLowerCase());
    await byTestId('recover-submit').click();

    await shown('nav-municipalities', 60_000);
    await waitForText(byTestId('session-user'), '山田 花子');
  });

  it('after a restart refuses the old passphrase and opens with the new one', async () => {
    await browser.reloadSession();

    const field = await shown('unlock-passphrase', 60_000);
    await field.setValue(PASSPHRASE);
    await byTestId('unlock-submit').click();
    await waitForText(await shown('unlock-error', 30_000), 'パスフレーズ');
    assert.equal(await byTestId('nav-municipalities').isExisting(), false, 'the old passphrase opens nothing');

    await field.clearValue();
    await field.setValue(NEW_PASSPHRASE);
    await byTestId('unlock-submit').click();
    await shown('nav-municipalities', 60_000);
    const table = await searchMunicipalities('かわごえ');
    await expectOnlyRow('川越市');
    await screenshotWhenShowing('first-run-after-recovery', table, '川越市');
  });
});
