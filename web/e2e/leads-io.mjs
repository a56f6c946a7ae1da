// Browser tests of leads in and out: import a CSV through the dry run, see the leads in the list and on the board,
// export the list, assign an owner in bulk, merge two duplicates. Debian's Chromium (playwright-core) against the real
// API on a fresh SQLite database, in a workspace of its own signed up for the run (so the counts are exactly this run's
// leads, and the demo seed is not needed). Run from web/: `node e2e/leads-io.mjs` (scripts/test-web.sh does).
// E2E_BASE_URL=http://... uses an API that is already running instead of starting one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const shots = join(here, 'screenshots');
let base = process.env.E2E_BASE_URL ?? '';
const password = 'L2R-demo-2026!';
const chromiumPath = process.env.CHROME_BIN ?? '/usr/bin/chromium';
/** Names this run's workspace and rows. */
const stamp = `io${Date.now().toString(36)}`;
let tenant = '';
const users = {
  admin: `admin@${stamp}.test`,
  marketing: `marketing@${stamp}.test`,
  sales: `sales@${stamp}.test`,
};

let api;
let dataDir;
let browser;
let page;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startApi() {
  base = `http://127.0.0.1:${process.env.E2E_PORT ?? (await freePort())}`;
  dataDir = mkdtempSync(join(tmpdir(), 'l2r-e2e-io-'));
  const args = [
    'run',
    '--project',
    join(repo, 'api/L2R.Api'),
    '-c',
    'Release',
    '--no-launch-profile',
    '--urls',
    base,
  ];
  if (process.env.E2E_NO_BUILD === '1') args.push('--no-build');
  api = spawn('dotnet', args, {
    cwd: repo,
    detached: true,
    env: {
      ...process.env,
      Database__DataDirectory: dataDir,
      Seed__DemoTenant: 'false',
      ASPNETCORE_ENVIRONMENT: 'Production',
      // A test signs in far more often than a person; the limits have API tests of their own.
      RateLimits__Enabled: 'false',
      DOTNET_NOLOGO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  api.stdout.on('data', (d) => (log = (log + d).slice(-20000)));
  api.stderr.on('data', (d) => (log = (log + d).slice(-20000)));
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`API exited with ${api.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`API not ready after 300 s:\n${log}`);
}

function stopApi() {
  if (api && api.exitCode === null) {
    try {
      process.kill(-api.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

async function token(email) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, email, password }),
  });
  assert.equal(r.status, 200, `login ${email}`);
  return (await r.json()).accessToken;
}

async function call(tok, method, path, body) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(tok ? { authorization: `Bearer ${tok}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(r.ok, `${method} ${path}: ${r.status}`);
  return r.json();
}

const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

async function signIn(email) {
  // Whoever was signed in before is forgotten (the session lives in localStorage).
  await page.goto(`${base}/login`);
  await page.evaluate(() => localStorage.removeItem('l2r.session'));
  await page.goto(`${base}/login`);
  await page.fill('input[name=tenant]', tenant);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/board/);
}

/** The list narrowed to this run's leads, through the URL as a user's bookmark would. */
async function openList() {
  await page.goto(`${base}/leads?text=${stamp}`);
  await page.waitForFunction(
    () =>
      !document.querySelector('mat-progress-bar') &&
      document.querySelector('[data-testid=list-total]'),
  );
}

const listTotal = async () =>
  Number((await page.locator('[data-testid=list-total]').textContent()).replace(/\D/g, ''));

before(async () => {
  mkdirSync(shots, { recursive: true });
  if (!process.env.E2E_BASE_URL) await startApi();
  const signedUp = await call(null, 'POST', '/api/tenants', {
    tenantName: `Leads IO ${stamp}`,
    adminEmail: users.admin,
    adminPassword: password,
    adminName: 'Ida Admin',
  });
  tenant = signedUp.slug;
  const admin = await token(users.admin);
  await call(admin, 'POST', '/api/users', {
    email: users.marketing,
    displayName: 'Mia Marketing',
    password,
    roles: ['Marketing'],
  });
  await call(admin, 'POST', '/api/users', {
    email: users.sales,
    displayName: 'Sam Sales',
    password,
    roles: ['Sales'],
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => console.error('page error:', e.message));
});

after(async () => {
  await browser?.close();
  stopApi();
});

// Five good rows, one bad email, one row repeating an earlier email (skipped as a duplicate within the file).
const rows = [
  [
    'Ada',
    'Imported',
    `ada.${stamp}@fabrikam.example`,
    `Fabrikam ${stamp}`,
    'VP Engineering',
    '51-200',
    'Trade show',
    'Open',
  ],
  [
    'Ben',
    'Imported',
    `ben.${stamp}@fabrikam.example`,
    `Fabrikam ${stamp}`,
    'CTO',
    '201-500',
    'Trade show',
    'Open',
  ],
  [
    'Cleo',
    'Imported',
    `cleo.${stamp}@contoso.example`,
    `Contoso ${stamp}`,
    'Analyst',
    '11-50',
    'Webinar',
    'New',
  ],
  [
    'Dan',
    'Imported',
    `dan.${stamp}@contoso.example`,
    `Contoso ${stamp}`,
    'Head of Sales',
    '1000',
    'Webinar',
    'New',
  ],
  [
    'Eve',
    'Imported',
    `eve.${stamp}@northwind.example`,
    `Northwind ${stamp}`,
    'VP Marketing',
    '5000',
    'Referral',
    'Working',
  ],
  [
    'Fay',
    'Broken',
    `not-an-email-${stamp}`,
    `Northwind ${stamp}`,
    'Intern',
    '10',
    'Referral',
    'New',
  ],
  [
    'Ada',
    'Again',
    `ada.${stamp}@fabrikam.example`,
    `Fabrikam ${stamp}`,
    'VP Engineering',
    '51-200',
    'Trade show',
    'Open',
  ],
];
const csv = [
  'First Name,Last Name,Email,Company,Title,No. of Employees,Lead Source,Lead Status',
  ...rows.map((r) => r.map((v) => (v.includes(',') ? `"${v}"` : v)).join(',')),
].join('\r\n');

let imported = 0;

test('marketing uploads a CSV, accepts the suggested mapping, reads the dry run and imports', async () => {
  await signIn(users.marketing);
  await page.click('nav a:has-text("Import")');
  await page.waitForURL(/\/imports/);
  const file = join(dataDir ?? tmpdir(), `leads-${stamp}.csv`);
  writeFileSync(file, csv);
  await page.setInputFiles('[data-testid=file-input]', file);

  // The dry run: every row judged, nothing written yet.
  const run = page.locator('[data-testid=run]');
  await page
    .locator('[data-testid=run][data-status=Completed] [data-testid=start-import]')
    .waitFor({ timeout: 60_000 });
  assert.match(await run.locator('[data-testid=run-status]').textContent(), /checked/);
  // The suggested mapping, with the file's first values beside it.
  assert.match(await page.locator('[data-testid="map-Email"]').textContent(), /Email/);
  assert.match(
    await page.locator('[data-testid="map-No. of Employees"]').textContent(),
    /Company size/,
  );
  assert.match(
    await page.locator('[data-testid=mapping] tr[data-column="First Name"]').textContent(),
    /Ada/,
  );
  const created = Number(await page.locator('[data-testid=forecast-created]').textContent());
  const failed = Number(await page.locator('[data-testid=forecast-failed]').textContent());
  assert.equal(created, 5, 'five new leads forecast');
  assert.equal(failed, 1, 'the bad email is an error');
  assert.match(await page.locator('[data-testid=first-errors]').textContent(), /not-an-email/);
  assert.ok(
    (await page.locator('[data-testid=stage-forecast] li[data-state]').count()) > 0,
    'stages forecast',
  );
  const before = await call(await token(users.marketing), 'GET', `/api/leads?text=${stamp}`);
  assert.equal(before.total, 0, 'a dry run writes nothing');
  await shot('io-01-dry-run');

  // For real: the progress finishes and the counts equal the forecast.
  await page.click('[data-testid=start-import]');
  await page
    .locator('[data-testid=run][data-status=Completed] [data-testid=see-leads]')
    .waitFor({ timeout: 120_000 });
  imported = Number(await page.locator('[data-testid=run-created]').textContent());
  assert.equal(imported, created, 'the import created what the dry run forecast');
  await page.locator('[data-testid=download-errors]').waitFor();
  await page.locator('[data-testid=history-row]').first().waitFor();
  await shot('io-02-imported');
});

test('the imported leads are in the list and on the board', async () => {
  await page.click('[data-testid=see-leads]');
  await page.waitForURL(/\/leads$/);
  await openList();
  assert.equal(await listTotal(), imported);
  assert.equal(await page.locator('[data-testid=lead-row]').count(), imported);
  await shot('io-03-list');
  await page.goto(`${base}/board`);
  await page.fill('[data-testid=text-filter]', stamp);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=column] [data-testid=card]').length === n,
    imported,
    { timeout: 15_000 },
  );
});

test('the CSV export of the filtered list has one row per lead listed', async () => {
  await openList();
  const total = await listTotal();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid=export]'),
  ]);
  const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  assert.equal(lines.length - 1, total, 'rows after the header');
  assert.ok(lines.slice(1).every((l) => l.includes(stamp)));
});

