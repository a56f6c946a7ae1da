// Browser test of the live board on several instances (issue 13): two API instances on one PostgreSQL database and
// one Redis (the SignalR backplane) behind nginx, which keeps each browser on one instance by cookie as App Service's
// ARR affinity does; marketing's browser is on instance A and sales' on instance B. Each sees the other's move within
// a second without reloading, with who made it, and a card being dragged snaps back when the other moves it. Run from
// web/: `node e2e/live.mjs` (scripts/test-web.sh does); it needs redis-server, nginx and psql.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  affinityFor,
  apiAs,
  createPostgresDatabase,
  dragCard,
  launchBrowser,
  newSigningKey,
  signIn,
  signUpTenant,
  startApi,
  startBalancer,
  startRedis,
} from './harness.mjs';

const shots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
/** A push must reach the other board this soon after the move's response (the commit precedes both). */
const LIVE_MS = 1000;

let redis;
let database;
let a;
let b;
let balancer;
let browser;
let tenant;
/** Marketing's board on instance A and sales' on instance B. */
let marketing;
let sales;
let leads;

before(async () => {
  mkdirSync(shots, { recursive: true });
  redis = await startRedis();
  database = createPostgresDatabase('l2r_live');
  const settings = {
    Database__Provider: 'Postgres',
    ConnectionStrings__L2R: database.connectionString,
    Auth__SigningKey: newSigningKey(),
    Redis__Configuration: redis.configuration,
  };
  // One at a time: the first applies the migrations to the fresh database.
  a = await startApi(settings);
  b = await startApi(settings);
  balancer = await startBalancer([a.base, b.base]);
  leads = await seed();
  browser = await launchBrowser();
  marketing = await boardOn(a.base, 'mia@live.test');
  sales = await boardOn(b.base, 'sam@live.test');
});

after(async () => {
  await browser?.close();
  balancer?.stop();
  b?.stop();
  a?.stop();
  // The instances need a moment to close their connections; FORCE ends any that remain.
  database?.drop();
  redis?.stop();
});

/**
 * A tenant with a marketer, a rep and four MQLs, made through the API as people would, through both instances (so
 * each has pushed before the test measures a push: its first one also compiles the queries that build the cards).
 */
async function seed() {
  tenant = await signUpTenant(a.base, 'Live Board', 'admin@live.test', 'Ada Admin');
  const admin = await apiAs(a.base, 'admin@live.test', tenant);
  const people = [
    { email: 'mia@live.test', displayName: 'Mia Marketer', roles: ['Marketing'] },
    { email: 'sam@live.test', displayName: 'Sam Rep', roles: ['Sales'] },
  ];
  for (const person of people) {
    await admin.send('POST', '/api/users', { ...person, password: 'L2R-demo-2026!' }, 201);
  }
  const through = [
    await apiAs(a.base, 'mia@live.test', tenant),
    await apiAs(b.base, 'mia@live.test', tenant),
  ];
  const made = [];
  for (const [i, [first, last]] of [
    ['Vera', 'Vance'],
    ['Omar', 'Okoye'],
    ['Lena', 'Lindqvist'],
    ['Raj', 'Rao'],
  ].entries()) {
    const mia = through[i % 2];
    const { lead } = await mia.send(
      'POST',
      '/api/leads',
      {
        firstName: first,
        lastName: last,
        email: `${first.toLowerCase()}@globex.example`,
        company: 'Globex',
        title: 'VP Operations',
        companySize: 500,
        industry: 'Software',
        phone: '+1 555 0100',
        source: 'Website',
      },
      201,
    );
    // Enough engagement for the agreement's MQL criteria: the lead advances on its own.
    await mia.send('POST', `/api/leads/${lead.id}/activities`, {
      type: 'Webinar',
      title: 'Pipeline webinar',
    });
    const moved = await mia.send('POST', `/api/leads/${lead.id}/activities`, {
      type: 'FormSubmission',
      title: 'Pricing form',
    });
    assert.equal(moved.lead.state, 'MQL', `${first} ${last} became an MQL`);
    made.push(moved.lead);
  }
  return made;
}

/** A browser signed in through the balancer and kept on the instance at `instance`, hub connection included. */
async function boardOn(instance, email) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  await context.addCookies([
    { name: 'l2r_affinity', value: await affinityFor(balancer.base, instance), url: balancer.base },
  ]);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`${email} page error:`, e.message));
  const negotiated = page.waitForResponse((r) => r.url().includes('/hubs/board/negotiate'));
  await signIn(page, balancer.base, email, tenant);
  await page.waitForSelector('[data-testid=live-status][data-status=connected]', {
    timeout: 15_000,
  });
  assert.equal(
    (await negotiated).headers()['x-l2r-upstream'],
    new URL(instance).host,
    `${email}'s board is connected to its own instance`,
  );
  return page;
}

