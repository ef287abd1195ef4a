// Journey: first run → ケース (empty) → 新規登録 → a child on a ventilator with a tracheostomy,
// hourly tracheal suction and gastrostomy feeding, watching both scores change at each tick →
// save → the case page → the list finds the child by the reading typed in hiragana although it
// was entered in katakana. Then the intake's safeguards: a second child with the same reading and
// date of birth is warned about (and saved once confirmed), and a date of birth in the future is
// refused at its field with nothing saved.
//
// The expected scores are DOMAIN.md §3's tables, not what the app happens to show:
//   医療的ケア判定スコア (§3.1): ventilator 10 + 見守り高 2 = 12; tracheostomy 8 with no 見守り
//   points beside a ventilator → 20; suction 8 + 高 1 → 29; tube feeding 8 + 高 2 → 39.
//   超重症児スコア (§3.2): レスピレーター 10, 気管切開 8, 吸引 1回/時間以上 8, 経管(胃ろう) 5 = 31,
//   bedridden (no better than sitting) and 25 or more → 超重症児.
import assert from 'node:assert/strict';
import {
  byTestId,
  clickCentered,
  screenshotWhenShowing,
  scrollToCenter,
  setUpPassphrase,
  shown,
  waitForExactText,
  waitForText,
} from '../helpers.js';

const PASSPHRASE = 'lantern-orchard-copper-violet-58';

/**
 * A birth date 13 whole months before today in Japan (the office's date), on the 1st so the age is
 * the same on any day of the month: the case page says 「13か月」 (months until the age of 2).
 */
function birthThirteenMonthsAgo() {
  const japan = new Date(Date.now() + 9 * 3600 * 1000);
  const first = new Date(Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth() - 13, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  return { iso: `${year}-${String(month).padStart(2, '0')}-01`, wareki: `令和${year - 2018}年${month}月1日` };
}
const BIRTH = birthThirteenMonthsAgo();

const FIRST = {
  name: '大宮 陽翔',
  kana: 'オオミヤ ハルト',
  dob: BIRTH.iso,
  wareki: BIRTH.wareki,
  age: '13か月',
  weight: '8.4',
  municipality: 'さいたま市大宮区',
};
// The same reading (typed in hiragana this time, as the form's example suggests) and the same date
// of birth, other kanji: the office may be about to register the same child twice.
const SECOND = { name: '大宮 晴人', kana: 'おおみや はると', dob: FIRST.dob, municipality: '川越市' };

// A failed step leaves a picture of the window beside the driver log, to see what the screen showed.

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

/**
 * Types into the searchable municipality field, clicks the offered option that mentions `name`,
 * and returns what the field then shows.
 */
async function chooseMunicipality(typed, name) {
  const field = await shown('child-municipality');
  await scrollToCenter(field);
  await field.click();
  await field.setValue(typed);
  const option = $(`//*[@role="option"][contains(normalize-space(.), "${name}")]`);
  await option.waitForDisplayed({ timeoutMsg: `typing 「${typed}」 did not offer ${name}` });
  await option.click();
  await option.waitForDisplayed({ reverse: true, timeoutMsg: 'the list stays open after a choice' });
  return field.getValue();
}

/** Ticks a care item and waits for its supervision choice to appear under it. */
async function tick(code) {
  const box = await shown(`care-item-${code}`);
  assert.equal(await box.isSelected(), false, `${code} starts unticked`);
  await clickCentered(box);
  await shown(`care-item-${code}-supervision`);
  assert.equal(await box.isSelected(), true, `${code} is ticked after one click`);
}

/**
 * Both live totals as the panel shows them, once the debounced computation by the core has landed
 * (the old totals stay on screen until then, so waiting for the new ones is the assertion).
 */
async function expectScores(medical, severe) {
  await waitForExactText('score-medical-care-total', String(medical));
  await waitForExactText('score-severe-total', String(severe));
}

/** The rows of the case list, read in one go (the list is virtualised and re-renders). */
const caseRows = () =>
  browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="case-row"]'), (row) => row.innerText),
  );

