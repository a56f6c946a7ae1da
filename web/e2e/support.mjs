// What every browser test file needs: the real API on a fresh SQLite database with the demo tenant, Debian's
// Chromium, and a few API calls to pick and move leads. E2E_BASE_URL=http://... uses an API that is already running.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
export const shots = join(here, 'screenshots');
export const password = 'L2R-demo-2026!';
const chromiumPath = process.env.CHROME_BIN ?? '/usr/bin/chromium';

/** The API's address once `startApi` has run (or the one given). */
export let base = process.env.E2E_BASE_URL ?? '';
let api;
let dataDir;

/** A port nobody listens on, so a developer's running API (5080) or another run does not collide. */
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

export async function startApi() {
  if (process.env.E2E_BASE_URL) return;
  base = `http://127.0.0.1:${process.env.E2E_PORT ?? (await freePort())}`;
  dataDir = mkdtempSync(join(tmpdir(), 'l2r-e2e-'));
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
      const r = await fetch(`${base}/health/ready`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`API not ready after 300 s:\n${log}`);
}

export function stopApi() {
  if (api && api.exitCode === null) {
    try {
      process.kill(-api.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Collects what the page's Content-Security-Policy refused (Chromium reports each refusal as a console error), so a
 * test run proves the app, its charts and diagrams work under the policy the API sends.
 */
export function watchPolicyViolations(page) {
  const refused = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  return refused;
}

export function launchBrowser() {
  return chromium.launch({
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
}

// ---------- API helpers (to choose leads that fit each scenario) ----------
export async function token(email) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'acme', email, password }),
  });
  assert.equal(r.status, 200, `login ${email}`);
  return (await r.json()).accessToken;
}

export async function get(tok, path) {
  const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${tok}` } });
  assert.equal(r.status, 200, `GET ${path}`);
  return r.json();
}

/** Every card of a column, paged by cursor. */
export async function cards(tok, state) {
  const all = [];
  let cursor = '';
  do {
    const col = await get(
      tok,
      `/api/board/${state}?take=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    all.push(...col.cards);
    cursor = col.nextCursor ?? '';
  } while (cursor);
  return all;
}

/** The first card whose move by `trigger` satisfies `accept(option)`. */
export async function findCard(tok, state, trigger, accept, exclude = []) {
  for (const card of await cards(tok, state)) {
    if (exclude.includes(card.id)) continue;
    const options = await get(tok, `/api/leads/${card.id}/transitions`);
    const option = options.find((o) => o.trigger === trigger);
    if (option && accept(option, card)) return { card, option };
  }
  throw new Error(`No ${state} lead fits the ${trigger} scenario`);
}

/** Signs in through the login page and waits for the board. */
export async function signIn(page, email) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=tenant]', 'acme');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=column] [data-testid=card]');
}
