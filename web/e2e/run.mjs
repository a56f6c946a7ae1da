// End-to-end tests: Debian's Chromium (driven by playwright-core) against the real API on a fresh SQLite
// database with the demo tenant (see support.mjs). Run from web/: `node e2e/run.mjs` (scripts/test-web.sh does).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  base,
  findCard,
  get,
  launchBrowser,
  shots,
  signIn as signInAt,
  startApi,
  stopApi,
  token,
  watchPolicyViolations,
} from './support.mjs';

let browser;
let page;
let refusedByPolicy;

// ---------- browser helpers ----------
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });

const signIn = (email) => signInAt(page, email);

async function signOut() {
  await page.click('button:has-text("Sign out")');
  await page.waitForURL(/\/login/);
}

/** Narrows the board by the lead's last name (the API searches field by field) so its card is in the rendered window. */
async function showOnly(card) {
  const lastName = card.name.split(' ').pop();
  await page.fill('[data-testid=text-filter]', lastName);
  await page.locator(`[data-lead-id="${card.id}"]`).first().waitFor({ timeout: 15_000 });
}

const cardIn = (state, id) =>
  page.locator(`[data-testid=column][data-state="${state}"] [data-lead-id="${id}"]`);

/** Drags a card onto another column the way a user does, checking the column highlight on the way. */
async function drag(id, fromState, toState, expectHint) {
  const source = cardIn(fromState, id).locator('.company');
  const target = page.locator(`[data-testid=column][data-state="${toState}"] .body`);
  await source.scrollIntoViewIfNeeded();
  const s = await source.boundingBox();
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2 + 12, s.y + s.height / 2 + 12, { steps: 4 });
  if (expectHint) {
    await page.waitForSelector(`[data-testid=column][data-state="${toState}"].${expectHint}`, {
      timeout: 10_000,
    });
  }
  await target.scrollIntoViewIfNeeded().catch(() => {});
  const t = await target.boundingBox();
  await page.mouse.move(t.x + t.width / 2, t.y + Math.min(120, t.height / 2), { steps: 15 });
  await page.waitForTimeout(150);
  await page.mouse.up();
}

// ---------- the tests ----------
before(async () => {
  mkdirSync(shots, { recursive: true });
  await startApi();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  refusedByPolicy = watchPolicyViolations(page);
});

after(async () => {
  await browser?.close();
  stopApi();
});

test('marketing signs in and sees every column with its count', async () => {
  await page.goto(`${base}/`);
  await page.waitForURL(/\/login/);
  await shot('01-login');
  await signIn('marketing@acme.test');
  const tok = await token('marketing@acme.test');
  const board = await get(tok, '/api/board?take=1');
  const labels = await page.locator('[data-testid=column] h2').allTextContents();
  assert.equal(labels.length, 10);
  for (const column of board.columns) {
    const count = await page
      .locator(`[data-testid=column][data-state="${column.state}"] [data-testid=count]`)
      .textContent();
    assert.equal(Number(count.trim()), column.count, `count of ${column.state}`);
  }
  assert.ok(board.columns.reduce((s, c) => s + c.count, 0) >= 100, 'the demo tenant has leads');
  await shot('02-board-marketing');
});

test('dragging a Scored lead that misses the MQL criteria is refused and names the unmet criterion', async () => {
  const tok = await token('marketing@acme.test');
  const { card, option } = await findCard(
    tok,
    'Scored',
    'Qualify',
    (o) => o.allowed && o.criteria.some((c) => !c.passed && /fit/i.test(c.description)),
  );
  const unmet = option.criteria.filter((c) => !c.passed).map((c) => c.description);
  await showOnly(card);
  await drag(card.id, 'Scored', 'MQL', 'blocked');
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /refused/i);
  for (const description of unmet) assert.ok(text.includes(description), `names "${description}"`);
  await cardIn('Scored', card.id).waitFor(); // snapped back
  assert.equal(await cardIn('MQL', card.id).count(), 0);
  await shot('03-refused-move');
});