/** Opens ケース from the navigation and waits for its search box. */
async function openCaseList() {
  await (await shown('nav-cases')).click();
  await shown('case-search');
}

/** Types the name, reading and date of birth of a new case into the open intake form. */
async function fillIdentity(child) {
  await (await shown('child-name')).setValue(child.name);
  await byTestId('child-kana').setValue(child.kana);
  await byTestId('child-dob').setValue(child.dob);
}

describe('case intake: a child on a ventilator, scored live, saved and found again', () => {
  let caseNumber;
  let chosenMunicipality;

  it('starts on an empty case list after the first-run passphrase', async () => {
    await setUpPassphrase(PASSPHRASE);
    await openCaseList();
    const empty = await shown('case-empty');
    await waitForText(empty, 'まだケースが登録されていません。');
    await waitForText(empty, '「新規登録」から最初のケースを登録してください。');
    assert.equal(await byTestId('case-row').isExisting(), false, 'no rows in an empty registry');
  });

  it('opens the intake form and takes the child’s identity, residence and weight', async () => {
    await (await shown('cases-new')).click();
    await waitForText($('form'), 'ケースの新規登録');
    const name = await shown('child-name');
    assert.ok(await name.isFocused(), 'the 氏名 field has the focus, ready to type');

    await fillIdentity(FIRST);
    await byTestId('child-weight').setValue(FIRST.weight);
    // Leaving the date field rewrites nothing here (already ISO) and shows its 和暦 under it.
    await waitForText($('form'), FIRST.wareki);
    chosenMunicipality = await chooseMunicipality('大宮', FIRST.municipality);

    assert.equal(await byTestId('child-name').getValue(), FIRST.name);
    assert.equal(await byTestId('child-kana').getValue(), FIRST.kana);
    assert.equal(await byTestId('child-dob').getValue(), FIRST.dob);
    assert.equal(await byTestId('child-weight').getValue(), FIRST.weight);

    // Nothing ticked yet: both scores are 0.
    await expectScores(0, 0);
    await waitForExactText('score-medical-care-band', '3点未満');
  });

  it('shows the chosen ward under its own name, as the office writes it', async () => {
    // A ward of さいたま市 reads 「さいたま市大宮区」 in the field, as on the case page and in the list.
    assert.equal(chosenMunicipality, FIRST.municipality, 'the municipality field shows the ward once');
  });

  it('scores the ventilator as it is ticked and its supervision raised to 高', async () => {
    await tick('ventilator');
    // Ticked at the default 見守り 低: base 10 only.
    await expectScores(10, 10);
    await choose('care-item-ventilator-supervision', '高');
    await expectScores(12, 10);
    await waitForExactText('score-medical-care-band', '医療的ケア児（3点以上）');
    await waitForText(byTestId('score-line-ventilator'), '12点');
    // 10 points alone is 準超重症児 territory, but without the mobility no class is decided.
    await waitForExactText('score-severe-class', '判定保留（移動能力未入力）');
  });

  it('adds the tracheostomy without supervision points, since the ventilator is there', async () => {
    await tick('tracheostomy');
    await expectScores(20, 18);
    await choose('care-item-tracheostomy-supervision', '高');
    // The line now says 見守り高 (so the core has recomputed), yet still 8 points, total 20.
    const line = byTestId('score-line-tracheostomy');
    await waitForText(line, '見守り高 0点');
    await waitForText(line, '8点');
    await expectScores(20, 18);
    await waitForExactText('score-medical-care-band', '16点以上');
  });

  it('adds suction once an hour or more, which the 超重症児 score counts as 8', async () => {
    await tick('suction');
    // Without a frequency the 超重症児 score cannot count suction yet.
    await expectScores(28, 18);
    await choose('care-item-suction-frequency', '1回/時間以上');
    await expectScores(28, 26);
    await choose('care-item-suction-supervision', '高');
    await expectScores(29, 26);
    await waitForText(byTestId('score-severe'), '吸引 1回/時間以上');
  });

  it('adds gastrostomy tube feeding, then the mobility decides 超重症児', async () => {
    await tick('tube_feeding');
    await expectScores(37, 31);
    await choose('care-item-tube_feeding-route', '胃瘻');
    await waitForText(byTestId('score-severe'), '胃瘻');
    await choose('care-item-tube_feeding-supervision', '高');
    await expectScores(39, 31);
    await waitForExactText('score-medical-care-band', '32点以上');
    await waitForExactText('score-severe-class', '判定保留（移動能力未入力）');

    await choose('severe-mobility', '寝たきり');
    await waitForExactText('score-severe-class', '超重症児');
    await waitForExactText('score-severe-mobility', '運動機能が座位まで: 満たす');
    await expectScores(39, 31);

    // The checklist and the panel side by side, as the coordinator sees them before saving.
    await browser.execute(() =>
      document.querySelector('[data-testid="care-items"]').scrollIntoView({ block: 'start' }),
    );
    await screenshotWhenShowing('case-intake-form', byTestId('score-severe'), '超重症児');
  });

  it('saves, and the case page shows the child, the case number, the status and both scores', async () => {
    await clickCentered(byTestId('child-save'));
    const title = await shown('case-title', 30_000);
    await waitForText(title, FIRST.name);
    caseNumber = (await (await shown('case-number')).getText()).trim();
    assert.match(caseNumber, /^KH-\d{4}-0001$/, 'the first case of the office is numbered 0001');
    await waitForExactText('case-status', '紹介受付');
    await waitForExactText('case-age', FIRST.age);
    await waitForExactText('case-municipality', FIRST.municipality);
    await waitForExactText('score-medical-care-total', '39');
    await waitForExactText('score-severe-total', '31');
    await waitForExactText('score-severe-class', '超重症児');
    for (const code of ['ventilator', 'tracheostomy', 'suction', 'tube_feeding']) {
      await shown(`case-care-${code}`);
    }
    await waitForText(byTestId('case-care-tube_feeding'), '胃瘻');
    await waitForText(byTestId('case-care-suction'), '1回/時間以上');
    // Saving opens the case page scrolled as far down as the form was: back to the top, as a person would.
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshotWhenShowing('case-page', byTestId('case-number'), caseNumber);
    // And down to the care items and the two scores, below the header (56px) of the window.
    await browser.execute(() => {
      document.querySelector('[data-testid="case-care"]').scrollIntoView({ block: 'start' });
      window.scrollBy(0, -72);
    });
    await screenshotWhenShowing('case-page-scores', byTestId('case-care'), '超重症児');
  });

  it('finds the child in the list by the reading typed in hiragana', async () => {
    await openCaseList();
    const search = await shown('case-search');
    assert.ok(await search.isFocused(), 'the search box has the focus on arrival');

    // A reading that is not registered first, so the hit below is the search at work.
    await search.setValue('やまだ');
    await waitForText(await shown('case-no-match'), '条件に合うケースはありません');
    await waitForExactText('case-count', '0件');

    await search.setValue('おおみや');
    assert.equal(await search.getValue(), 'おおみや', 'the search box holds exactly what was typed');
    await waitForExactText('case-count', '1件');
    let rows = [];
    await browser
      .waitUntil(async () => {
        rows = await caseRows();
        return rows.length === 1 && rows[0].includes(FIRST.kana);
      })
      .catch(() => {
        throw new Error(`expected one row with ${FIRST.kana}, saw: ${rows.join(' / ')}`);
      });
    assert.ok(rows[0].includes(FIRST.name), 'the row shows the name');
    assert.ok(rows[0].includes(caseNumber), 'the row shows the case number');
    assert.ok(rows[0].includes('39'), 'the row shows the 医療的ケア判定スコア');
    assert.ok(rows[0].includes(FIRST.municipality), 'the row shows the municipality');
    await screenshotWhenShowing('case-list-search', byTestId('case-table'), FIRST.kana);
  });
});

