// Journey: unlock → ケース → the ventilated child → 退院支援計画 → create the plan with a target about
// 90 days ahead → the plan page (timeline, tasks, team with 訪問看護 未定) → 事業所を探す for 訪問看護 →
// the three stations near the child's home: one meeting every condition, one ？ for 人工呼吸器, and
// (once the unmet ones are shown) one × for its weight limit, with the reasons in words → 紹介する on
// the matching one → 受諾 → it is in the team under 訪問看護 and on the timeline from its start.
//
// The child and the stations are put in the data directory with the CLI before the app starts
// (wdio.conf.js, SEED_BY_SPEC), not through the intake form and the import screen: those screens
// have their own journeys (case-intake, provider-import), and this one is about the plan. Seeding
// also fixes exactly what matching sees — the child's latest weight and home point — which the
// intake form would make this journey re-enter field by field.
//
// What the fixtures say, read by hand:
// - fixtures/cases/plan-journey-child.json: 川越 湊, born 2024-03-10, at home in 川越市新宿町
//   (35.904, 139.489), on a ventilator and with a tracheostomy (both since 2024-06-01), suction at
//   least hourly, gastrostomy feeding; latest weight 12.4 kg (2026-11-10). A ventilator means
//   nights and weekends are checked for visiting nurses.
// - fixtures/providers/plan-journey.csv (survey template layout), three 訪問看護ステーション in 川越市,
//   each serving 川越市、川島町, with 夜間 ○, 休日 ○, 24時間 ○, 新規受入れ 可, no age limits, and
//   気管切開・吸引・経管栄養 ○:
//   こもれび訪問看護ステーション (川越市脇田本町, about 1 km away): 人工呼吸器 ○, 体重上限 30 kg → every
//     condition met;
//   ささのは訪問看護ステーション (川越市南台, about 3.4 km): 人工呼吸器 left blank (not answered),
//     体重上限 30 kg → 人工呼吸器 unknown (？);
//   はなみずき訪問看護ステーション (川越市的場北, about 5.1 km): 人工呼吸器 ○ but 体重上限 10 kg, below the
//     child's 12.4 kg → weight unmet (×, 「体重上限 10kg、現在 12.4kg」), listed only when asked.
import assert from 'node:assert/strict';
import {
  byTestId,
  clickCentered,
  screenshotWhenShowing,
  scrollToCenter,
  shown,
  waitForText,
} from '../helpers.js';

// The passphrase wdio.conf.js set the seeded data directory up with.
const PASSPHRASE = 'kestrel-meadow-lantern-quartz-71';
const CHILD = '川越 湊';
const BIRTH = '2024-03-10';
const MET = 'こもれび訪問看護ステーション';
const UNKNOWN = 'ささのは訪問看護ステーション';
const UNMET = 'はなみずき訪問看護ステーション';

/** An ISO date `days` after today in Japan (the office's date: Stamp::today is UTC+9). */
function japanDate(days = 0) {
  return new Date(Date.now() + 9 * 3600 * 1000 + days * 86_400_000).toISOString().slice(0, 10);
}
const TARGET = japanDate(90);

/** Whole months from birth to `on`, said as the plan page says it: 「2歳11か月」. */
function ageWords(birth, on) {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [oy, om, od] = on.split('-').map(Number);
  const months = (oy - by) * 12 + (om - bm) - (od < bd ? 1 : 0);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest}か月`;
  return rest === 0 ? `${years}歳` : `${years}歳${rest}か月`;
}

/** The card of one provider in the open finder panel. */
const stationCard = (name) => $(`//article[@data-testid="match-provider"][@aria-label="${name}"]`);

/** The rendered text of every element with this data-testid inside `root` (SVG included). */
const textsIn = (root, id) =>
  browser.execute(
    (node, testId) => Array.from(node.querySelectorAll(`[data-testid="${testId}"]`), (e) => e.textContent.trim()),
    root,
    id,
  );