test('recording an activity advances a lead that only lacked engagement', async () => {
  const tok = await token('marketing@acme.test');
  const { card } = await findCard(tok, 'Scored', 'Qualify', (o) => {
    const unmet = o.criteria.filter((c) => !c.passed);
    return unmet.length > 0 && unmet.every((c) => /engagement|activity/i.test(c.description));
  });
  await page.goto(`${base}/leads/${card.id}`);
  await page.waitForSelector('[data-testid=lead-state]');
  assert.equal((await page.locator('[data-testid=lead-state]').textContent()).trim(), 'Scored');
  await page.click('[data-testid=activity-type]');
  await page.click('mat-option:has-text("Meeting")');
  await page.fill('[data-testid=activity-form] input[name=title]', 'Discovery meeting');
  await page.click('[data-testid=record-activity]');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=lead-state]')?.textContent.trim() === 'MQL',
  );
  assert.match(await page.locator('[data-testid=lead-notice]').textContent(), /advanced to MQL/);
  assert.match(await page.locator('[data-testid=activities]').textContent(), /Discovery meeting/);
  await shot('04-activity-advanced');
});

let accepted;

test('sales accepts an MQL by dragging it to Sales accepted', async () => {
  await page.goto(`${base}/board`);
  await signOut();
  await signIn('sales@acme.test');
  await shot('05-board-sales');
  const tok = await token('sales@acme.test');
  const { card } = await findCard(tok, 'MQL', 'Accept', (o) => o.allowed && o.criteriaMet);
  accepted = card;
  await showOnly(card);
  await drag(card.id, 'MQL', 'SalesAccepted', 'valid');
  await cardIn('SalesAccepted', card.id).waitFor({ timeout: 15_000 });
  assert.match(await page.locator('[data-testid=notice]').textContent(), /moved to Sales accepted/);
  await shot('06-accepted');
});

test('sales rejects another MQL with a reason chosen in the dialog', async () => {
  const tok = await token('sales@acme.test');
  const { card } = await findCard(tok, 'MQL', 'Reject', (o) => o.allowed && o.reasons.length > 0, [
    accepted.id,
  ]);
  await showOnly(card);
  await drag(card.id, 'MQL', 'Nurture', 'valid');
  const dialog = page.locator('mat-dialog-container');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Not a decision maker/);
  await dialog.locator('mat-radio-button').first().locator('input').check();
  await dialog.locator('textarea').fill('Asked us to talk to their manager');
  await shot('07-reason-dialog');
  await dialog.locator('[data-testid=confirm-reason]').click();
  await cardIn('Nurture', card.id).waitFor({ timeout: 15_000 });
  const history = await get(tok, `/api/leads/${card.id}/history`);
  const last = history.transitions.find((t) => t.trigger === 'Reject');
  assert.ok(last?.reasonCode, 'the reject is recorded with its reason');
  assert.equal(last.note, 'Asked us to talk to their manager');
  await shot('08-rejected');
});

test('the keyboard alone can move a card: "Move…" menu, reason dialog, confirm', async () => {
  const tok = await token('sales@acme.test');
  const { card } = await findCard(
    tok,
    'SalesAccepted',
    'Recycle',
    (o) => o.allowed && o.reasons.length > 0,
    [accepted.id],
  );
  await showOnly(card);
  await cardIn('SalesAccepted', card.id).locator('[data-testid=move-menu]').focus();
  await page.keyboard.press('Enter');
  await page.locator('[mat-menu-item][data-trigger=Recycle]').waitFor();
  for (let i = 0; i < 12; i++) {
    if (
      await page.evaluate(() => document.activeElement?.getAttribute('data-trigger') === 'Recycle')
    )
      break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  const dialog = page.locator('mat-dialog-container');
  await dialog.waitFor();
  // The dialog moves focus to the first reason once it has opened; keys typed before that are lost.
  await page.waitForFunction(() => document.activeElement?.closest('mat-radio-button'));
  await page.keyboard.press('Space');
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=confirm-reason]')?.disabled,
  );
  for (let i = 0; i < 8; i++) {
    if (
      await page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') === 'confirm-reason',
      )
    )
      break;
    await page.keyboard.press('Tab');
  }
  await shot('09-keyboard-reason');
  await page.keyboard.press('Enter');
  await cardIn('Nurture', card.id).waitFor({ timeout: 15_000 });
  const history = await get(tok, `/api/leads/${card.id}/history`);
  assert.ok(
    history.transitions.some((t) => t.trigger === 'Recycle' && t.reasonCode),
    'recycled with a reason',
  );
});

