// Journey: unlock → 機器貸出 → register the type 足踏み式吸引器 and a unit with its asset tag → lend it
// to the child due 2026-12-10 → nothing is overdue yet → the clock moves to 2026-12-15 → after
// 最新の情報に更新 the unit is in 返却期限切れ, 5日超過, with the child's name and the guardian's phone.
// Then one call logged in 相談記録 from the keyboard only.
//
// The clock: wdio.conf.js starts the app with KAKEHASHI_TEST_CLOCK_FILE pointing at a file in this
// spec's data directory holding 2026-12-01T10:00:00+09:00; the app reads it on every stamp (and for
// the forms' today), so rewriting it moves the office's today mid-journey.
// The child is put in the registry with the CLI before the app starts (wdio.conf.js,
// SEED_BY_SPEC): fixtures/cases/plan-journey-child.json, 川越 湊 (カワゴエ ミナト), whose first
// guardian is 川越 彩, 090-3456-7812. The intake form has its own journey (case-intake).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { byTestId, clickCentered, screenshotWhenShowing, shown, waitForText } from '../helpers.js';

const PASSPHRASE = 'heron-willow-copper-tide-58';
const CHILD = '川越 湊';
const TYPE = '足踏み式吸引器';
const TAG = 'KH-SUC-001';

function setClock(instant) {
  const file = process.env.KAKEHASHI_TEST_CLOCK_FILE;
  assert.ok(file, 'wdio.conf.js gives this spec a clock file');
  fs.writeFileSync(file, instant);
}

describe('equipment lending: a suction device past its due date', () => {
  it('unlocks the seeded registry and opens 機器貸出 on the test clock’s day', async () => {
    const field = await shown('unlock-passphrase', 60_000);
    await field.setValue(PASSPHRASE);
    await byTestId('unlock-submit').click();
    await (await shown('nav-equipment', 60_000)).click();
    await shown('equipment-page');
    await waitForText(await shown('equipment-today'), '2026/12/01（火）');
    await waitForText(await shown('equipment-units-empty'), '機器の登録');
  });

  it('registers the type and a unit with its asset tag', async () => {
    await (await shown('equipment-type-name')).setValue(TYPE);
    await byTestId('equipment-type-add').click();
    await waitForText(await shown('equipment-type-added'), `種類「${TYPE}」を追加しました。`);
    await (await shown('equipment-unit-tag')).setValue(TAG);
    await byTestId('equipment-unit-add').click();
    await waitForText(await shown('equipment-unit-added'), `${TAG} を追加しました。`);
    const row = await shown('equipment-unit-row');
    await waitForText(row, TAG);
    await waitForText(row, '貸出可');
  });

  it('lends it to the child until 2026-12-10, and nothing is overdue on 12/01', async () => {
    await clickCentered(await shown('unit-lend'));
    await shown('lend-modal');
    const from = await shown('lend-from');
    assert.equal(await from.getValue(), '2026-12-01', 'the loan starts on the office’s today');
    await (await shown('lend-child-search')).setValue('かわごえ');
    const option = await shown('lend-child-option');
    await waitForText(option, CHILD);
    await option.click();
    await waitForText(await shown('lend-child-picked'), CHILD);
    await (await shown('lend-due')).setValue('2026-12-10');
    await byTestId('lend-submit').click();
    await waitForText(await shown('equipment-done'), `${TAG} を ${CHILD} さんに貸し出しました`);
    await waitForText(await shown('equipment-unit-row'), CHILD);
    await waitForText(await shown('equipment-overdue-none'), '返却期限を過ぎた機器はありません。');
  });

  it('moves the clock to 12/15 and lists the unit as 5 days overdue, with whom to call', async () => {
    setClock('2026-12-15T10:00:00+09:00');
    await byTestId('equipment-refresh').click();
    await waitForText(await shown('equipment-today'), '2026/12/15（火）');
    const row = await shown('equipment-overdue-row');
    await waitForText(row, '5日超過');
    const text = await waitForText(row, CHILD);
    for (const part of [TAG, TYPE, '川越 彩', '090-3456-7812', '2026/12/10（木）']) {
      assert.ok(text.includes(part), `the overdue row shows ${part}: ${text}`);
    }
    await waitForText(await shown('equipment-unit-row'), '期限切れ');

    // Leaving and coming back reads the list again too.
    await byTestId('nav-cases').click();
    await (await shown('nav-equipment')).click();
    await waitForText(await shown('equipment-overdue-row'), '5日超過');
    await screenshotWhenShowing('equipment-overdue', await shown('equipment-overdue'), '5日超過');
  });

  it('logs one call in 相談記録 from the keyboard alone', async () => {
    await (await shown('nav-consultations')).click();
    const at = await shown('consultation-at');
    await browser.waitUntil(async () => (await at.getValue()) === '2026-12-15 10:00', {
      timeoutMsg: 'the call starts at the office’s now (the test clock)',
    });
    assert.equal(await at.isFocused(), true, 'the cursor starts in 日時');
    await browser.keys(['Enter']); // now → 相談者
    await browser.keys(['1', 'Enter']); // 家族 → 対応
    await browser.keys(['1', 'Enter']); // 助言 → お子さん
    await browser.keys(['Enter']); // no child → 内容
    assert.equal(await byTestId('consultation-topic').isFocused(), true, 'Enter moves on to 内容');
    await byTestId('consultation-topic').addValue('吸引器の使い方');
    await browser.keys(['Enter']);
    await byTestId('consultation-staff').addValue('佐藤');
    await browser.keys(['Enter']);
    await byTestId('consultation-minutes').addValue('10');
    await browser.keys(['Enter']);
    assert.equal(await byTestId('consultation-note').isFocused(), true, 'Enter moves on to メモ');
    await browser.keys(['Enter']); // an empty メモ, and Enter there saves

    await waitForText(await shown('consultation-saved'), '保存しました: 2026-12-15 10:00 家族「吸引器の使い方」');
    assert.equal(await byTestId('consultation-topic').getValue(), '', 'ready for the next call');
    assert.equal(await byTestId('consultation-staff').getValue(), '佐藤', 'the staff stays');
    const row = await shown('consultation-row');
    await waitForText(row, '吸引器の使い方');
    await waitForText(row, '助言');
    await waitForText(await shown('counts-row-all'), '1');
    await screenshotWhenShowing('consultation-log', await shown('consultations-page'), '吸引器の使い方');
  });
});
