// Journey: unlock → ケース → 新規登録 → type a child's name, reading, date of birth, weight and
// municipality → stop touching the app → it locks itself (the app runs with
// KAKEHASHI_TEST_IDLE_SECONDS=8 instead of the office's 15 minutes) and the lock screen says why and
// that the input is kept encrypted; the kept draft on disk does not hold the typed name → unlock →
// the same form is back with what was typed, and saving it works.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  byTestId,
  clickCentered,
  screenshotWhenShowing,
  scrollToCenter,
  shown,
  unlockWith,
  waitForText,
} from '../helpers.js';

// The passphrase the registry was made with (wdio.conf.js, SEED_BY_SPEC['auto-lock']).
const PASSPHRASE = 'harbor-violet-kestrel-cobalt-29';
// The app's idle time in this journey (wdio.conf.js, IDLE_SECONDS_BY_SPEC), and some slack for a
// loaded 2-core machine.
const IDLE_SECONDS = 8;
const CHILD = {
  name: '鶴ヶ島 蒼真',
  kana: 'ツルガシマ ソウマ',
  dob: '2024-02-15',
  weight: '9.1',
  municipality: '川越市',
};
// The spec's data directory: the save folder the worker was given lies in it (wdio.conf.js).
const dataDir = () => path.dirname(process.env.KAKEHASHI_TEST_SAVE_DIR);
const DRAFT_FILE = 'kakehashi.draft';

/** Types into the searchable municipality field and clicks the offered option naming `name`. */
async function chooseMunicipality(typed, name) {
  const field = await shown('child-municipality');
  await scrollToCenter(field);
  await field.click();
  await field.setValue(typed);
  const option = $(`//*[@role="option"][contains(normalize-space(.), "${name}")]`);
  await option.waitForDisplayed({ timeoutMsg: `typing 「${typed}」 did not offer ${name}` });
  await option.click();
  await option.waitForDisplayed({ reverse: true, timeoutMsg: 'the list stays open after a choice' });
}

const bytesContain = (haystack, text) => haystack.includes(Buffer.from(text, 'utf8'));

describe('auto-lock: an idle app locks itself and gives the open form back after unlock', () => {
  it('unlocks and takes a new child’s identity into the intake form', async () => {
    await unlockWith(PASSPHRASE);
    await (await shown('nav-cases')).click();
    await (await shown('cases-new')).click();
    await (await shown('child-name')).setValue(CHILD.name);
    await byTestId('child-kana').setValue(CHILD.kana);
    await byTestId('child-dob').setValue(CHILD.dob);
    await byTestId('child-weight').setValue(CHILD.weight);
    await chooseMunicipality('川越', CHILD.municipality);
    assert.equal(await byTestId('child-name').getValue(), CHILD.name);
  });

  it('locks by itself after the idle time and says the input is kept encrypted', async () => {
    const started = Date.now();
    // Nobody touches the app now: the lock screen must come by itself.
    const notice = await shown('auto-lock-notice', (IDLE_SECONDS + 20) * 1000);
    const waited = (Date.now() - started) / 1000;
    assert.ok(waited >= IDLE_SECONDS - 2, `locked after ${waited} s, not before the idle time`);
    await waitForText(notice, '一定時間操作がなかったため、ロックしました。');
    await waitForText(notice, '入力中の内容は暗号化して保管しています');
    await shown('unlock-passphrase');
    assert.equal(await byTestId('child-name').isExisting(), false, 'the form is gone while locked');
    await screenshotWhenShowing('auto-lock-locked', notice, '暗号化して保管しています');
  });

  it('keeps the draft on disk sealed: the typed name is not in it', async () => {
    const file = path.join(dataDir(), DRAFT_FILE);
    assert.ok(fs.existsSync(file), `the draft was kept in ${file}`);
    const bytes = fs.readFileSync(file);
    assert.ok(bytes.length > 0, 'the draft file is not empty');
    for (const text of [CHILD.name, CHILD.kana, '鶴ヶ島']) {
      assert.equal(bytesContain(bytes, text), false, `「${text}」 is not in the draft file in UTF-8`);
    }
  });

  it('after unlock shows the same form with what was typed, and says it was restored', async () => {
    await unlockWith(PASSPHRASE);
    const restored = await shown('draft-restored', 30_000);
    await waitForText(restored, 'ロック前の入力内容を復元しました');
    await browser.waitUntil(async () => (await byTestId('child-name').getValue()) === CHILD.name, {
      timeoutMsg: 'the typed name is back in the form',
    });
    assert.equal(await byTestId('child-kana').getValue(), CHILD.kana);
    assert.equal(await byTestId('child-dob').getValue(), CHILD.dob);
    assert.equal(await byTestId('child-weight').getValue(), CHILD.weight);
    await waitForText($('form'), 'ケースの新規登録');
    assert.match(await browser.getUrl(), /#\/cases\/new$/, 'back on the intake page');
    assert.equal(fs.existsSync(path.join(dataDir(), DRAFT_FILE)), false, 'the draft was given back once');
    await screenshotWhenShowing('auto-lock-restored', restored, '復元しました');
  });

  it('saves the restored form as a new case', async () => {
    await clickCentered(byTestId('child-save'));
    const title = await shown('case-title', 30_000);
    await waitForText(title, CHILD.name);
    assert.equal(await byTestId('draft-restored').isExisting(), false, 'the notice ends with the form');
  });
});