describe('case intake safeguards: a likely duplicate is shown, a future birth date refused', () => {
  it('warns that a child with the same reading and birth date exists, and saves once confirmed', async () => {
    await openCaseList();
    await (await shown('cases-new')).click();
    await shown('child-name');
    await fillIdentity(SECOND);
    const municipality = await shown('child-municipality');
    await scrollToCenter(municipality);
    await municipality.click();
    await municipality.setValue('川越');
    await $(`//*[@role="option"][contains(normalize-space(.), "${SECOND.municipality}")]`).waitForDisplayed();
    await browser.keys('Enter');
    await browser.waitUntil(async () => (await municipality.getValue()) === SECOND.municipality, {
      timeoutMsg: 'Enter did not take 川越市, the first match',
    });

    await clickCentered(byTestId('child-save'));
    const warning = await shown('duplicate-warning', 30_000);
    await waitForText(warning, '次のケースが似ています');
    const candidates = await $$('[data-testid="duplicate-candidate"]');
    assert.equal(candidates.length, 1, 'exactly the first case is listed');
    const candidate = await candidates[0].getText();
    assert.ok(candidate.includes(FIRST.name), `the candidate is ${FIRST.name}: ${candidate}`);
    assert.ok(candidate.includes(FIRST.dob), 'with its date of birth');
    assert.ok(candidate.includes('同じ読みと生年月日'), `the reason is given: ${candidate}`);
    assert.match(candidate, /KH-\d{4}-0001/, 'with its case number');
    assert.ok(await byTestId('duplicate-back').isFocused(), '「戻る」, the safe choice, has the focus');
    await screenshotWhenShowing('case-duplicate', warning, FIRST.name);

    await byTestId('duplicate-confirm').click();
    const title = await shown('case-title', 30_000);
    await waitForText(title, SECOND.name);
    assert.match(await byTestId('case-number').getText(), /^KH-\d{4}-0002$/, 'the next number');
    await waitForExactText('score-medical-care-total', '0');
  });

  it('refuses a date of birth in the future at its field, and saves nothing', async () => {
    await openCaseList();
    await waitForExactText('case-count', '2件');
    await (await shown('cases-new')).click();
    await shown('child-name');
    const future = `${new Date().getFullYear() + 1}-04-01`;
    await fillIdentity({ name: '未来 太郎', kana: 'ミライ タロウ', dob: future });
    assert.equal(await chooseMunicipality('川越', '川越市'), '川越市');

    await clickCentered(byTestId('child-save'));
    const dob = byTestId('child-dob');
    await browser.waitUntil(async () => (await dob.getAttribute('aria-invalid')) === 'true', {
      timeoutMsg: 'the 生年月日 field is not marked invalid',
    });
    // The message under the 生年月日 field itself, not somewhere else on the page.
    const message = await browser.execute(() => {
      const input = document.querySelector('[data-testid="child-dob"]');
      const wrapper = input?.closest('.mantine-InputWrapper-root');
      return wrapper?.querySelector('.mantine-InputWrapper-error')?.textContent ?? null;
    });
    assert.equal(message, '未来の日付は入力できません。', 'the field says why, in Japanese');
    assert.ok(await dob.isFocused(), 'the invalid field is focused, ready to correct');
    assert.equal(await byTestId('case-title').isExisting(), false, 'still on the form');
    assert.equal(await dob.getValue(), future, 'what was typed is kept');

    await openCaseList();
    await waitForExactText('case-count', '2件');
    await byTestId('case-search').setValue('みらい');
    await waitForText(await shown('case-no-match'), '条件に合うケースはありません');
  });
});
