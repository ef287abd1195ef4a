// Journey: unlock → ケース → open 坂戸 結斗 (the registry logs a view) → 編集: the name is corrected
// to 坂戸 結翔 and saved (an update) → 監査ログ → filter by the child (the other child's rows go),
// by 操作 閲覧 then 変更 (who, when and what on each row), by the office day of the journey (the
// seeding's 作成 rows go) and by who → 条件をクリア → 改ざん検査 says the chain is intact.
//
// Seeded with the CLI before the app starts (wdio.conf.js, SEED_BY_SPEC['audit-log']): two
// ventilated children, 坂戸 結斗 (サカド ユイト, the misspelt name the journey corrects) and
// 相川 さくら (アイカワ サクラ), stamped by the CLI at the real now. The app's stamps
// read the clock file wdio.conf.js writes (CLOCK_BY_SPEC: a week after today, 10:00 in Japan), so
// what the person does falls on another office day than the seeding.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  byTestId,
  clickCentered,
  screenshotWhenShowing,
  scrollToCenter,
  shown,
  unlockWith,
  waitForText,
} from '../helpers.js';

// The passphrase wdio.conf.js set the seeded data directory up with.
const PASSPHRASE = 'copper-meadow-kestrel-violet-36';
const MISSPELT = '坂戸 結斗';
const CHILD = '坂戸 結翔';
const OTHER = '相川 さくら';

/** The office day and minute of the app's stamps: the instant in the clock file, in Japan. */
function journeyClock() {
  const file = process.env.KAKEHASHI_TEST_CLOCK_FILE;
  assert.ok(file, 'wdio.conf.js gives this spec a clock file');
  const instant = fs.readFileSync(file, 'utf8').trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}):\d{2}\+09:00$/.exec(instant);
  assert.ok(match, `the clock file holds an instant in Japan: ${instant}`);
  const [, year, month, day, minute] = match;
  return {
    iso: `${year}-${month}-${day}`,
    // As the office types a date: 2026/12/1.
    typed: `${year}/${Number(month)}/${Number(day)}`,
    at: `${year}-${month}-${day} ${minute}`,
  };
}

/** The audit rows on screen, each as its cells' texts: #, 日時, 誰が, 操作, 内容. */
const auditRows = () =>
  browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="audit-row"]'), (row) =>
      Array.from(row.querySelectorAll('td'), (cell) => cell.innerText.trim()),
    ),
  );

/**
 * Waits until the audit rows on screen satisfy `check` (the list is read again after each filter
 * change, and the previous rows stay on screen until the new ones come), and returns them.
 */
async function rowsWhen(check, what) {
  let rows = [];
  await browser
    .waitUntil(
      async () => {
        rows = await auditRows();
        return rows.length > 0 && check(rows);
      },
      { timeout: 15_000 },
    )
    .catch(() => {
      throw new Error(`the audit list never showed ${what}; it showed ${JSON.stringify(rows)}`);
    });
  return rows;
}

/** Picks an option of a native select by the words on it, as a person would. */
async function choose(id, label) {
  const select = await shown(id);
  await scrollToCenter(select);
  await select.selectByVisibleText(label);
}

/** Types a date into the date field with this data-testid, then leaves it with Tab. */
async function typeDate(id, text) {
  const field = await shown(id);
  await clickCentered(field);
  await field.setValue(text);
  await browser.keys('Tab');
}

