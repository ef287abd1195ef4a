// Journey: unlock → レスパイト → pick the short-stay facility → next month's calendar shows the
// middle night's only ventilator bed taken (「人工呼吸器 1/1」, full) → book 3 nights (the 10th to
// the 12th, leaving the 13th) for the other child by clicking the first and last night → the refusal
// names the full night (「YYYY-MM-11 は満床です（人工呼吸器対応）」) and frames it on the calendar →
// nothing was booked: the calendar is as it was and the child has no stay.
//
// Setup is seeded with the CLI before the app starts (wdio.conf.js, SEED_BY_SPEC['respite-booking']),
// not through the UI: one short_stay facility すずかけ短期入所センター with one ventilator bed (longest
// stay 7 nights), two ventilated children (川越 湊, 所沢 ひなた), and 川越 湊 booked and confirmed
// (`kakehashi respite book`) for the night of the 11th of next month (Japan date). The nights are
// next month's, so they are always in the future whatever day the journey runs.
import assert from 'node:assert/strict';
import {
  byTestId,
  clickCentered,
  renderedText,
  screenshotWhenShowing,
  shown,
  waitForText,
} from '../helpers.js';
import { respiteNights } from '../wdio.conf.js';

// The passphrase wdio.conf.js set the seeded data directory up with.
const PASSPHRASE = 'heron-cobalt-lantern-meadow-58';
const FACILITY = 'すずかけ短期入所センター';
const CHILD = '所沢 ひなた';
const { month, first, middle, leave } = respiteNights();
const LAST = `${month}-12`;

/** Every night's bed text, to compare the calendar before and after the refusal. */
const calendarText = () =>
  browser.execute(() =>
    [...document.querySelectorAll('[data-testid^="night-2"]')].map((n) => `${n.dataset.date} ${n.innerText}`),
  );

describe('respite booking', () => {
  let before;

  it('unlocks and opens レスパイト on the facility', async () => {
    const field = await shown('unlock-passphrase', 60_000);
    await field.setValue(PASSPHRASE);
    await byTestId('unlock-submit').click();
    await (await shown('nav-respite', 60_000)).click();
    const facility = await shown('respite-facility');
    await waitForText(facility, FACILITY);
    await facility.click();
    await waitForText(await shown('respite-facility-name'), FACILITY);
  });

  it('shows the middle night full on next month’s calendar', async () => {
    await (await shown('calendar-next')).click();
    const [y, m] = month.split('-').map(Number);
    await waitForText(await shown('calendar-month'), `${y}年${m}月`);
    const full = await shown(`night-${middle}`);
    await waitForText(full, '人工呼吸器');
    assert.equal(
      (await renderedText(`night-${middle}`)).replace(/\s+/g, ' ').trim(),
      '11 満床 人工呼吸器 1/1',
      'the seeded booking holds the only ventilator bed on the middle night',
    );
    assert.equal(await full.getAttribute('data-full'), 'true', 'the middle night is marked full');
    assert.match(await renderedText(`night-${first}`), /人工呼吸器\s+0\/1/, 'the night before is free');
    before = await calendarText();
    await screenshotWhenShowing('respite-calendar', await byTestId('respite-calendar'), '人工呼吸器');
  });

  it('refuses 3 nights for the other child, naming the full night', async () => {
    const search = await shown('booking-child-search');
    await search.setValue('ところざわ');
    const option = await shown('booking-child-option');
    await waitForText(option, CHILD);
    await option.click();
    await waitForText(await shown('booking-child'), CHILD);

    await clickCentered(byTestId(`night-${first}`));
    await clickCentered(byTestId(`night-${LAST}`));
    assert.equal(await byTestId('booking-from').getValue(), first);
    assert.equal(await byTestId('booking-to').getValue(), leave, 'the child leaves the morning after the 12th');
    await waitForText(byTestId('booking-nights'), '3泊');
    await byTestId('booking-reason').setValue('家族の休息');
    await clickCentered(byTestId('booking-confirm'));

    const refusal = await shown('booking-refusal');
    await waitForText(refusal, '予約できませんでした');
    assert.equal(
      (await renderedText('booking-refusal-message')).trim(),
      `${middle} は満床です（人工呼吸器対応）。日程を変えるか、申込みのまま空きを待ってください。`,
      'the refusal names the middle night and the bed type',
    );
    const [, mm, dd] = middle.split('-');
    await waitForText(byTestId('booking-refused-night'), `${month.slice(0, 4)}/${mm}/${dd}`);
    await waitForText(refusal, '予約は登録されていません。');
    assert.match(
      await byTestId(`night-${middle}`).getAttribute('class'),
      /is-refused/,
      'the full night is framed on the calendar',
    );
    await screenshotWhenShowing('respite-refusal', await byTestId('respite-page'), `${middle} は満床です`);
  });

  it('booked nothing: the calendar is unchanged and the child has no stay', async () => {
    await waitForText(await shown('respite-stays'), 'まだレスパイトの予約はありません。');
    assert.deepEqual(await calendarText(), before, 'every night shows the beds it showed before');
    assert.equal(await byTestId('respite-waiting').isExisting(), false, 'no request was left waiting');
  });
});
