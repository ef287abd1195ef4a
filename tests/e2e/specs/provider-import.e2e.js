// Journey: first run → 資源 (empty) → ファイルから取込 → the Shift_JIS survey sample (the open-file
// dialog is answered by wdio.conf.js through KAKEHASHI_TEST_OPEN_FILE) → its format is detected as
// Shift_JIS and every column is recognised → one column's mapping is fixed by hand: the office keeps
// contact persons' names out of the directory, so 担当者 is set to 「取り込まない」 → the dry run
// counts the rows and writes nothing → 「問題のない行だけ取り込む」 → the list, filtered to the
// visiting nursing stations in 川越市 that answered ○ for 人工呼吸器.
//
// What the fixture (fixtures/providers/survey-sample.sjis.csv, 25 rows) says, read by hand:
//   川越市 訪問看護ステーション: かわせみ訪問看護ステーション (人工呼吸器 ○; its 市区町村 cell is
//   blank, the address says 川越市), 小江戸こども訪問看護 (×), 川越南訪問看護ステーション (×).
//   No other visiting nursing station is in or serves 川越市. So the filter finds かわせみ only.
//   かわせみ's 担当者 is 「髙橋 美和」, which must not be imported once the column is unmapped.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  byTestId,
  clickCentered,
  screenshotWhenShowing,
  scrollToCenter,
  setUpPassphrase,
  shown,
  waitForText,
} from '../helpers.js';

const PASSPHRASE = 'kestrel-meadow-saffron-harbor-73';
const ROWS = 25;
const CONTACT_COLUMN = '担当者';
const EXPECTED = ['かわせみ訪問看護ステーション'];

/** The text of the option the native select with this data-testid shows as chosen. */
const chosenLabel = (id) =>
  browser.execute((testId) => {
    const select = document.querySelector(`[data-testid="${testId}"]`);
    return select ? select.options[select.selectedIndex].text : null;
  }, id);

/** Picks an option of a native select by the words on it, as a person would. */
async function choose(id, label) {
  const select = await shown(id);
  await scrollToCenter(select);
  await select.selectByVisibleText(label);
  assert.equal(await chosenLabel(id), label, `"${id}" shows the chosen 「${label}」`);
}

/** The header of each row of the mapping table, in column order. */
const mappingHeaders = () =>
  browser.execute(() =>
    Array.from(
      document.querySelectorAll('[data-testid="import-mapping-row"]'),
      (row) => row.querySelectorAll('td')[1]?.innerText.trim() ?? '',
    ),
  );

/** The provider names of the list's rows, read in one go (the list is virtualised). */
const providerRows = () =>
  browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="provider-row"]'), (row) => row.innerText),
  );

