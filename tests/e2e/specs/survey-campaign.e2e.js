// Journey: first run → 資源 → ファイルから取込 → the UTF-8 survey sample (the open-file dialog is
// answered by wdio.conf.js through KAKEHASHI_TEST_OPEN_FILE) → 確認（試行） → 問題のない行だけ取り込む
// → 調査 (empty) → 新しい調査: a title, the visiting nursing stations selected by kind → the campaign
// page: one station phoned with a note, another one's answer entered (人工呼吸器 ○) → progress →
// 督促リストをCSVで保存 (the save dialog is answered through KAKEHASHI_TEST_SAVE_DIR) and the file read
// back → the list of surveys → the answered provider's page shows the new answer.
//
// What the fixture (fixtures/providers/survey-sample.utf8.csv, 25 rows) says, read by hand: its
// visiting nursing stations (種別 訪問看護ステーション, or written 「訪問看護」 or `visiting_nursing`)
// are かわせみ訪問看護ステーション, 小江戸こども訪問看護, ㈱ひだまりケア 訪問看護ステーション①,
// 浦和みどり訪問看護ステーション (「訪問看護」), 大宮ひまわり訪問看護 (`visiting_nursing`),
// 新座すずらん訪問看護, 川越南訪問看護ステーション and みぬま訪問看護ステーション: 8 of them.
// 小江戸こども訪問看護 answered × for 人工呼吸器 in the file, so the survey answer changes it to ○.
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

const PASSPHRASE = 'heron-quarry-lantern-orchid-58';
const ROWS = 25;
const STATIONS = 8;
const TITLE = '令和8年度 小児受け入れ調査';
const PHONED = 'かわせみ訪問看護ステーション';
const PHONE_NOTE = '担当者不在、来週再度';
const ANSWERED = '小江戸こども訪問看護';

/** Today in Japan, as the app dates things (Stamp::today is UTC+9). */
const todayInJapan = () => new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);

/** The text of the option the native select with this data-testid shows as chosen. */
const chosenLabel = (id) =>
  browser.execute((testId) => {
    const select = document.querySelector(`[data-testid="${testId}"]`);
    return select ? select.options[select.selectedIndex].text : null;
  }, id);

/** Picks an option of a native select by the words on it, as a person would. */
async function choose(select, label) {
  await scrollToCenter(select);
  await select.selectByVisibleText(label);
}

/** The row of the campaign's target table for this provider. */
const targetRow = (name) => $(`//tr[@data-testid="target-row"][.//a[normalize-space(.)="${name}"]]`);

/** Every target row's text, read in one go. */
const targetRows = () =>
  browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="target-row"]'), (row) => row.innerText),
  );