test('the lead page shows the stage history, from the creation on, with the agreement version and criteria', async () => {
  await page.goto(`${base}/leads/${accepted.id}`);
  await page.waitForSelector('[data-testid=history-entry]');
  const first = page.locator('[data-testid=history-entry]').first();
  const text = await first.textContent();
  assert.match(text, /MQL → Sales accepted/);
  assert.match(text, /agreement v\d+/);
  assert.match(text, /by Sam|by .+/);
  await first.locator('summary').click();
  assert.match(await first.locator('[data-testid=criteria]').textContent(), /phone/i);
  assert.ok(
    (await page.locator('[data-testid=history-entry]').count()) >= 2,
    'earlier moves are listed too',
  );
  // The history starts with the lead's creation: the server sends it first, the page (newest first) shows it last,
  // below the automatic Score that the same command made at the same instant.
  const tok = await token('sales@acme.test');
  const history = await get(tok, `/api/leads/${accepted.id}/history`);
  assert.equal(history.transitions[0].kind, 'Created');
  assert.equal(history.transitions[0].to, 'Raw');
  const entries = page.locator('[data-testid=history-entry]');
  const oldest = entries.last();
  assert.equal(await oldest.getAttribute('data-kind'), 'Created');
  const created = (await oldest.textContent()).replace(/\s+/g, ' ');
  assert.match(created, /Created in Raw · by Mia Marketing/);
  assert.doesNotMatch(created, /undefined|→/);
  if (history.transitions[1]?.occurredAt === history.transitions[0].occurredAt) {
    const next = await entries.nth((await entries.count()) - 2).textContent();
    assert.match(next, /Raw → Scored/, 'a same-instant move stays after the creation');
  }
  await shot('10-lead-history');
});

test('the agreement page shows the guards in plain language and draws the state machine', async () => {
  await page.goto(`${base}/agreement`);
  await page.waitForSelector('[data-testid=agreement-version]');
  const body = await page.locator('main').textContent();
  assert.match(body, /Fit score at least 30/);
  assert.match(body, /Not a decision maker/);
  await page.waitForSelector('app-mermaid-diagram svg', { timeout: 20_000 });
  await shot('11-agreement');
});

// ---------- the agreement: draft, simulate, sign off, activate ----------
// The demo seed has Scored leads whose engagement lies between 10 and the default MQL threshold of 25 and who
// were active recently: lowering the threshold to 10 is a change that moves some of them.
const lowered = 10;
let mqlBefore;
// The demo tenant already lives under more than one version; the draft becomes the next one.
let draftVersion;
let draftUrl;
let movedLead;

/** Signs in as `email`, signing out whoever is signed in first. */
async function signInAs(email) {
  await page.goto(`${base}/board`);
  await page.waitForSelector('button:has-text("Sign out"), input[name=tenant]');
  if (await page.locator('button:has-text("Sign out")').count()) await signOut();
  await signIn(email);
}

const mqlCount = async () =>
  Number(
    (
      await page.locator('[data-testid=column][data-state="MQL"] [data-testid=count]').textContent()
    ).trim(),
  );