describe('provider import: the Shift_JIS survey sample, one mapping fixed, the good rows, then a filter', () => {
  it('starts on an empty directory after the first-run passphrase', async () => {
    await setUpPassphrase(PASSPHRASE);
    await (await shown('nav-providers')).click();
    await shown('provider-empty');
  });

  it('opens the import screen from the list, with nothing chosen yet', async () => {
    await (await shown('import-open')).click();
    await waitForText(await shown('import-empty'), 'まだファイルが選ばれていません');
  });

  it('reads the chosen file as Shift_JIS and recognises every column of the survey form', async () => {
    await (await shown('import-choose')).click();
    await waitForText(await shown('import-file-name', 30_000), 'survey-sample.sjis.csv');
    await waitForText(byTestId('import-format'), 'CSV（Shift_JIS）');
    assert.equal(await chosenLabel('import-encoding'), '自動');

    const headers = await mappingHeaders();
    assert.equal(headers.length, 55, 'one mapping row per column of the file');
    assert.equal(headers[1], '事業所名');
    assert.equal(await chosenLabel('import-map-1'), '事業所名');
    assert.equal(await chosenLabel('import-map-22'), '人工呼吸器の管理');
  });

  it('takes the contact person out of the import through its select', async () => {
    const index = (await mappingHeaders()).indexOf(CONTACT_COLUMN);
    assert.ok(index >= 0, `the file has a ${CONTACT_COLUMN} column`);
    const id = `import-map-${index}`;
    assert.equal(await chosenLabel(id), '担当者', 'recognised as the contact person at first');
    await choose(id, '取り込まない');
    await screenshotWhenShowing('provider-import-mapping', byTestId('import-file-name'), 'survey-sample');
  });

  it('counts every row as new in the dry run, with no error, and writes nothing', async () => {
    await clickCentered(await shown('import-dry-run'));
    await waitForText(await shown('import-count-new', 60_000), String(ROWS));
    await waitForText(byTestId('import-count-errors'), '0');
    const counts = await byTestId('import-counts').getText();
    assert.match(counts, /新規\s*25/);
    assert.match(counts, /更新\s*0/);
    assert.match(counts, /変更なし\s*0/);
    assert.match(counts, /エラー\s*0/);
    assert.equal(await byTestId('import-result').isExisting(), false, 'a dry run is not a result');
  });

  it('imports the good rows and shows the result', async () => {
    await clickCentered(await shown('import-good-rows'));
    const result = await shown('import-result', 60_000);
    await waitForText(result, '取込が終わりました');
    assert.match(await result.$('[data-testid="import-counts"]').getText(), new RegExp(`新規\\s*${ROWS}`));
    await scrollToCenter(result);
    await screenshotWhenShowing('provider-import-report', result, '取込が終わりました');
  });

  it('goes back to the list, which now holds every imported provider', async () => {
    await clickCentered(await shown('import-back'));
    await waitForText(await shown('provider-count', 30_000), `${ROWS}件`);
  });

  it('finds only the 川越市 visiting nursing stations that answered ○ for the ventilator', async () => {
    await choose('provider-filter-kind', '訪問看護ステーション');
    const field = await shown('provider-filter-municipality');
    await field.click();
    await field.setValue('川越');
    const option = $('//*[@role="option"][contains(normalize-space(.), "川越市")]');
    await option.waitForDisplayed({ timeoutMsg: 'typing 「川越」 did not offer 川越市' });
    await option.click();
    await choose('provider-filter-care-item', '人工呼吸器の管理');

    await waitForText(byTestId('provider-count'), `${EXPECTED.length}件`);
    let rows = [];
    await browser.waitUntil(async () => {
      rows = await providerRows();
      return rows.length === EXPECTED.length;
    });
    for (const name of EXPECTED) {
      assert.ok(rows.some((row) => row.includes(name)), `${name} is listed`);
    }
    for (const name of ['小江戸こども訪問看護', '川越南訪問看護ステーション', '浦和みどり訪問看護ステーション']) {
      assert.ok(!rows.some((row) => row.includes(name)), `${name} is not listed`);
    }
    assert.ok(rows[0].includes('川越市'), 'the row shows its municipality, read from the address');
    await screenshotWhenShowing('provider-filter', byTestId('provider-table'), EXPECTED[0]);
  });

  it('did not import the contact person whose column was unmapped', async () => {
    await (await shown('provider-row')).click();
    const page = await shown('provider-page', 30_000);
    await waitForText(byTestId('provider-title'), EXPECTED[0]);
    const text = await browser.execute((node) => node.innerText, await page);
    assert.ok(text.includes('048-200-1000'), 'the phone number was imported');
    assert.ok(!text.includes('髙橋'), 'the contact person was left out');
  });

  it('exports the public directory as one web page with only the consented providers', async () => {
    // By hand from the fixture: 6 of the 25 rows say × for 公開（名称）, among them
    // 浦和みどり訪問看護ステーション (049-203-1333); so 19 providers go on the public page.
    await (await shown('nav-providers')).click();
    await (await shown('export-open')).click();
    const dialog = await $('[role="dialog"]');
    await dialog.waitForDisplayed();
    await (await dialog.$('label=ウェブページ（HTML）')).click();
    await screenshotWhenShowing('provider-export', dialog, '事業所一覧の書き出し');
    await clickCentered(await shown('export-save'));
    const done = await shown('export-done', 60_000);
    const file = `事業所一覧_公開用_${await browser.execute(() => {
      const d = new Date(Date.now() + 9 * 3600_000);
      return d.toISOString().slice(0, 10);
    })}.html`;
    await waitForText(done, `公開用のウェブページ（HTML）を「${file}」に保存しました（19件）。`);
    await waitForText(byTestId('export-not-public'), '6件');

    const html = fs.readFileSync(path.join(process.env.KAKEHASHI_TEST_SAVE_DIR, file), 'utf8');
    assert.ok(html.includes('かわせみ訪問看護ステーション') && html.includes('048-200-1000'));
    assert.ok(!html.includes('浦和みどり訪問看護ステーション'), 'a provider without name consent is left out');
    assert.ok(!html.includes('049-203-1333'), 'nor is its phone number anywhere');
    assert.ok(!/(src|href)\s*=\s*["']?https?:/i.test(html), 'the page loads nothing from elsewhere');
  });
});