describe('discharge plan: a ventilated child matched with visiting nurses, one referred and accepted', () => {
  it('unlocks the seeded registry and opens the child’s case', async () => {
    const field = await shown('unlock-passphrase', 60_000);
    await field.setValue(PASSPHRASE);
    await byTestId('unlock-submit').click();
    await shown('nav-cases', 60_000);
    // The window remembers the last language chosen on this computer; this journey reads Japanese.
    await $('//label[normalize-space(.)="日本語"]').click();
    await (await shown('nav-cases')).click();
    const row = $(`//a[@data-testid="case-row"][contains(., "${CHILD}")]`);
    await row.waitForDisplayed({ timeoutMsg: `the case list does not show ${CHILD}` });
    await row.click();
    await waitForText(await shown('case-title', 30_000), CHILD);
  });

  it('offers to create a plan, and creates one with a target about 90 days ahead', async () => {
    await (await shown('case-plan')).click();
    const form = await shown('plan-create-form', 30_000);
    await waitForText(form, 'まだ進行中の退院支援計画がありません');
    const target = byTestId('plan-create-target');
    assert.ok(await target.isFocused(), 'the target date takes the keyboard at once');
    // Typed as the office writes dates; the form sends it as ISO.
    await target.clearValue();
    await target.setValue(TARGET.replaceAll('-', '/'));
    await clickCentered(byTestId('plan-create-submit'));

    await waitForText(await shown('plan-child-name', 30_000), CHILD);
    await waitForText(byTestId('plan-target-date'), TARGET);
    await waitForText(byTestId('plan-days-left'), 'あと90日');
    await waitForText(byTestId('plan-age-at-target'), ageWords(BIRTH, TARGET));
    const dots = await textsIn(await byTestId('plan-timeline'), 'timeline-task');
    assert.ok(dots.length >= 20, `the default pathway's tasks are on the timeline (${dots.length})`);
    await waitForText(byTestId('team-open-visiting_nurse'), '未定');
    await scrollToCenter(byTestId('plan-child-name'));
    await screenshotWhenShowing('discharge-plan-page', byTestId('plan-timeline'), 'タイムライン');
  });

  it('finds the visiting nursing stations: one ○ throughout, one ？ for the ventilator, one × for weight', async () => {
    await clickCentered(byTestId('team-find-visiting_nurse'));
    const finder = await shown('finder-visiting_nurse', 30_000);
    await waitForText(
      byTestId('find-counts'),
      '条件をすべて満たす 1件 · 未回答あり 1件 · 条件に合わない 1件',
    );
    await waitForText(byTestId('find-facts'), '体重 12.4kg');

    const met = stationCard(MET);
    await met.waitForDisplayed({ timeoutMsg: `${MET} is not listed` });
    await waitForText(met.$('[data-testid="match-outcome"]'), '条件をすべて満たす');
    await waitForText(met.$('[data-testid="match-area"]'), '対応地域内');
    const metMarks = await textsIn(await met, 'match-mark');
    assert.ok(metMarks.length >= 8, `every condition is checked: ${metMarks.join(' ')}`);
    assert.ok(metMarks.every((m) => m.startsWith('○')), `all ○: ${metMarks.join(' ')}`);

    const unknown = stationCard(UNKNOWN);
    await waitForText(unknown.$('[data-testid="match-outcome"]'), '未回答あり');
    assert.ok((await textsIn(await unknown, 'match-mark')).includes('？呼吸器'), 'the ventilator is marked ？');
    await waitForText(unknown.$('[data-testid="match-reasons"]'), '？ 人工呼吸器の管理 未回答');
    assert.equal(await stationCard(UNMET).isExisting(), false, 'unmet stations are hidden at first');

    const toggle = $('//label[contains(., "条件に合わない事業所も表示")]');
    await clickCentered(toggle);
    const unmet = stationCard(UNMET);
    await unmet.waitForDisplayed({ timeoutMsg: `${UNMET} is not listed once unmet ones are shown` });
    await waitForText(unmet.$('[data-testid="match-outcome"]'), '条件に合わない');
    assert.ok((await textsIn(await unmet, 'match-mark')).includes('×体重'), 'the weight is marked ×');
    await waitForText(unmet.$('[data-testid="match-reasons"]'), '× 体重上限 10kg、現在 12.4kg');
    const order = await textsIn(finder, 'match-name');
    assert.deepEqual(order, [MET, UNKNOWN, UNMET], 'all met, then some unknown, then unmet');
    await scrollToCenter(byTestId('find-counts'));
    await screenshotWhenShowing('discharge-plan-find-providers', unmet, '体重上限 10kg');
  });

  it('sends a referral to the matching station in one step', async () => {
    await clickCentered(stationCard(MET).$('[data-testid="match-refer"]'));
    await waitForText(await shown('find-sent', 30_000), `${MET} に紹介を送りました`);
    await waitForText(stationCard(MET).$('[data-testid="match-referred"]'), '紹介済み（依頼済み）');
    const referral = await shown('referral');
    await waitForText(referral, MET);
    await waitForText(referral.$('[data-testid="referral-status"]'), '依頼済み');
  });

  it('records the acceptance: the station joins the team under 訪問看護 and appears on the timeline', async () => {
    await clickCentered(byTestId('referral-step-accepted'));
    await shown('referral-step-form');
    assert.equal(await byTestId('referral-step-start').getValue(), TARGET, 'it starts on the target date');
    await clickCentered(byTestId('referral-step-save'));
    await byTestId('referral-step-form').waitForExist({ reverse: true, timeoutMsg: 'the step form stayed open' });
    await waitForText(byTestId('referral').$('[data-testid="referral-status"]'), '受諾');

    const nurse = $('//*[@data-testid="team-member"][@data-role="visiting_nurse"]');
    await nurse.waitForDisplayed({ timeoutMsg: 'no 訪問看護 in the team' });
    await waitForText(nurse, '訪問看護');
    await waitForText(nurse, MET);
    await waitForText(nurse, `${TARGET} から開始予定`);
    assert.equal(await byTestId('team-open-visiting_nurse').isExisting(), false, '訪問看護 is no longer open');
    assert.equal(await byTestId('find-visiting_nurse').isExisting(), false, 'nor offered in 事業所を探す');

    const onTimeline = await textsIn(await byTestId('plan-timeline'), 'timeline-member-label');
    assert.deepEqual(onTimeline, [`訪問看護 ${MET}`], 'the station is on the timeline from its start');
    await scrollToCenter(byTestId('plan-timeline'));
    await screenshotWhenShowing('discharge-plan-accepted', byTestId('plan-team'), MET);
  });
});
