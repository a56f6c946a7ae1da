// Browser tests of the integrator pages: an admin creates an API client and sees its secret once, the client gets a
// token with it, the admin rotates, ends the old secret and revokes; then subscribes a webhook to a receiver this test
// runs on 127.0.0.1, sends a test event, and sees a lead's event in the delivery log. Debian's Chromium
// (playwright-core) against the real API on a fresh SQLite database, in a workspace signed up for the run.
// Run from web/: `node e2e/integrations.mjs` (scripts/test-web.sh does).
// E2E_BASE_URL=http://... uses an API that is already running (it must allow private webhook targets).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const shots = join(here, 'screenshots');
let base = process.env.E2E_BASE_URL ?? '';
const password = 'L2R-demo-2026!';
const chromiumPath = process.env.CHROME_BIN ?? '/usr/bin/chromium';
const stamp = `int${Date.now().toString(36)}`;
const admin = `admin@${stamp}.test`;
let tenant = '';

let api;
let dataDir;
let browser;
let page;
let receiver;
let receiverUrl = '';
/** What the receiver was sent: headers and raw body of each request. */
const received = [];

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
  dataDir = mkdtempSync(join(tmpdir(), 'l2r-e2e-int-'));
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
      // Production refuses loopback targets (the SSRF guard); the receiver below listens on 127.0.0.1.
      Webhooks__AllowPrivateTargets: 'true',
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

/** A webhook receiver that answers 200 to everything and keeps what it got. */
async function startReceiver() {
  receiver = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${receiver.address().port}/hooks`;
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

async function login(email) {
  return (await call(null, 'POST', '/api/auth/login', { tenant, email, password })).accessToken;
}

/** The OAuth2 client credentials grant, as an integration makes it. */
function clientToken(clientId, clientSecret) {
  return fetch(`${base}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: 'leads:write',
    }),
  });
}

/** Standard Webhooks v1: HMAC-SHA256 of "id.timestamp.body" with the base64 key after whsec_. */
function verifies(secret, { headers, body }) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
    .digest('base64');
  return headers['webhook-signature'].split(' ').some((s) => s.split(',')[1] === expected);
}

const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

async function waitFor(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  if (!process.env.E2E_BASE_URL) await startApi();
  await startReceiver();
  const signedUp = await call(null, 'POST', '/api/tenants', {
    tenantName: `Integrations ${stamp}`,
    adminEmail: admin,
    adminPassword: password,
    adminName: 'Ida Admin',
  });
  tenant = signedUp.slug;
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
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // Ending a secret and revoking ask for confirmation.
  page.on('dialog', (d) => d.accept());
  await page.goto(`${base}/login`);
  await page.fill('input[name=tenant]', tenant);
  await page.fill('input[name=email]', admin);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/board/);
});

after(async () => {
  await browser?.close();
  receiver?.close();
  stopApi();
});

test('an admin creates an API client, sees its secret once, and the client gets a token with it', async () => {
  await page.click('nav[aria-label=Main] a:has-text("Integrations")');
  await page.waitForURL(/\/integrations\/clients/);
  await page.fill('[data-testid=create-client] input[name=name]', `Website forms ${stamp}`);
  await page.check('[data-scope="leads:write"] input');
  await page.check('[data-scope="leads:read"] input');
  await page.click('[data-testid=create-client] button[type=submit]');
  const box = page.locator('[data-testid=secret-box]');
  await box.waitFor();
  assert.match(await box.textContent(), /you will not see it again/i);
  const secret = await page.inputValue('[data-testid=secret-value]');
  const clientId = (await page.locator('[data-testid=secret-client-id]').textContent()).trim();
  const row = page.locator(`[data-testid=client-row][data-client-id="${clientId}"]`);
  assert.match(await row.textContent(), /leads:read[\s\S]*leads:write/);
  await shot('int-01-client-secret');

  const r = await clientToken(clientId, secret);
  assert.equal(r.status, 200, 'token with the shown secret');
  assert.ok((await r.json()).access_token);

  await page.click('[data-testid=secret-done]');
  await box.waitFor({ state: 'detached' });
  await page.reload();
  await row.waitFor();
  assert.equal(await page.locator('[data-testid=secret-box]').count(), 0, 'not shown again');
  assert.notEqual((await row.locator('[data-testid=last-used]').textContent()).trim(), 'Never');
});