test('admin starts a draft and edits the MQL engagement threshold; a bad value is refused beside its field', async () => {
  await signInAs('admin@acme.test');
  mqlBefore = await mqlCount();
  draftVersion = (await get(await token('admin@acme.test'), '/api/agreement')).version + 1;
  await page.goto(`${base}/agreement`);
  await page.click('[data-testid=start-draft]');
  await page.waitForURL(/\/agreement\/drafts\/[0-9a-f-]+$/);
  draftUrl = page.url();
  const criterion = page.locator('[data-criterion-id="mql-engagement"]');
  const value = criterion.locator('[data-testid=criterion-value]');
  await value.waitFor();
  assert.equal(await value.inputValue(), '25');

  // The API validates the whole agreement; its error names the field, and the editor shows it there.
  await value.fill('-5');
  await page.click('[data-testid=save-draft]');
  await criterion.locator('.field-error').waitFor();
  assert.match(await criterion.locator('.field-error').textContent(), /cannot be negative/);
  assert.match(await page.locator('[data-testid=draft-errors]').textContent(), /Qualify as MQL/);
  // The summary's link brings the field into view and focuses it.
  await page.locator('[data-testid=draft-errors] button').first().click();
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('data-testid') === 'criterion-value',
  );
  await shot('12-draft-validation');

  await value.fill(String(lowered));
  const description = criterion.locator('[data-testid=criterion-description]');
  assert.equal(await description.inputValue(), `Engagement score at least ${lowered}`);
  await page.click('[data-testid=save-draft]');
  await page.locator('[data-testid=save-notice]').waitFor();
  assert.match(
    await page.locator('[data-testid=save-notice]').textContent(),
    /Saved as revision 2/,
  );
  assert.equal(await page.locator('[data-testid=draft-errors]').count(), 0);
  await criterion.scrollIntoViewIfNeeded();
  await shot('13-draft-editor');

  await page.getByRole('tab', { name: 'What changes' }).click();
  await page.locator('[data-testid=change]').first().waitFor();
  assert.match(
    await page.locator('[data-testid=diff]').textContent(),
    new RegExp(`engagement score threshold 25 → ${lowered}`),
  );
  await page.getByRole('tab', { name: 'State machine' }).click();
  await page.waitForSelector('[data-testid=draft-diagram] svg', { timeout: 20_000 });
  assert.match(
    await page.locator('[data-testid=draft-diagram] svg').textContent(),
    new RegExp(`Engagement score at least ${lowered}`),
  );
});

test('the simulation shows the leads the lower threshold will move, with samples linking to them', async () => {
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await page.click('[data-testid=run-simulation]');
  const figure = page.locator('[data-testid=sim-will-move] .n');
  await figure.waitFor({ timeout: 30_000 });
  const willMove = Number((await figure.textContent()).replace(/\D/g, ''));
  const now = Number(await page.locator('[data-testid=sim-mql-now]').textContent());
  const after = Number(await page.locator('[data-testid=sim-mql-after]').textContent());
  assert.ok(
    willMove > 0,
    `lowering the threshold to ${lowered} moves some leads (simulation says ${willMove})`,
  );
  assert.equal(after - now, willMove, 'every lead that moves becomes an MQL');
  const qualify = page.locator('[data-testid=sim-transitions] tr[data-trigger="Qualify"]');
  assert.equal(Number(await qualify.locator('[data-testid=will-move]').textContent()), willMove);
  const sample = page.locator('.impact[data-trigger="Qualify"] [data-testid=sample-lead]').first();
  movedLead = {
    id: (await sample.getAttribute('href')).split('/').pop(),
    name: (await sample.textContent()).trim(),
  };
  await shot('14-simulation');
});

