// Journey: the administrator unlocks → 設定 → 利用者を追加: 佐藤 (sato), 閲覧のみ, a first
// passphrase typed twice → 佐藤 is listed → 回復キーを作り直す shows the new key once → ロック → the
// lock screen offers both users → sato unlocks: the case list shows with 新規登録 disabled, the
// case opens (編集 disabled), and 設定 has their own passphrase but no 利用者 or 回復キー → ロック →
// admin makes sato a コーディネーター → ロック → sato can press 新規登録.
//
// Seeded with the CLI before the app starts (wdio.conf.js, SEED_BY_SPEC['users-roles']):
// `init` as user `admin`, and fixtures/cases/plan-journey-child.json, 川越 湊.
import assert from 'node:assert/strict';
import {
  byTestId,
  clickCentered,
  screenshotWhenShowing,
  scrollToCenter,
  shown,
  unlockWith,
  waitForText,
} from '../helpers.js';

// The passphrase wdio.conf.js set the seeded data directory up with (user `admin`).
const ADMIN_PASSPHRASE = 'lantern-cobalt-meadow-heron-29';
const SATO_PASSPHRASE = 'kestrel-violet-harbor-quartz-83';
const CHILD = '川越 湊';

/** An element inside the open dialog, by its data-testid. */
const inDialog = (id) => $(`[role="dialog"] [data-testid="${id}"]`);

/** The words of a role in the open dialog's role choice, clicked as a person would. */
const roleLabel = (name) => $(`//*[@role="dialog"]//label[normalize-space(.)="${name}"]`);

/** Waits until the open dialog's role choice is `role` (the dialog may still be fading in). */
async function chosenRole(role) {
  const radio = $(`[role="dialog"] input[type="radio"][value="${role}"]`);
  await browser.waitUntil(() => radio.isSelected(), { timeoutMsg: `the role ${role} is not chosen` });
  await browser.executeAsync((done) => setTimeout(done, 300));
}

async function openSettings() {
  await (await shown('nav-settings')).click();
  await shown('own-passphrase-section', 30_000);
  await browser.execute(() => window.scrollTo(0, 0));
}

/** Presses ロック and waits for the lock screen. */
async function lock() {
  // A dialog closing still lies over the page for its fade-out.
  await $('[role="dialog"]').waitForDisplayed({ reverse: true });
  await (await shown('lock-button')).click();
  await shown('unlock-passphrase', 30_000);
}

/** The users the lock screen's user field offers (it opens the list, reads it, closes it). */
async function offeredLogins() {
  await (await shown('unlock-login')).click();
  const options = $$('[role="option"]');
  await browser.waitUntil(async () => (await options.length) > 0, {
    timeoutMsg: 'the user field offers nobody',
  });
  const texts = await browser.execute(() =>
    Array.from(document.querySelectorAll('[role="option"]'), (o) => o.innerText.trim()),
  );
  await browser.keys('Escape');
  return texts;
}

/** On the lock screen: picks `login` in the user field, types the passphrase, unlocks. */
async function unlockAs(login, passphrase) {
  await (await shown('unlock-login', 60_000)).click();
  const option = $(`//*[@role="option"][contains(normalize-space(.), "${login}")]`);
  await option.waitForDisplayed({ timeoutMsg: `the lock screen does not offer ${login}` });
  await option.click();
  await option.waitForDisplayed({ reverse: true });
  await (await shown('unlock-passphrase')).setValue(passphrase);
  await byTestId('unlock-submit').click();
  await shown('nav-cases', 60_000);
}

/** Opens ケース and waits for the rows. */
async function openCaseList() {
  await (await shown('nav-cases')).click();
  await shown('case-row', 30_000);
}