describe('audit log: a case opened and corrected is on record, and the chain is intact', () => {
  const clock = journeyClock();
  // Who the app records the person as (the seeding is 「cli」).
  let actor;

  it('unlocks, opens the misspelt child and corrects the name', async () => {
    await unlockWith(PASSPHRASE);
    await (await shown('nav-cases')).click();
    const row = $(`//a[@data-testid="case-row"][contains(., "${MISSPELT}")]`);
    await row.waitForDisplayed({ timeoutMsg: `the case list does not show ${MISSPELT}` });
    await row.click();
    await waitForText(await shown('case-title', 30_000), MISSPELT);

    await clickCentered(await shown('case-edit'));
    const name = await shown('child-name', 30_000);
    assert.equal(await name.getValue(), MISSPELT, 'the form starts from the saved name');
    await scrollToCenter(name);
    await name.click();
    await browser.keys(['Control', 'a']);
    await browser.keys(CHILD);
    assert.equal(await name.getValue(), CHILD, 'the field holds exactly what was typed');
    await clickCentered(byTestId('child-save'));
    await waitForText(await shown('case-title', 30_000), CHILD);
  });

  it('opens 監査ログ with the newest rows first, the correction on top', async () => {
    await (await shown('nav-audit')).click();
    await shown('audit-page', 30_000);
    const rows = await rowsWhen((r) => r.some((cells) => cells[3] === '作成'), 'the seeding');
    const seqs = rows.map((cells) => Number(cells[0]));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), `newest first: ${seqs}`);
    const update = rows.find((cells) => cells[3] === '変更');
    assert.ok(update, `the correction is listed: ${JSON.stringify(rows)}`);
    actor = update[2];
    assert.ok(actor, 'the correction says who made it');
    assert.ok(
      rows.filter((cells) => cells[3] === '作成').every((cells) => cells[2] !== ''),
      'the seeding says who made it too',
    );
    await waitForText(byTestId('audit-list'), `${rows.length} 件中 ${rows.length} 件`);
  });

  it('filters by the child picked by name', async () => {
    const search = await shown('audit-filter-child-search');
    await clickCentered(search);
    await search.setValue('さかど');
    const option = await shown('audit-filter-child-option');
    await waitForText(option, CHILD);
    await option.click();
    await waitForText(await shown('audit-filter-child-picked'), CHILD);
    const rows = await rowsWhen(
      (r) => r.every((cells) => cells[4].includes(CHILD)),
      `only rows about ${CHILD}`,
    );
    assert.ok(!rows.some((cells) => cells[4].includes(OTHER)), `${OTHER}'s rows are gone`);
    assert.ok(rows.some((cells) => cells[3] === '作成'), 'the child’s own creation is there');
  });

  it('shows the view with who and when, then the update with the field changed', async () => {
    await choose('audit-filter-action', '閲覧');
    const views = await rowsWhen((r) => r.every((cells) => cells[3] === '閲覧'), 'only views');
    for (const [, at, who, , what] of views) {
      assert.equal(at, clock.at, 'the view is at the journey’s office time');
      assert.equal(who, actor, 'by the person');
      assert.equal(what, `児童「${CHILD}」を閲覧`);
    }
    await scrollToCenter(byTestId('audit-list'));
    await screenshotWhenShowing('audit-log-views', await shown('audit-list'), '閲覧');

    await choose('audit-filter-action', '変更');
    const updates = await rowsWhen((r) => r.every((cells) => cells[3] === '変更'), 'only updates');
    assert.equal(updates.length, 1, `one update: ${JSON.stringify(updates)}`);
    const [, at, who, , what] = updates[0];
    assert.equal(at, clock.at);
    assert.equal(who, actor);
    assert.equal(what, `児童「${CHILD}」を変更：名前`, 'the changed field is named in words, search keys left out');
  });

  it('keeps to the journey’s office day, and to who did it', async () => {
    await choose('audit-filter-action', 'すべて');
    await rowsWhen((r) => r.some((cells) => cells[3] === '作成'), 'the seeding again');
    await typeDate('audit-filter-from', clock.typed);
    await typeDate('audit-filter-to', clock.typed);
    assert.equal(await byTestId('audit-filter-from').getValue(), clock.iso, 'the date is rewritten as ISO');
    const rows = await rowsWhen(
      (r) => r.every((cells) => cells[1].startsWith(clock.iso)),
      `only rows of ${clock.iso}`,
    );
    // That day the child was viewed and changed; what was created is only the scores the core
    // works out again on saving (判定スコア), never a child or a care item (the seeding's).
    const actions = new Set(rows.map((cells) => cells[3]));
    assert.ok(actions.has('閲覧') && actions.has('変更'), `viewed and changed: ${JSON.stringify(rows)}`);
    for (const [, , , action, what] of rows.filter((cells) => cells[3] === '作成')) {
      assert.match(what, /^判定スコアを作成/, `only scores were created that day: ${action} ${what}`);
    }
    assert.equal(await byTestId('audit-list-error').isExisting(), false, 'no error beside the list');

    assert.ok(rows.every((cells) => cells[2] === actor), `that day only the person acted: ${JSON.stringify(rows)}`);

    const who = await shown('audit-filter-actor');
    const offered = await browser.execute((el) => Array.from(el.options, (o) => o.value), who);
    assert.ok(offered.includes(actor), `${actor} can be chosen: ${offered}`);
    // Someone else in the log (the app itself at init; before users, the CLI too) did nothing that day.
    const other = offered.find((name) => name !== '' && name !== actor);
    if (other) {
      await choose('audit-filter-actor', other);
      await waitForText(await shown('audit-list-empty'), '条件に合う記録はありません。');
    }
    await choose('audit-filter-actor', actor);
    await rowsWhen((r) => r.length === rows.length && r.every((cells) => cells[2] === actor), 'the person’s rows');
    await scrollToCenter(byTestId('audit-list'));
    await screenshotWhenShowing('audit-log-filtered', await shown('audit-list'), '変更');

    await clickCentered(await shown('audit-filter-clear'));
    await rowsWhen((r) => r.some((cells) => cells[4].includes(OTHER)), 'every row again');
    assert.equal(await byTestId('audit-filter-from').getValue(), '', 'the dates are cleared');
  });

  it('checks the chain and reports it intact', async () => {
    await scrollToCenter(byTestId('audit-verify'));
    await clickCentered(await shown('audit-verify-button'));
    const intact = await shown('audit-verify-intact', 60_000);
    await waitForText(intact, '改ざんはありません');
    await waitForText(intact, 'すべて改ざんされていません');
    assert.equal(await byTestId('audit-verify-tampered').isExisting(), false);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshotWhenShowing('audit-log-verified', await shown('audit-page'), '改ざんはありません');
  });
});
