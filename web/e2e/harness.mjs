// What a browser test file needs around its tests: the real API on a fresh SQLite database with the demo tenant,
// Debian's Chromium through playwright-core, and a few API calls to pick the data a scenario needs.
// E2E_BASE_URL=http://... uses an API that is already running; E2E_NO_BUILD=1 runs the API without building it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const password = 'L2R-demo-2026!';

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

/** Starts the API (unless E2E_BASE_URL names one) with extra settings; resolves to its base URL and a stop function. */
export async function startApi(settings = {}) {
  if (process.env.E2E_BASE_URL) return { base: process.env.E2E_BASE_URL, stop: () => {} };
  const base = `http://127.0.0.1:${process.env.E2E_PORT ?? (await freePort())}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'l2r-e2e-'));
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
  const api = spawn('dotnet', args, {
    cwd: repo,
    detached: true,
    env: {
      ...process.env,
      ...settings,
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
  const stop = () => {
    if (api.exitCode === null) {
      try {
        process.kill(-api.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`API exited with ${api.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return { base, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  stop();
  throw new Error(`API not ready after 300 s:\n${log}`);
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
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

/** An API client for one demo user. */
export async function apiAs(base, email) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'acme', email, password }),
  });
  assert.equal(r.status, 200, `login ${email}`);
  const { accessToken } = await r.json();
  return {
    async get(path) {
      const res = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      assert.equal(res.status, 200, `GET ${path}`);
      return res.json();
    },
    /** Sends a JSON body (or none) and answers the parsed response; `expected` is the status it must have. */
    async send(method, path, body, expected) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (expected !== undefined) assert.equal(res.status, expected, `${method} ${path}`);
      const text = await res.text();
      return text ? JSON.parse(text) : null;
    },
  };
}

/** Signs in through the login form and waits for the board. */
export async function signIn(page, base, email) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=tenant]', 'acme');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=column] [data-testid=card]');
}