describe('survey campaign: the stations of one kind surveyed, chased and answered, the chase list saved', () => {
  it('imports the survey sample into the directory after the first-run passphrase', async () => {
    await setUpPassphrase(PASSPHRASE);
    await (await shown('nav-providers')).click();
    await (await shown('import-open')).click();
    await (await shown('import-choose')).click();
    await waitForText(await shown('import-file-name', 30_000), 'survey-sample.utf8.csv');
    await clickCentered(await shown('import-dry-run'));
    await waitForText(await shown('import-count-new', 60_000), String(ROWS));
    await clickCentered(await shown('import-good-rows'));
    await waitForText(await shown('import-result', 60_000), '取込が終わりました');
  });

  it('finds no survey yet, and says how to start one', async () => {
    await (await shown('nav-surveys')).click();
    const empty = await shown('surveys-empty');
    await waitForText(empty, 'まだ調査がありません。');
    await waitForText(empty, '「新しい調査」から対象の事業所を選んで始めます。');
  });

  it('creates the survey for every visiting nursing station shown after filtering by kind', async () => {
    await (await shown('surveys-new')).click();
    const title = await shown('survey-title-input');
    assert.equal(
      await browser.execute(() => document.activeElement?.getAttribute('data-testid')),
      'survey-title-input',
      'the title takes the keyboard at once',
    );
    await title.setValue(TITLE);
    assert.equal(await byTestId('survey-sent-on').getValue(), todayInJapan(), '送付日 starts as today');

    await waitForText(await shown('survey-target-shown'), `${ROWS}件を表示`);
    await choose(await shown('survey-target-kind'), '訪問看護ステーション');
    assert.equal(await chosenLabel('survey-target-kind'), '訪問看護ステーション');
    await waitForText(byTestId('survey-target-shown'), `${STATIONS}件を表示`);
    await clickCentered(await shown('survey-select-shown'));
    await waitForText(byTestId('survey-selected-count'), `${STATIONS}件を選択中`);
    await scrollToCenter(byTestId('survey-targets'));
    await screenshotWhenShowing('survey-new', byTestId('survey-selected-count'), `${STATIONS}件を選択中`);

    await clickCentered(await shown('survey-create'));
    await waitForText(await shown('survey-page-title', 30_000), TITLE);
    await waitForText(byTestId('survey-page-progress-line'), `${STATIONS}件送付 · 0件回答`);
    const rows = await targetRows();
    assert.equal(rows.length, STATIONS, 'one row per station surveyed');
    assert.ok(rows.every((row) => row.includes('送付済み')), 'every target starts 送付済み');
  });

  it('records a call to one station with a note', async () => {
    const row = await targetRow(PHONED);
    await clickCentered(await row.$('[data-testid="target-record-step"]'));
    await shown('step-form');
    assert.equal(await chosenLabel('step-state'), '電話済み', 'a call is what is recorded most');
    assert.equal(await byTestId('step-on').getValue(), todayInJapan());
    await byTestId('step-note').setValue(PHONE_NOTE);
    await screenshotWhenShowing('survey-step', targetRow(PHONED), PHONED);
    await clickCentered(await byTestId('step-save'));
    await byTestId('step-form').waitForExist({ reverse: true, timeoutMsg: 'the step form stayed open' });
    await waitForText(await targetRow(PHONED).$('[data-testid="target-state"]'), '電話済み');
    await waitForText(targetRow(PHONED), PHONE_NOTE);
  });

  it("enters another station's answer with 人工呼吸器 ○, and the progress counts it", async () => {
    await clickCentered(await targetRow(ANSWERED).$('[data-testid="target-enter-answer"]'));
    const form = await shown('answer-form', 30_000);
    assert.equal(await byTestId('answer-date').getValue(), todayInJapan(), '回答日 starts as today');
    assert.equal(
      await byTestId('condition-ventilator-no').isSelected(),
      true,
      'the form starts from the answer in the file (×)',
    );
    await clickCentered(await byTestId('condition-ventilator-yes'));
    assert.equal(await byTestId('condition-ventilator-yes').isSelected(), true);
    await clickCentered(await form.$('[data-testid="answer-save"]'));
    await byTestId('answer-form').waitForExist({ reverse: true, timeoutMsg: 'the answer form stayed open' });

    await waitForText(await targetRow(ANSWERED).$('[data-testid="target-state"]'), '回答済み');
    const line = await waitForText(byTestId('survey-page-progress-line'), '1件回答');
    assert.equal(line.trim(), `${STATIONS}件送付 · 1件回答 · 1件電話`);
    assert.equal(
      await targetRow(ANSWERED).$('[data-testid="target-enter-answer"]').isExisting(),
      false,
      'an answered target takes no other answer',
    );
    await scrollToCenter(byTestId('survey-page-title'));
    await screenshotWhenShowing('survey-campaign', byTestId('survey-page-progress-line'), '1件電話');
  });

  it('saves the chase list as CSV: every station still to chase, the phoned one in, the answered one out', async () => {
    const open = STATIONS - 1;
    const fileName = `督促リスト_令和8年度_小児受け入れ調査_${todayInJapan()}.csv`;
    await clickCentered(await shown('chase-save'));
    await waitForText(await shown('chase-saved', 30_000), `督促リスト（${open}件）を ${fileName} に保存しました`);

    const file = path.join(process.env.KAKEHASHI_TEST_SAVE_DIR, fileName);
    assert.ok(fs.existsSync(file), `${fileName} was saved in the test save folder`);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM, so Excel reads it');
    const lines = bytes.toString('utf8').slice(1).split(/\r?\n/).filter((l) => l !== '');
    assert.ok(lines[0].startsWith('状況,'), `a header row first: ${lines[0]}`);
    const data = lines.slice(1);
    assert.equal(data.length, open, 'one row per station not answered yet');
    const phoned = data.find((l) => l.includes(PHONED));
    assert.ok(phoned, 'the phoned station is still to chase');
    assert.ok(phoned.includes('電話済み') && phoned.includes(PHONE_NOTE), `with its state and note: ${phoned}`);
    assert.ok(phoned.includes('048-200-1000'), 'with its phone number');
    assert.ok(!data.some((l) => l.includes(ANSWERED)), 'the answered station is not chased');
  });

  it('lists the survey with its progress', async () => {
    await (await shown('nav-surveys')).click();
    const row = await shown('survey-row');
    await waitForText(row, TITLE);
    await waitForText(row, `${STATIONS}件送付 · 1件回答 · 1件電話`);
    await waitForText(row, `送付日 ${todayInJapan()}`);
    await screenshotWhenShowing('survey-list', row, '1件電話');
  });

  it("shows the answer on the provider's own page as its newest conditions", async () => {
    await (await shown('survey-title')).click();
    await clickCentered(await targetRow(ANSWERED).$('a'));
    await waitForText(await shown('provider-title', 30_000), ANSWERED);
    const ventilator = await shown('matrix-ventilator');
    await scrollToCenter(ventilator);
    const marked = await browser.execute(
      (node) => node.querySelector('td[data-answer]')?.innerText ?? '',
      ventilator,
    );
    assert.equal(marked.replace(/\s+/g, ''), '○可', 'the survey answer is the current one');
  });
});
