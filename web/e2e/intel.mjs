// Browser test of field intelligence (issue 14): a rep tags what they heard on a call in a few keystrokes, adding a
// competitor to the tenant's list on the fly, and the Field intel page counts it, down to the lead and its note.
// Run from web/: `node e2e/intel.mjs` (scripts/test-web.sh does).
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
  api = await startApi();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  api?.stop();
});

const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`) });

test('a rep tags a call with a new competitor and a pain, and the Field intel page shows it', async () => {
  const sales = await apiAs(api.base, 'sales@acme.test');
  const lead = (await sales.get('/api/queue'))[0];
  assert.ok(lead, 'the rep has a lead to call');
  // A label no demo list has, so the picker must add it.
  const competitor = `Close ${Date.now().toString(36)}`;

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await signIn(page, api.base, 'sales@acme.test');
  await page.goto(`${api.base}/leads/${lead.id}`);
  const form = page.locator('[data-testid=activity-form]');
  await form.waitFor();

  // Collapsed by default: tagging is optional.
  const capture = form.locator('[data-testid=intel-capture]');
  assert.equal(await capture.evaluate((d) => d.open), false);
  await capture.locator('[data-testid=intel-toggle]').click();

  const competitors = capture.locator('[data-testid=tag-picker][data-kind=Competitor]');
  await competitors.locator('[data-testid=tag-input]').fill(competitor);
  await competitors.locator('[data-testid=tag-add]').waitFor();
  await competitors.locator('[data-testid=tag-input]').press('Enter');
  await competitors.locator(`[data-testid=tag-chip][data-tag="${competitor}"]`).waitFor();

  // A demo pain, picked by typing part of it; on a list without it, Enter adds it.
  const pains = capture.locator('[data-testid=tag-picker][data-kind=Pain]');
  await pains.locator('[data-testid=tag-input]').fill('Manual reporting');
  await pains.locator('[data-testid=tag-option], [data-testid=tag-add]').first().waitFor();
  await pains.locator('[data-testid=tag-input]').press('Enter');
  await pains.locator('[data-testid=tag-chip][data-tag="Manual reporting"]').waitFor();

  await capture.locator('[data-verdict=Resonated]').click();
  await capture
    .locator('[data-testid=intel-note]')
    .fill(`Evaluating ${competitor}; hates manual reports.`);
  await shot(page, 'i01-tagging-a-call');
  await form.locator('[data-testid=record-activity]').click();

  const heard = page
    .locator('[data-testid=activities] [data-testid=intel-record]')
    .filter({ hasText: competitor });
  await heard.waitFor();
  assert.match(await heard.textContent(), /Manual reporting/);
  assert.equal(
    await capture.evaluate((d) => d.open),
    false,
    'the form collapses again after saving',
  );
  await shot(page, 'i02-journey-shows-intel');

  await page.click('nav a:has-text("Field intel")');
  await page.waitForURL(/\/intel$/);
  const row = page.locator(`[data-testid=competitor-row][data-label="${competitor}"]`);
  await row.waitFor();
  assert.equal((await row.locator('[data-testid=competitor-leads]').textContent()).trim(), '1');
  await row.locator('[data-testid=competitor-leads]').click();
  const drill = page.locator('[data-testid=intel-drill-down]');
  await drill.locator('[data-testid=intel-drill-row]').first().waitFor();
  assert.equal((await drill.locator('[data-testid=intel-drill-total]').textContent()).trim(), '1');
  assert.match(await drill.textContent(), new RegExp(`Evaluating ${competitor}`));
  await shot(page, 'i03-field-intel');
  await context.close();
});