const cardIn = (page, state, id) =>
  page.locator(`[data-testid=column][data-state="${state}"] [data-lead-id="${id}"]`);

const countOf = async (page, state) =>
  Number(
    (
      await page
        .locator(`[data-testid=column][data-state="${state}"] [data-testid=count]`)
        .textContent()
    ).trim(),
  );

test('sales drags a lead on instance B; marketing sees it move on instance A within a second, with who moved it', async () => {
  const lead = leads[0];
  const mqlBefore = await countOf(marketing, 'MQL');
  const response = sales.waitForResponse((r) =>
    r.url().endsWith(`/api/leads/${lead.id}/transitions`),
  );
  await dragCard(sales, lead.id, 'MQL', 'SalesAccepted');
  assert.equal((await response).status(), 200, 'the rep accepted the lead');
  const answered = Date.now();
  await cardIn(marketing, 'SalesAccepted', lead.id).waitFor({ timeout: LIVE_MS });
  const seenAfter = Date.now() - answered;
  assert.ok(seenAfter <= LIVE_MS, `seen ${seenAfter} ms after the move`);
  assert.equal(await cardIn(marketing, 'MQL', lead.id).count(), 0);
  assert.equal(await countOf(marketing, 'MQL'), mqlBefore - 1);
  assert.match(
    await cardIn(marketing, 'SalesAccepted', lead.id)
      .locator('[data-testid=remote-change]')
      .textContent(),
    /^moved by Sam Rep, \d+ s ago$/,
  );
  // The rep's own board shows the move once (the push of their own move does not count it twice).
  await cardIn(sales, 'SalesAccepted', lead.id).waitFor();
  assert.equal(await cardIn(sales, 'SalesAccepted', lead.id).count(), 1);
  assert.equal(await countOf(sales, 'MQL'), mqlBefore - 1);
  await marketing.screenshot({ path: join(shots, 'live-01-marketing-sees-sales-move.png') });
});

test('marketing moves a lead through instance A; sales sees it on instance B within a second', async () => {
  const lead = leads[1];
  const mia = await apiAs(a.base, 'mia@live.test', tenant);
  await mia.send(
    'POST',
    `/api/leads/${lead.id}/transitions`,
    { trigger: 'Disqualify', reasonCode: 'out-of-territory' },
    200,
  );
  const answered = Date.now();
  await cardIn(sales, 'Disqualified', lead.id).waitFor({ timeout: LIVE_MS });
  assert.ok(Date.now() - answered <= LIVE_MS);
  assert.match(
    await cardIn(sales, 'Disqualified', lead.id)
      .locator('[data-testid=remote-change]')
      .textContent(),
    /^moved by Mia Marketer, \d+ s ago$/,
  );
  assert.equal(await cardIn(sales, 'MQL', lead.id).count(), 0);
});

test('a card sales is dragging snaps back when marketing moves it, and no stale move is fired', async () => {
  const lead = leads[2];
  const fired = [];
  sales.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes(`/api/leads/${lead.id}/transitions`))
      fired.push(r.url());
  });
  const release = await dragCard(sales, lead.id, 'MQL', 'SalesAccepted', { hold: true });
  const mia = await apiAs(a.base, 'mia@live.test', tenant);
  await mia.send(
    'POST',
    `/api/leads/${lead.id}/transitions`,
    { trigger: 'Disqualify', reasonCode: 'competitor' },
    200,
  );
  await sales
    .locator('[data-testid=notice]', {
      hasText: 'Mia Marketer moved Lena Lindqvist to Disqualified while you were dragging it.',
    })
    .waitFor({ timeout: LIVE_MS });
  await sales.screenshot({ path: join(shots, 'live-02-drag-snapped-back.png') });
  await release();
  await cardIn(sales, 'Disqualified', lead.id).waitFor({ timeout: 5000 });
  await sales.waitForTimeout(500);
  assert.deepEqual(fired, [], 'the cancelled drag fired no move');
  const history = await mia.get(`/api/leads/${lead.id}/history`);
  assert.deepEqual(
    history.transitions.map((t) => t.to),
    ['Raw', 'Scored', 'MQL', 'Disqualified'],
    'the lead went where marketing moved it, and nowhere after',
  );
});