describe('users and roles: an administrator adds a read-only user, then lets them write', () => {
  it('adds 佐藤 as a read-only user with a first passphrase', async () => {
    await unlockWith(ADMIN_PASSPHRASE);
    await openSettings();
    const table = await shown('users-table', 30_000);
    await waitForText(byTestId('user-row-admin'), 'あなた');
    await scrollToCenter(table);
    await screenshotWhenShowing('users-list', table, 'admin');

    await clickCentered(await shown('users-add'));
    await (await shown('user-display-name')).setValue('佐藤');
    await byTestId('user-login').setValue('sato');
    await roleLabel('閲覧のみ').click();
    await chosenRole('viewer');
    await byTestId('user-passphrase').setValue(SATO_PASSPHRASE);
    await waitForText(inDialog('strength-meter'), 'このパスフレーズは使えます');
    await byTestId('user-confirmation').setValue(SATO_PASSPHRASE);
    const submit = byTestId('user-add-submit');
    await submit.waitForEnabled({ timeoutMsg: 'add stays disabled with a complete form' });
    await screenshotWhenShowing('users-add', $('[role="dialog"]'), '閲覧のみ');
    await submit.click();

    await waitForText(await shown('users-notice', 30_000), '佐藤（sato）を追加しました');
    const row = await shown('user-row-sato');
    await waitForText(row, '閲覧のみ');
    await screenshotWhenShowing('users-added', table, 'sato');
  });

  it('makes a new recovery key, shown once, after saying the old one stops working', async () => {
    await clickCentered(await shown('recovery-key-make'));
    await waitForText(await shown('recovery-key-confirm-text'), '使えなくなります');
    await byTestId('recovery-key-confirm-submit').click();
    const key = await shown('recovery-key-value', 30_000);
    assert.match(await key.getText(), /^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/, 'the key is groups of four');
    const close = byTestId('recovery-key-close');
    assert.equal(await close.isEnabled(), false, 'it cannot be closed before it is kept');
    await screenshotWhenShowing('users-recovery-key', await shown('recovery-key-shown'), '保管しました');
    await byTestId('recovery-key-stored').click();
    await close.click();
    await byTestId('recovery-key-shown').waitForDisplayed({ reverse: true });
  });

  it('locks: the lock screen offers both users, and sato signs in', async () => {
    await lock();
    const logins = await offeredLogins();
    assert.ok(
      ['admin', 'sato'].every((l) => logins.some((text) => text.includes(l))),
      `both users are offered: ${JSON.stringify(logins)}`,
    );
    await (await shown('unlock-login')).click();
    await $('//*[@role="option"][contains(normalize-space(.), "sato")]').waitForDisplayed();
    await screenshotWhenShowing('users-lock-two', $('//*[@role="listbox"]'), 'sato');
    await browser.keys('Escape');
    await unlockAs('sato', SATO_PASSPHRASE);
  });

  it('shows sato the cases with 新規登録 disabled, and the case opens read-only', async () => {
    await openCaseList();
    const add = await shown('cases-new');
    assert.equal(await add.isEnabled(), false, '新規登録 is disabled for a read-only user');
    // The reason is on the button's tooltip.
    await $('[data-read-only]').moveTo();
    const tip = $('//*[@role="tooltip"][contains(., "閲覧のみの利用者は変更できません")]');
    await tip.waitForDisplayed({ timeoutMsg: 'the disabled button does not say why' });
    await screenshotWhenShowing('users-viewer-cases', byTestId('case-row'), CHILD);

    const row = $(`//a[@data-testid="case-row"][contains(., "${CHILD}")]`);
    await row.click();
    await waitForText(await shown('case-title', 30_000), CHILD);
    assert.equal(await (await shown('case-edit')).isEnabled(), false, '編集 is disabled too');
  });

  it('shows sato their own passphrase in 設定, but no users or recovery key', async () => {
    await openSettings();
    await waitForText(byTestId('own-passphrase-section'), 'sato');
    assert.equal(await byTestId('users-section').isExisting(), false, 'no 利用者 for a viewer');
    assert.equal(await byTestId('recovery-key-section').isExisting(), false, 'no 回復キー either');
    await (await shown('own-passphrase-open')).click();
    await shown('own-passphrase-current');
    await screenshotWhenShowing('users-viewer-settings', byTestId('own-passphrase-section'), '現在のパスフレーズ');
  });

  it('the administrator makes sato a coordinator', async () => {
    await lock();
    await unlockAs('admin', ADMIN_PASSPHRASE);
    await openSettings();
    await clickCentered(await shown('user-edit-sato', 30_000));
    await roleLabel('コーディネーター').click();
    await chosenRole('coordinator');
    await clickCentered(byTestId('user-edit-submit'));
    await waitForText(await shown('users-notice', 30_000), '佐藤の情報を保存しました');
    await waitForText(byTestId('user-row-sato'), 'コーディネーター');
  });

  it('sato can now press 新規登録', async () => {
    await lock();
    await unlockAs('sato', SATO_PASSPHRASE);
    await openCaseList();
    const add = await shown('cases-new');
    await add.waitForEnabled({ timeoutMsg: '新規登録 stays disabled for a coordinator' });
    await scrollToCenter(add);
    await add.click();
    await shown('child-name', 30_000);
  });
});
