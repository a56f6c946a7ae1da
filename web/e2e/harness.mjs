// What a browser test file needs around its tests: the real API on a fresh SQLite database with the demo tenant
// (or, for several instances, on a fresh PostgreSQL database with a Redis), Debian's Chromium through playwright-core,
// and a few API calls to pick the data a scenario needs.
// E2E_BASE_URL=http://... uses an API that is already running; E2E_NO_BUILD=1 runs the API without building it.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
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
      // An instance whose shutdown hangs (its database or Redis already gone) must not keep the test run alive.
      setTimeout(() => {
        try {
          process.kill(-api.pid, 'SIGKILL');
        } catch {
          /* exited in time */
        }
      }, 15_000).unref();
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

/** A Redis of its own (no persistence) on a free port, for the SignalR backplane of several API instances. */
export async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'l2r-redis-'));
  const redis = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  const stop = await listening(redis, port, dir, 'redis-server');
  return { configuration: `127.0.0.1:${port}`, stop };
}

/** Waits until a server process started on `port` accepts connections; answers how to stop it and remove `dir`. */
async function listening(server, port, dir, name) {
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${name} exited with ${server.exitCode}`);
    if (await accepts(port)) return stop;
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`${name} did not start`);
}

/**
 * nginx in front of API instances, sticky by cookie as App Service's ARR affinity is (SignalR's negotiate request
 * and its WebSocket must reach the same instance): a request without the `l2r_affinity` cookie is hashed on a fresh
 * id and is given that id as its cookie, so a browser stays on one instance. Every answer names its instance in
 * `X-L2R-Upstream`, which `affinityFor` uses to pin a browser context to a chosen instance.
 */
export async function startBalancer(bases) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'l2r-nginx-'));
  const servers = bases.map((b) => `    server ${new URL(b).host} max_fails=1 fail_timeout=2s;`);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  map $cookie_l2r_affinity $affinity { '' $request_id; default $cookie_l2r_affinity; }
  map $cookie_l2r_affinity $new_affinity_cookie { '' "l2r_affinity=$request_id; Path=/; HttpOnly; SameSite=Lax"; default ''; }
  upstream l2r {
    hash $affinity consistent;
${servers.join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://l2r;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout 120s;
      add_header Set-Cookie $new_affinity_cookie always;
      add_header X-L2R-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const nginx = spawn(
    existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx',
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: 'ignore' },
  );
  const stop = await listening(nginx, port, dir, 'nginx');
  return { base: `http://127.0.0.1:${port}`, stop };
}

/** An affinity cookie value that the balancer sends to the instance at `base` (found by asking it). */
export async function affinityFor(balancer, base) {
  const host = new URL(base).host;
  for (let i = 0; i < 100; i++) {
    const value = `pin-${i}`;
    const r = await fetch(`${balancer}/health/ready`, {
      headers: { cookie: `l2r_affinity=${value}` },
    });
    if (r.headers.get('x-l2r-upstream') === host) return value;
  }
  throw new Error(`no affinity value reaches ${host}`);
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A fresh database on the test PostgreSQL (L2R_TEST_POSTGRES, or the local one on 55432), dropped by `drop`. The
 * first API instance started on it applies the migrations.
 */
export function createPostgresDatabase(prefix) {
  const server = process.env.L2R_TEST_POSTGRES ?? 'Host=127.0.0.1;Port=55432;Username=postgres';
  const parts = Object.fromEntries(
    server
      .split(';')
      .filter(Boolean)
      .map((p) => p.split('='))
      .map(([k, ...v]) => [k.trim().toLowerCase(), v.join('=').trim()]),
  );
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const env = {
    ...process.env,
    PGHOST: parts.host ?? '127.0.0.1',
    PGPORT: parts.port ?? '5432',
    PGUSER: parts.username ?? 'postgres',
    PGDATABASE: 'postgres',
    ...(parts.password ? { PGPASSWORD: parts.password } : {}),
  };
  const psql = (sql) =>
    execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-qc', sql], { env, stdio: 'pipe' });
  psql(`CREATE DATABASE ${name}`);
  return {
    connectionString: `${server.replace(/;$/, '')};Database=${name}`,
    drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A signing key the API instances of one test share, so a token from one is good on the others. */
export const newSigningKey = () => randomBytes(32).toString('base64');

/** Signs up a tenant through the API and answers its slug; its first admin signs in with `email` and the demo password. */
export async function signUpTenant(base, tenantName, email, adminName) {
  const r = await fetch(`${base}/api/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantName, adminEmail: email, adminPassword: password, adminName }),
  });
  assert.equal(r.status, 201, 'sign up');
  return (await r.json()).slug;
}

/** An API client for one user (of the demo tenant unless another is named). */
export async function apiAs(base, email, tenant = 'acme') {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, email, password }),
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
export async function signIn(page, base, email, tenant = 'acme') {
  await page.goto(`${base}/login`);
  await page.fill('input[name=tenant]', tenant);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=column] [data-testid=card]');
}

/**
 * Drags a card onto another column the way a user does. With `hold`, the mouse stays down over the target and the
 * answer is a function that releases it, so a test can change the lead while it is being dragged.
 */
export async function dragCard(page, id, fromState, toState, { hold = false } = {}) {
  const source = page.locator(
    `[data-testid=column][data-state="${fromState}"] [data-lead-id="${id}"] .company`,
  );
  const target = page.locator(`[data-testid=column][data-state="${toState}"] .body`);
  await source.scrollIntoViewIfNeeded();
  const s = await source.boundingBox();
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + s.width / 2 + 12, s.y + s.height / 2 + 12, { steps: 4 });
  const t = await target.boundingBox();
  await page.mouse.move(t.x + t.width / 2, t.y + Math.min(120, t.height / 2), { steps: 15 });
  await page.waitForTimeout(150);
  const release = () => page.mouse.up();
  if (hold) return release;
  await release();
  return null;
}
