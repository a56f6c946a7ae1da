// Browser tests of follow-up (issue 10): live SLA countdowns on the board, My queue, the notification bell and the
// tenant calendar, against the real API with the demo tenant (its reps have open SLA clocks on a Berlin calendar).
// Run from web/: `node e2e/followup.mjs` (scripts/test-web.sh does).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiAs, launchBrowser, signIn, startApi } from './harness.mjs';

const shots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
let api;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  // The SLA check records warnings and breaches (and notifies) every few seconds instead of every minute.
  api = await startApi({ Sla__CheckIntervalSeconds: '5' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  api?.stop();
});

/** A fresh page, so a test that fakes the browser's clock does not leak it into the next. */
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`) });

test("a card's SLA countdown ticks while the board stays open, and turns to warning, then breach colours", async () => {
  const sales = await apiAs(api.base, 'sales@acme.test');
  // A clock more than an hour before its warning.
  const now = Date.now();
  const item = (await sales.get('/api/queue')).find(
    (i) =>
      i.sla?.status === 'Running' &&
      !i.sla.warned &&
      new Date(i.sla.warnAt).getTime() > now + 65 * 60_000,
  );
  assert.ok(item, 'the demo has a running clock before its warning');

  const page = await newPage();
  // Fake timers in the page: time flows as usual until the test jumps it forward, as a closed laptop lid would.
  await page.clock.install();
  await signIn(page, api.base, 'sales@acme.test');
  await page.fill('[data-testid=text-filter]', item.name.split(' ').pop());
  const sla = page.locator(`[data-lead-id="${item.id}"] [data-testid=sla]`).first();
  await sla.waitFor({ timeout: 15_000 });
  assert.equal(await sla.getAttribute('data-tone'), 'ok');
  const before = (await sla.textContent()).trim();
  assert.match(before, /left$/);

  const browserNow = () => page.evaluate(() => Date.now());
  const jumpTo = async (instant) =>
    page.clock.fastForward(
      Math.max(0, new Date(instant).getTime() - (await browserNow())) + 60_000,
    );

  // An hour on, whether the countdown shows minutes ("5h 10m") or days ("2d 21h").
  await page.clock.fastForward('01:01:00');
  await page.waitForFunction(
    ([el, text]) => document.querySelector(el)?.textContent.trim() !== text,
    [`[data-lead-id="${item.id}"] [data-testid=sla]`, before],
  );
  assert.match((await sla.textContent()).trim(), /left$/, 'still counting down');

  await jumpTo(item.sla.warnAt);
  await page.waitForSelector(`[data-lead-id="${item.id}"] [data-testid=sla][data-tone=warning]`);
  await shot(page, 'f01-card-warning');

  await jumpTo(item.sla.dueAt);
  await page.waitForSelector(`[data-lead-id="${item.id}"] [data-testid=sla][data-tone=breach]`);
  assert.match((await sla.textContent()).trim(), /late$/);
  await shot(page, 'f02-card-breach');
  await page.context().close();
});

test("My queue lists the rep's open leads by due time and links to each lead's clocks", async () => {
  const sales = await apiAs(api.base, 'sales@acme.test');
  const queue = await sales.get('/api/queue');
  assert.ok(queue.length >= 2, 'the rep has leads waiting');
  const page = await newPage();
  await signIn(page, api.base, 'sales@acme.test');
  await page.click('nav a:has-text("My queue")');
  await page.waitForURL(/\/queue$/);
  const rows = page.locator('[data-testid=queue-item]');
  await rows.first().waitFor();
  const dues = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-due')));
  assert.equal(dues.length, queue.length);
  const times = dues.filter(Boolean).map((d) => new Date(d).getTime());
  assert.ok(times.length >= 2, 'running clocks have due times');
  assert.deepEqual(
    times,
    [...times].sort((a, b) => a - b),
    'first due first',
  );
  assert.ok(
    dues.indexOf(null) === -1 || dues.slice(dues.indexOf(null)).every((d) => d === null),
    'clocks without a due time (paused) come last',
  );
  assert.ok(await rows.first().locator('[data-testid=sla]').count(), 'each counts down');
  await shot(page, 'f03-queue');

  const first = rows.first();
  const id = await first.getAttribute('data-lead-id');
  await first.locator('a').click();
  await page.waitForURL(new RegExp(`/leads/${id}$`));
  const clock = page.locator('[data-testid=sla-clock]').first();
  await clock.waitFor();
  assert.match(await clock.locator('[data-testid=sla-status]').textContent(), /Running|Paused/);
  assert.ok(await clock.locator('[data-testid=sla-due]').count(), 'the clock shows its due time');
  await shot(page, 'f04-lead-clocks');
  await page.context().close();
});

test('the bell shows the SLA notifications with the unread count, and reading one opens its lead', async () => {
  const admin = await apiAs(api.base, 'admin@acme.test');
  // The check records the demo's warned and breached clocks shortly after start, notifying the owner and admins.
  let list;
  for (let i = 0; i < 60; i++) {
    list = await admin.get('/api/notifications');
    if (list.unreadCount > 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.ok(list.unreadCount > 0, 'the SLA check notified the admin');

  const page = await newPage();
  await signIn(page, api.base, 'admin@acme.test');
  const bell = page.locator('[data-testid=bell]');
  await page.waitForFunction(() =>
    /\d+ unread/.test(
      document.querySelector('[data-testid=bell]')?.getAttribute('aria-label') ?? '',
    ),
  );
  const unread = Number((await bell.getAttribute('aria-label')).match(/(\d+) unread/)[1]);
  assert.ok(unread > 0);
  await bell.click();
  const item = page.locator('[data-testid=notification]').first();
  await item.waitFor();
  assert.match(await item.textContent(), /Warning|Breach/);
  await shot(page, 'f05-bell');
  await item.click();
  await page.waitForURL(/\/leads\/[0-9a-f-]+$/);
  await page.waitForFunction((n) => {
    const label = document.querySelector('[data-testid=bell]')?.getAttribute('aria-label') ?? '';
    const m = label.match(/(\d+) unread/);
    return (m ? Number(m[1]) : 0) < n;
  }, unread);
  await page.context().close();
});

test('an admin saves the tenant calendar and it comes back as saved', async () => {
  const page = await newPage();
  await signIn(page, api.base, 'admin@acme.test');
  await page.click('nav a:has-text("Settings")');
  await page.waitForURL(/\/settings\/calendar$/);
  const zone = page.locator('[data-testid=time-zone]');
  await zone.waitFor();
  assert.equal(await zone.inputValue(), 'Europe/Berlin');

  await page.fill('[data-testid=start-Monday]', '07:45');
  await page.locator('[data-testid=start-Monday]').dispatchEvent('change');
  await page.click('[data-testid=works-Saturday] input');
  await page.click('[data-testid=add-holiday]');
  await page.locator('[data-testid=holiday] input').last().fill('2031-12-24');
  await page.locator('[data-testid=holiday] input').last().dispatchEvent('change');
  // A bad time zone is refused beside its field, and nothing is saved.
  await zone.fill('Mars/Olympus');
  await page.click('[data-testid=save-calendar]');
  await page.locator('[data-testid=calendar] mat-error').first().waitFor();
  assert.match(
    await page.locator('[data-testid=calendar] mat-error').first().textContent(),
    /IANA time zone/,
  );
  await zone.fill('Europe/Vienna');
  await page.click('[data-testid=save-calendar]');
  await page.locator('[data-testid=calendar-notice]').waitFor();
  await shot(page, 'f06-calendar');

  await page.reload();
  await zone.waitFor();
  assert.equal(await zone.inputValue(), 'Europe/Vienna');
  assert.equal(await page.locator('[data-testid=start-Monday]').inputValue(), '07:45');
  assert.equal(await page.locator('[data-testid=start-Saturday]').inputValue(), '09:00');
  const holidays = await page
    .locator('[data-testid=holiday] input')
    .evaluateAll((els) => els.map((e) => e.value));
  assert.ok(holidays.includes('2031-12-24'), 'the new holiday is kept');
  const calendar = await (await apiAs(api.base, 'admin@acme.test')).get('/api/calendar');
  assert.equal(calendar.timeZone, 'Europe/Vienna');
  assert.ok(calendar.workingHours.some((h) => h.day === 'Saturday'));
  await page.context().close();
});

test('an admin turns the SLA numbers into terms and edits one: a bad warning is refused beside its field, the diff names the change', async () => {
  const page = await newPage();
  await signIn(page, api.base, 'admin@acme.test');
  await page.goto(`${api.base}/agreement`);
  await page.click('[data-testid=start-draft]');
  await page.waitForURL(/\/agreement\/drafts\/[0-9a-f-]+$/);
  await page.click('[data-testid=convert-sla-terms]');
  // The click resolves before the next change detection renders the terms.
  await page.locator('[data-testid=sla-term]').nth(1).waitFor();
  assert.equal(await page.locator('[data-testid=sla-term]').count(), 2, 'one term per number');
  const term = page.locator('[data-testid=sla-term]').first();
  await term.locator('[data-testid=term-name]').fill('First touch');
  await term.locator('[data-testid=term-target]').fill('2');
  await term.locator('[data-testid=term-warning]').fill('100');
  await page.click('[data-testid=save-draft]');
  await term.locator('mat-error').first().waitFor();
  assert.match(await term.locator('mat-error').first().textContent(), /Warn between 1% and 99%/);
  assert.match(
    await page.locator('[data-testid=draft-errors]').textContent(),
    /Service levels › term 1 \(First touch\) › warningPercent/,
  );
  await term.scrollIntoViewIfNeeded();
  await shot(page, 'f07-sla-term-problem');

  await term.locator('[data-testid=term-warning]').fill('50');
  await page.click('[data-testid=save-draft]');
  await page.locator('[data-testid=save-notice]').waitFor();
  assert.match(
    await page.locator('[data-testid=save-notice]').textContent(),
    /Saved as revision 2/,
  );
  await page.getByRole('tab', { name: 'What changes' }).click();
  await page.locator('[data-testid=change]').first().waitFor();
  const diff = await page.locator('[data-testid=diff]').textContent();
  assert.match(diff, /First touch: target \(hours\) \d+ → 2/);
  assert.match(diff, /First touch: warning at \(%\) 75 → 50/);
  assert.doesNotMatch(diff, /SLA removed/, 'turning the numbers into terms keeps both clocks');
  await shot(page, 'f08-sla-term-diff');
  await page.context().close();
});

test("an admin plans a rep's absence from the users page, and the rep sees it as their own", async () => {
  const page = await newPage();
  await signIn(page, api.base, 'admin@acme.test');
  await page.click('nav a:has-text("Users")');
  await page.locator('[aria-label="Availability of sofia@acme.test"]').click();
  await page.waitForURL(/\/admin\/users\/[0-9a-f-]+\/availability$/);
  await page.locator('h2:has-text("Availability of")').waitFor();
  await page.click('[data-testid=add-away]');
  await page.locator('[data-testid=away-from]').fill('2031-03-03T09:00');
  await page.locator('[data-testid=away-from]').dispatchEvent('change');
  await page.locator('[data-testid=away-to]').fill('2031-03-07T18:00');
  await page.locator('[data-testid=away-to]').dispatchEvent('change');
  await page.locator('[data-testid=away-note]').fill('Trade fair');
  await page.click('[data-testid=save-availability]');
  await page.locator('[data-testid=availability-notice]').waitFor();
  await shot(page, 'f09-user-availability');
  await page.context().close();

  const rep = await newPage();
  await signIn(rep, api.base, 'sofia@acme.test');
  await rep.goto(`${api.base}/settings/availability`);
  await rep.locator('[data-testid=away-period]').first().waitFor();
  assert.equal(await rep.locator('[data-testid=away-note]').first().inputValue(), 'Trade fair');
  assert.equal(
    await rep.locator('[data-testid=away-from]').first().inputValue(),
    '2031-03-03T09:00',
  );
  const mine = await (await apiAs(api.base, 'sofia@acme.test')).get('/api/me/availability');
  // Stored in UTC: the instant the admin's browser meant.
  assert.equal(
    new Date(mine.outOfOffice[0].from).getTime(),
    new Date('2031-03-03T09:00').getTime(),
  );
  await rep.context().close();
});
