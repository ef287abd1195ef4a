// Journey: first run → 退院支援 says there is no plan yet and how to make one → 設定 → 退院支援パスの
// テンプレート → the default template (seeded with the database) is marked 既定 → its 「外来予約」
// task (移行期, 30 days before discharge) moved to 45 days before and saved → the list again →
// reopened, the template shows the saved offset. A dashboard with plans is the plan journey's:
// a plan can only be made from its page.
import assert from 'node:assert/strict';
import {
  byTestId,
  clickCentered,
  renderedText,
  screenshotWhenShowing,
  scrollToCenter,
  setUpPassphrase,
  shown,
  waitForText,
} from '../helpers.js';

const PASSPHRASE = 'kestrel-harbour-pine-lattice-73';
const DEFAULT_TEMPLATE = '標準の退院支援パス';
const TASK = '外来予約';

/** The key of the editor row whose task title is `title` (the task's id once saved). */
async function rowKeyOf(title) {
  let key = null;
  await browser.waitUntil(
    async () => {
      key = await browser.execute((wanted) => {
        const rows = document.querySelectorAll('[data-testid="template-row"]');
        for (const row of rows) {
          const input = row.querySelector('[data-testid="template-task-title"]');
          if (input && input.value === wanted) return row.getAttribute('data-row-key');
        }
        return null;
      }, title);
      return key !== null;
    },
    { timeoutMsg: `no row of the template editor is titled 「${title}」` },
  );
  return key;
}

const offsetField = (key) => $(`[data-row-key="${key}"] [data-testid="template-task-offset"]`);
const rowText = (key) =>
  browser.execute((k) => document.querySelector(`[data-row-key="${k}"]`)?.innerText ?? null, key);

describe('planning dashboard and the pathway template', () => {
  it('shows the empty dashboard after the first-run passphrase, saying how to start a plan', async () => {
    await setUpPassphrase(PASSPHRASE);
    await (await shown('nav-planning')).click();
    const empty = await shown('planning-empty', 30_000);
    await waitForText(empty, '退院支援計画はまだありません。');
    await waitForText(empty, 'ケースのページから「退院支援計画」を作成します。');
    const today = await renderedText('planning-today');
    assert.match(today ?? '', /^今日 \d{4}\/\d{2}\/\d{2}（[日月火水木金土]）$/, 'today in 西暦 with its weekday');
    await screenshotWhenShowing('planning-dashboard-empty', empty, '退院支援計画はまだありません。');
  });

  it('lists the default template from settings, marked as the default', async () => {
    await (await shown('nav-settings')).click();
    await clickCentered(await shown('settings-templates'));
    const item = await shown('template-item', 30_000);
    await waitForText(item, DEFAULT_TEMPLATE);
    await waitForText(item, '既定');
    await waitForText(item, 'タスク 24件');
    await screenshotWhenShowing('planning-templates', item, DEFAULT_TEMPLATE);
  });

  it('moves one task to 45 days before discharge and saves it', async () => {
    await clickCentered(await shown('template-edit-link'));
    await shown('template-form', 30_000);
    const key = await rowKeyOf(TASK);
    assert.match(await rowText(key), /退院30日前/, 'the default has 外来予約 30 days before discharge');

    const offset = offsetField(key);
    await scrollToCenter(offset);
    await offset.click();
    await browser.keys(['Control', 'a']);
    await browser.keys('-45');
    assert.equal(await offset.getValue(), '-45', 'the field holds exactly what was typed');
    await browser.waitUntil(async () => /退院45日前/.test(await rowText(key)), {
      timeoutMsg: 'the offset is said in words as it is typed',
    });
    await scrollToCenter(offset);
    await screenshotWhenShowing('planning-template-editor', byTestId('template-tasks'), '退院45日前');

    await clickCentered(await shown('template-save'));
    await waitForText(await shown('template-saved', 30_000), '保存しました。');
  });

  it('shows the saved offset when the template is opened again', async () => {
    await (await shown('nav-settings')).click();
    await clickCentered(await shown('settings-templates'));
    await clickCentered(await shown('template-edit-link', 30_000));
    await shown('template-form', 30_000);
    const key = await rowKeyOf(TASK);
    assert.equal(await offsetField(key).getValue(), '-45', 'the saved offset is read back');
    assert.match(await rowText(key), /退院45日前/);
  });
});