test('marketing sees the approval banner on the board and approves', async () => {
  await signInAs('marketing@acme.test');
  const banner = page.locator('[data-testid=approval-banner]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /awaits your approval\s+as Marketing/);
  await shot('15-board-banner');
  await banner.locator('[data-testid=review-draft]').click();
  await page.waitForURL(draftUrl);
  await page.click('[data-testid=approve-Marketing]');
  await page.locator('[data-testid=approvals] li:has-text("Marketing")').waitFor();
  assert.match(await page.locator('[data-testid=missing-approvals]').textContent(), /Sales/);
  assert.equal(await page.locator('[data-testid=approve-Marketing]').count(), 0);
});

test('sales approves too, and the draft is signed off', async () => {
  await signInAs('sales@acme.test');
  const banner = page.locator('[data-testid=approval-banner]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /as Sales/);
  await banner.locator('[data-testid=review-draft]').click();
  await page.waitForURL(draftUrl);
  await page.click('[data-testid=approve-Sales]');
  await page.locator('[data-testid=signed-off]').waitFor();
  const approvals = await page.locator('[data-testid=approvals]').textContent();
  assert.match(approvals, /Marketing/);
  assert.match(approvals, /Sales/);
  await shot('16-approvals');
});

test('admin activates the draft and follows the re-scoring until it completes', async () => {
  await signInAs('admin@acme.test');
  await page.goto(draftUrl);
  const activate = page.locator('[data-testid=activate]');
  await activate.waitFor();
  assert.equal(await activate.isEnabled(), true, 'signed off by both teams');
  await activate.click();
  const done = page.locator('[data-testid=activation][data-status="Completed"]');
  await done.waitFor({ timeout: 120_000 });
  assert.match(await done.textContent(), /[1-9]\d* moved/);
  await shot('17-activation');
  const tok = await token('admin@acme.test');
  const active = await get(tok, '/api/agreement');
  assert.equal(active.version, draftVersion);
  const audit = await get(tok, '/api/agreement/audit');
  for (const action of ['Drafted', 'Edited', 'Approved', 'Activated'])
    assert.ok(
      audit.some((a) => a.version === draftVersion && a.action === action),
      `audited: ${action}`,
    );
});

test('the board shows the leads the new MQL definition moved', async () => {
  await signInAs('marketing@acme.test');
  const now = await mqlCount();
  assert.ok(now > mqlBefore, `MQL column grew from ${mqlBefore} (now ${now})`);
  assert.equal(await page.locator('[data-testid=approval-banner]').count(), 0);
  await showOnly(movedLead);
  await cardIn('MQL', movedLead.id).waitFor();
  const tok = await token('marketing@acme.test');
  const history = await get(tok, `/api/leads/${movedLead.id}/history`);
  const qualify = history.transitions.findLast((t) => t.trigger === 'Qualify');
  assert.equal(qualify?.agreementVersion, draftVersion, 'the move records the new version');
  await page.fill('[data-testid=text-filter]', '');
  await page.waitForFunction(
    (n) =>
      Number(
        document.querySelector('[data-testid=column][data-state="MQL"] [data-testid=count]')
          ?.textContent,
      ) === n,
    now,
  );
  await shot('18-board-after');
});

// ---------- routing: the demo's teams and the fairness ledger ----------
test('admin sees the demo teams the agreement routes to, and sales the fairness ledger', async () => {
  await signInAs('admin@acme.test');
  await page.goto(`${base}/admin/teams`);
  await page.locator('[data-testid=team]').first().waitFor();
  const names = await page.locator('[data-testid=team] h2').allTextContents();
  assert.deepEqual(names.map((n) => n.trim()).sort(), ['EMEA sales', 'Qualification']);
  for (const team of await page.locator('[data-testid=team]').all())
    assert.match(await team.textContent(), /routed to by the active agreement/);
  await shot('19-teams');

  await signInAs('sales@acme.test');
  await page.goto(`${base}/routing/fairness`);
  await page.locator('[data-testid=fairness-team]').first().waitFor();
  assert.equal(await page.locator('[data-testid=fairness-team]').count(), 2);
  await shot('20-fairness');
});

test('every page above worked under the Content-Security-Policy the API sends with the app', async () => {
  const index = await fetch(`${base}/board`);
  const policy = index.headers.get('content-security-policy') ?? '';
  assert.match(policy, /script-src 'self';/);
  assert.doesNotMatch(policy, /script-src[^;]*unsafe/);
  assert.deepEqual(refusedByPolicy, []);
});
