// Journey: unlock → 設定 → 今すぐバックアップ → the verified generation is in the list → ケース: the
// child's name is changed and saved → 設定 → 復元… on that generation → the confirmation names it
// and says the current data is kept → 復元する → 復元しました → ケース shows the name from before
// the backup, and the name typed after it nowhere → the restored registry takes a change again →
// the automatic-backup schedule refuses 0 generations at its field, then saves 12時間ごと / 14.
//
// Seeded with the CLI before the app starts (wdio.conf.js, SEED_BY_SPEC['backup-restore']):
// fixtures/cases/plan-journey-child.json, 川越 湊 (カワゴエ ミナト).
// The app makes a scheduled backup by itself about 10 s after the unlock (none exists yet), so the
// list may hold one more generation than the one made here: the journey follows its own by name.
import assert from 'node:assert/strict';
import {
  byTestId,
  clickCentered,
  renderedText,
  screenshotWhenShowing,
  scrollToCenter,
  shown,
  unlockWith,
  waitForText,
} from '../helpers.js';

// The passphrase wdio.conf.js set the seeded data directory up with.
const PASSPHRASE = 'willow-quartz-harbor-lantern-47';
const CHILD = '川越 湊';
// The name typed after the backup: gone once the backup is restored.
const RENAMED = '川越 湊斗';

/** Opens ケース from the navigation and answers the rows' texts once the list has rows. */
async function caseRows() {
  await (await shown('nav-cases')).click();
  await shown('case-row', 30_000);
  return browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="case-row"]'), (row) => row.innerText),
  );
}

/** Opens the case whose row mentions `name`, and waits for its page. */
async function openCase(name) {
  await (await shown('nav-cases')).click();
  const row = $(`//a[@data-testid="case-row"][contains(., "${name}")]`);
  await row.waitForDisplayed({ timeoutMsg: `the case list does not show ${name}` });
  await row.click();
  await waitForText(await shown('case-title', 30_000), name);
}

/** On the open case: 編集 → replaces the name as a person would (select all, type) → 保存. */
async function renameOpenCase(from, to) {
  await clickCentered(await shown('case-edit'));
  const field = await shown('child-name', 30_000);
  assert.equal(await field.getValue(), from, 'the form starts from the saved name');
  await scrollToCenter(field);
  await field.click();
  await browser.keys(['Control', 'a']);
  await browser.keys(to);
  assert.equal(await field.getValue(), to, 'the field holds exactly what was typed');
  await clickCentered(byTestId('child-save'));
  await waitForText(await shown('case-title', 30_000), to);
}

/** Opens 設定 and waits for the backup panel to have read the backup folder. */
async function openBackups() {
  await (await shown('nav-settings')).click();
  await shown('backup-section', 30_000);
  await shown('backup-last', 30_000);
}

/** Types into the number field with this data-testid after selecting what it holds. */
async function retype(id, text) {
  const field = await shown(id);
  await scrollToCenter(field);
  await field.click();
  await browser.keys(['Control', 'a']);
  await browser.keys(text);
  assert.equal(await field.getValue(), text, `"${id}" holds exactly what was typed`);
}

