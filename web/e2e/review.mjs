// Browser tests of the joint review (issue 14): the Review page shows the brief, and an admin's decision to change a
// scoring rule's points opens the agreement draft with the change in it. Against the real API with the demo tenant.
// Run from web/: `node e2e/review.mjs` (scripts/test-web.sh does).
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

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`) });

/** The next review with a brief: the demo's upcoming one, or (without the demo's reviews) one set up here. */
async function nextReviewWithBrief(admin) {
  const cadence = await admin.get('/api/reviews/cadence');
  if (!cadence.configured) {
    await admin.send(
      'PUT',
      '/api/reviews/cadence',
      { ...cadence, everyWeeks: 2, firstDate: new Date().toISOString().slice(0, 10) },
      200,
    );
  }
  const next = (await admin.get('/api/reviews')).find((r) => !r.isPast);
  assert.ok(next, 'a review is next');
  if (!next.latestBriefVersion) await admin.send('POST', `/api/reviews/${next.id}/brief`, undefined, 201);
  return next;
}

test('the Review page shows the brief, section by section, with its version', async () => {
  const admin = await apiAs(api.base, 'admin@acme.test');
  const review = await nextReviewWithBrief(admin);
  const brief = await admin.get(`/api/reviews/${review.id}/brief`);

  const page = await newPage();
  await signIn(page, api.base, 'marketing@acme.test');
  await page.click('a:has-text("Reviews")');
  await page.click(`[data-testid=review-row] a[href="/reviews/${review.id}"]`);
  const view = page.locator('[data-testid=brief]');
  await view.waitFor();
  for (const section of brief.content.sections) {
    const shown = view.locator(`[data-section="${section.key}"]`);
    assert.equal(await shown.locator('h2').textContent(), section.title);
    if (section.items.length) {
      assert.equal((await shown.locator('.item p').first().textContent()).trim(), section.items[0].text);
    }
  }
  const picker = page.getByLabel('Brief version');
  assert.equal(await picker.inputValue(), String(brief.version));
  await shot(page, 'review-brief');
});

test("an admin records a decision to change a scoring rule's points, and the draft editor opens with it", async () => {
  const admin = await apiAs(api.base, 'admin@acme.test');
  const review = await nextReviewWithBrief(admin);
  const active = await admin.get('/api/agreement');
  const rule = active.agreement.scoring.fitRules.find((r) => r.id === 'title-director');
  assert.ok(rule, 'the demo agreement has the title-director fit rule');
  const points = rule.points + 5;

  const page = await newPage();
  await signIn(page, api.base, 'admin@acme.test');
  await page.goto(`${api.base}/reviews/${review.id}`);
  await page.locator('[data-testid=brief]').waitFor();
  const form = page.getByRole('form', { name: 'Record a decision' });
  await form.locator('select[name=kind]').selectOption('setRulePoints');
  await form.locator('select[name=rule]').selectOption('Fit|title-director');
  await form.locator('input[name=points]').fill(String(points));
  await form.locator('input[name=text]').fill('Directors decide more often than we scored them');
  await form.getByRole('button', { name: 'Record decision' }).click();

  await page.waitForURL(/\/agreement\/drafts\/[0-9a-f-]+$/);
  const draftId = page.url().split('/').pop();
  const draft = await admin.get(`/api/agreement/drafts/${draftId}`);
  const index = draft.agreement.scoring.fitRules.findIndex((r) => r.id === 'title-director');
  assert.equal(draft.agreement.scoring.fitRules[index].points, points);
  const shown = page.locator('[data-testid=fit-rule]').nth(index).locator('[data-testid=fit-points]');
  await shown.waitFor();
  assert.equal(await shown.inputValue(), String(points));
  await shot(page, 'review-decision-draft');

  const decisions = (await admin.get(`/api/reviews/${review.id}`)).decisions;
  const decision = decisions.at(-1);
  assert.equal(decision.draftId, draftId);
  assert.equal(decision.text, 'Directors decide more often than we scored them');
});