test('rotating keeps both secrets valid until the old one is ended; revoking ends the client', async () => {
  const row = page.locator('[data-testid=client-row]').first();
  const clientId = await row.getAttribute('data-client-id');
  const oldHint = (await row.locator('[data-testid=secret] code').first().textContent()).trim();
  await row.locator('button:has-text("Rotate")').click();
  await page.click('[data-testid=rotate-form] button[type=submit]'); // the default keeps an overlap
  await page.locator('[data-testid=secret-box]').waitFor();
  assert.match(await page.locator('[data-testid=secret-box] h2').textContent(), /New secret/);
  const fresh = await page.inputValue('[data-testid=secret-value]');
  assert.equal((await clientToken(clientId, fresh)).status, 200, 'the new secret works');
  assert.equal(await row.locator('[data-testid=secret]').count(), 2);
  assert.match(await row.textContent(), /overlapping/);
  await shot('int-02-rotated');

  await row.locator(`button[aria-label="End secret ${oldHint}"]`).click();
  await page.waitForFunction(
    (id) =>
      document.querySelectorAll(`[data-client-id="${id}"] [data-testid=secret].ended`).length === 1,
    clientId,
  );
  assert.equal((await clientToken(clientId, fresh)).status, 200, 'the new secret still works');

  await row.locator('button:has-text("Revoke")').click();
  await row.locator('.status-chip:has-text("Revoked")').waitFor();
  assert.notEqual(
    (await clientToken(clientId, fresh)).status,
    200,
    'a revoked client gets no token',
  );
  await shot('int-03-revoked');
});

test('an admin subscribes a webhook, sends a test event, and sees a new lead delivered', async () => {
  await page.click('nav[aria-label=Integrations] a:has-text("Webhooks")');
  await page.waitForURL(/\/integrations\/webhooks/);
  await page.fill('[data-testid=subscribe-form] input[name=url]', receiverUrl);
  await page.check('[data-event-type="lead.created"] input');
  await page.check('[data-event-type="lead.stage_changed"] input');
  await page.click('[data-testid=subscribe-form] button[type=submit]');
  await page.locator('[data-testid=secret-box]').waitFor();
  const secret = await page.inputValue('[data-testid=secret-value]');
  assert.match(secret, /^whsec_/);
  const row = page.locator('[data-testid=webhook-row]').first();
  assert.match(await row.textContent(), /lead\.created[\s\S]*lead\.stage_changed/);
  await page.click('[data-testid=secret-done]');

  await row.locator('button:has-text("Send test")').click();
  const result = page.locator('[data-testid=test-result]');
  await page.waitForFunction(
    () =>
      /delivered: 200/.test(document.querySelector('[data-testid=test-result]')?.textContent ?? ''),
    null,
    { timeout: 30_000 },
  );
  assert.match(await result.textContent(), /delivered: 200/);
  const test = received.find((r) => JSON.parse(r.body).type === 'webhook.test');
  assert.ok(test, 'the receiver got the test event');
  assert.ok(verifies(secret, test), 'signed with the secret shown');
  await shot('int-04-test-event');

  const tok = await login(admin);
  const { lead } = await call(tok, 'POST', '/api/leads', {
    firstName: 'Hook',
    lastName: stamp,
    email: `hook.${stamp}@example.com`,
    company: `Receiver ${stamp}`,
  });
  const delivered = page.locator(
    '[data-testid=delivery][data-event-type="lead.created"][data-status=Succeeded]',
  );
  await waitFor(async () => {
    await page.click('[data-testid=delivery-log] button:has-text("Refresh")');
    await page.waitForFunction(() => !document.querySelector('[aria-label="Loading deliveries"]'));
    return (await delivered.count()) > 0;
  }, 'the lead.created delivery in the log');
  assert.match(
    await delivered.first().locator('[data-testid=attempt]').first().textContent(),
    /200/,
  );
  const event = received.map((r) => JSON.parse(r.body)).find((e) => e.type === 'lead.created');
  assert.equal(event?.leadId, lead.id);
  await shot('int-05-delivery-log');

  const before = await page.locator('[data-testid=delivery]').count();
  await delivered.first().locator('button:has-text("Redeliver")').click();
  await waitFor(
    async () => (await page.locator('[data-testid=delivery]').count()) === before + 1,
    'the redelivery at the top of the log',
  );

  await page.click('[data-testid=replay-form] button[type=submit]'); // since an hour ago
  await page.locator('[data-testid=replayed]').waitFor();
  assert.match(
    await page.locator('[data-testid=replayed]').textContent(),
    /[1-9]\d* event\(s\) queued/,
  );
});