describe('backup and restore: a change made after the backup is undone by restoring it', () => {
  let made;
  let caseNumber;

  it('unlocks the seeded registry and makes a verified backup from 設定', async () => {
    await unlockWith(PASSPHRASE);
    await openBackups();
    await waitForText(byTestId('backup-dir'), 'backups');
    const now = await shown('backup-now');
    await clickCentered(now);
    const done = await shown('backup-done', 60_000);
    const text = await waitForText(done, 'バックアップしました（検証済み）');
    made = /kakehashi-\d{8}-\d{6}(?:-\d+)?\.kbak/.exec(text)?.[0];
    assert.ok(made, `the message names the new backup file: ${text}`);
    assert.match(text, /（\d+\.\d MB）/, 'and its size');
    // The button is back once it is done (while it runs, progress and 中止 stand in its place).
    await now.waitForDisplayed({ timeoutMsg: '今すぐバックアップ is not offered again after the backup' });
    assert.equal(await byTestId('backup-running').isExisting(), false, 'no progress left on screen');
    await waitForText(byTestId('backup-last'), '最終バックアップ: ');
  });

  it('lists the new generation as verified, with a 復元… button', async () => {
    const list = await shown('backup-list');
    const row = $(`//tr[@data-testid="backup-row"][contains(., "${made}")]`);
    await row.waitForDisplayed({ timeoutMsg: `the list does not show ${made}` });
    await waitForText(row, '検証済み');
    await waitForText(row, 'MB');
    // Its time as the office reads it, the same as in its file name.
    const [, y, mo, d, h, mi] = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})/.exec(made);
    await waitForText(row, `${y}-${mo}-${d} ${h}:${mi}`);
    assert.ok(await byTestId(`backup-restore-${made}`).isDisplayed(), 'the row offers 復元…');
    await scrollToCenter(list);
    await screenshotWhenShowing('backup-list', await shown('backup-section'), made);
  });

  it('renames the child after the backup', async () => {
    await openCase(CHILD);
    caseNumber = (await renderedText('case-number'))?.trim();
    assert.match(caseNumber ?? '', /^KH-\d{4}-\d{4}$/, `the case has its number: ${caseNumber}`);
    await renameOpenCase(CHILD, RENAMED);
    const rows = await caseRows();
    assert.ok(rows.some((r) => r.includes(RENAMED)), `the list shows the new name: ${rows}`);
  });

  it('restores the backup from the list after a confirmation', async () => {
    await openBackups();
    const restore = byTestId(`backup-restore-${made}`);
    await restore.waitForDisplayed({ timeoutMsg: `${made} is no longer offered for restoring` });
    await clickCentered(restore);
    await waitForText(await shown('backup-confirm-text'), `${made} の内容に戻します。`);
    await waitForText(byTestId('backup-confirm-kept'), '現在のデータは復元前の状態として保存されます');
    await screenshotWhenShowing('backup-restore-confirm', $('section[role="dialog"]'), made);

    // 「キャンセル」 first: nothing happens.
    await byTestId('backup-confirm-cancel').click();
    // Gone once its closing fade is over (until then its overlay would take the next click).
    await $('section[role="dialog"]').waitForExist({ reverse: true, timeoutMsg: 'the dialog stays open' });
    assert.equal(await byTestId('backup-restored').isExisting(), false, 'cancelling restores nothing');

    await clickCentered(restore);
    await (await shown('backup-confirm-restore')).click();
    const restored = await shown('backup-restored', 60_000);
    const text = await waitForText(restored, `${made} から復元しました`);
    assert.match(text, /（記録 [\d,]+ 件を確認済み）/, `the message counts the records checked: ${text}`);
    await waitForText(restored, 'kakehashi.db.before-restore として保存されています');
    assert.equal(await byTestId('backup-error').isExisting(), false, 'no error beside it');
    await scrollToCenter(restored);
    await screenshotWhenShowing('backup-restored', await shown('backup-section'), 'から復元しました');
  });

  it('shows the data from before the backup, and not the change made after it', async () => {
    const rows = await caseRows();
    assert.ok(rows.some((r) => r.includes(CHILD)), `the list shows ${CHILD} again: ${rows}`);
    assert.ok(!rows.some((r) => r.includes(RENAMED)), `${RENAMED} is gone: ${rows}`);
    await openCase(CHILD);
    await waitForText(await shown('case-number'), caseNumber);
  });

  it('takes a change again on the restored registry', async () => {
    await renameOpenCase(CHILD, RENAMED);
    const rows = await caseRows();
    assert.ok(rows.some((r) => r.includes(RENAMED)), `the list shows the new name: ${rows}`);
  });

  it('refuses to keep 0 generations at its field, then saves the schedule', async () => {
    await openBackups();
    const schedule = await shown('backup-schedule');
    await scrollToCenter(schedule);
    await retype('backup-keep', '0');
    await clickCentered(byTestId('backup-schedule-save'));
    const keep = byTestId('backup-keep');
    await browser.waitUntil(async () => (await keep.getAttribute('aria-invalid')) === 'true', {
      timeoutMsg: '保存世代数 is not marked as wrong after saving 0',
    });
    const refusal = await shown('backup-schedule-field-error');
    await waitForText(refusal, '保存世代数：1から100の範囲で入力してください。');
    assert.equal(await byTestId('backup-schedule-saved').isExisting(), false, 'nothing was saved');
    await scrollToCenter(refusal);
    await screenshotWhenShowing('backup-schedule-refused', schedule, '1から100の範囲で入力してください。');

    const interval = await shown('backup-interval');
    await interval.selectByVisibleText('12時間ごと');
    await retype('backup-keep', '14');
    await clickCentered(byTestId('backup-schedule-save'));
    await waitForText(await shown('backup-schedule-saved'), '保存しました。');
    assert.notEqual(await keep.getAttribute('aria-invalid'), 'true', 'the field is no longer marked');
    assert.equal(await byTestId('backup-schedule-field-error').isExisting(), false, 'the refusal is gone');

    // Read back from the settings file when the panel is opened again.
    await (await shown('nav-cases')).click();
    await openBackups();
    await browser.waitUntil(async () => (await byTestId('backup-keep').getValue()) === '14', {
      timeoutMsg: '保存世代数 does not come back as 14',
    });
    assert.equal(await byTestId('backup-interval').getValue(), '12', 'the interval comes back as 12時間ごと');
  });
});