test('the new lead form shows a problem beside its field and links a duplicate email to the lead that has it', async () => {
  await openList();
  await page.click('[data-testid=new-lead-open]');
  const form = page.locator('[data-testid=new-lead]');
  await form.locator('[data-testid=create-lead]').click();
  await form.locator('app-form-field:has(input[name=email]) mat-error').waitFor();
  await form.locator('input[name=email]').fill(`ada.${stamp}@fabrikam.example`);
  await form.locator('[data-testid=create-lead]').click();
  await form.locator('[data-testid=existing-lead]').click();
  await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid=lead-state]').waitFor();
  assert.match(
    await page.locator('app-lead-profile input[name=email]').inputValue(),
    new RegExp(`ada.${stamp}`),
  );
});

test('sales assigns the listed leads to themselves in one bulk action, with a result per lead', async () => {
  await signIn(users.sales);
  await openList();
  await page.locator('[data-testid=lead-row]').first().waitFor();
  await page.click('[data-testid=select-page] input');
  await page.click('[data-testid=bulk-owner]');
  await page.getByRole('option', { name: 'Me', exact: true }).click();
  await page.click('[data-testid=bulk-assign]');
  await page.locator('[data-testid=bulk-report]').waitFor();
  const outcomes = await page
    .locator('[data-testid=bulk-row]')
    .evaluateAll((rs) => rs.map((r) => r.dataset.outcome));
  assert.equal(outcomes.length, imported);
  assert.ok(
    outcomes.every((o) => o === 'Updated'),
    outcomes.join(),
  );
  await shot('io-04-bulk-owner');
  const mine = await call(await token(users.sales), 'GET', `/api/leads?text=${stamp}&owner=me`);
  assert.equal(mine.total, imported);
});

test('marketing merges two duplicates side by side; the absorbed lead points to the survivor', async () => {
  const tok = await token(users.marketing);
  const company = `Merge ${stamp}`;
  const first = await call(tok, 'POST', '/api/leads', {
    firstName: 'Gus',
    lastName: 'Twice',
    email: `gus.${stamp}@merge.example`,
    company,
    title: 'Manager',
  });
  const second = await call(tok, 'POST', '/api/leads', {
    firstName: 'Gus',
    lastName: 'Twice',
    email: `gus.twice.${stamp}@merge.example`,
    company,
    title: 'Director',
    phone: '+49 30 1234',
  });
  await signIn(users.marketing);
  await page.goto(`${base}/leads/duplicates`);
  const group = page.locator('[data-testid=dup-group]', { hasText: company });
  await group.waitFor();
  await group.locator('[data-testid=compare]').first().click();
  const panel = page.locator('[data-testid=merge-panel]');
  await panel.waitFor();
  const survivorId = await group.locator('tbody tr').first().getAttribute('data-lead-id');
  const absorbedId = survivorId === first.lead.id ? second.lead.id : first.lead.id;
  await panel.locator('[data-testid=take-title] input').check({ force: true });
  const title = (await panel.locator('tr[data-field=title] td').nth(1).textContent()).trim();
  await shot('io-05-merge');
  await page.click('[data-testid=merge]');
  await page.locator('[data-testid=merged]').waitFor();

  await page.goto(`${base}/leads/${absorbedId}`);
  await page.locator('[data-testid=merged-into]').click();
  await page.waitForURL(new RegExp(`/leads/${survivorId}$`));
  const survivor = await call(tok, 'GET', `/api/leads/${survivorId}`);
  assert.equal(survivor.title, title, 'the chosen title survived');
  assert.equal(survivor.phone, '+49 30 1234', 'an empty field took the absorbed value');
});

test('marketing undoes the import; leads worked since are left alone and listed', async () => {
  const tok = await token(users.marketing);
  const before = (await call(tok, 'GET', `/api/leads?text=${stamp}`)).total;
  await page.goto(`${base}/imports`);
  const row = page.locator('[data-testid=history-row][data-status=Completed]', { hasText: stamp });
  await row.locator('[data-testid=history-undo]').click();
  const report = page.locator('[data-testid=undo-report]');
  await report.waitFor();
  await page.locator('[data-testid=history-row][data-status=Undone]').waitFor();
  const text = (await report.textContent()).replace(/\s+/g, ' ');
  const removed = Number(/(\d+) leads removed/.exec(text)[1]);
  const leftAlone = /(\d+) leads were worked since/.exec(text);
  // Sales took every imported lead as owner, which counts as working them.
  assert.equal(removed + (leftAlone ? Number(leftAlone[1]) : 0), imported);
  const after = (await call(tok, 'GET', `/api/leads?text=${stamp}`)).total;
  assert.equal(after, before - removed);
  await shot('io-06-undone');
});
