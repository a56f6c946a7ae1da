// Measures how the board behaves on a big tenant (not part of the test command).
// Usage: E2E_BASE_URL=http://127.0.0.1:5080 node e2e/board-perf.mjs [email]
import { chromium } from 'playwright-core';

const base = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5080';
const email = process.argv[2] ?? 'marketing@acme.test';
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ tenant: 'acme', email, password: 'L2R-demo-2026!' }),
});
const tokens = await login.json();
const headers = { authorization: `Bearer ${tokens.accessToken}` };

const timed = async (path) => {
  const t = performance.now();
  const r = await fetch(`${base}${path}`, { headers });
  const body = await r.json();
  return { ms: Math.round(performance.now() - t), body };
};
const board = await timed('/api/board?take=30');
const total = board.body.columns.reduce((s, c) => s + c.count, 0);
const biggest = board.body.columns.reduce((a, c) => (c.count > a.count ? c : a));
console.log(`leads: ${total}; biggest column ${biggest.state} (${biggest.count})`);
const apiTimes = [];
for (let i = 0; i < 5; i++) apiTimes.push((await timed('/api/board?take=30')).ms);
console.log(`GET /api/board (10 columns × 30 cards): ${apiTimes.join(', ')} ms`);
const col = await timed(
  `/api/board/${biggest.state}?take=30&cursor=${encodeURIComponent(biggest.nextCursor)}`,
);
console.log(`GET /api/board/${biggest.state} next page: ${col.ms} ms`);

const browser = await chromium.launch({
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
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`${base}/login`);
await page.evaluate((s) => localStorage.setItem('l2r.session', JSON.stringify(s)), {
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken,
  user: tokens.user,
});
let t = Date.now();
await page.goto(`${base}/board`);
await page.waitForSelector(`[data-state="${biggest.state}"] [data-testid=card]`);
console.log(`board first render after navigation: ${Date.now() - t} ms`);

// Scroll the biggest column to the end of 1,500 cards, one screen per frame, and record frame times.
const result = await page.evaluate(async (state) => {
  const body = document.querySelector(`[data-state="${state}"] .body`);
  const frames = [];
  let last = performance.now();
  const started = last;
  while (
    body.querySelectorAll('[data-testid=card]').length &&
    body.scrollHeight < 1500 * 88 &&
    performance.now() - started < 60000
  ) {
    body.scrollTop += body.clientHeight;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
    if (body.scrollTop + body.clientHeight >= body.scrollHeight - 5)
      await new Promise((r) => setTimeout(r, 50));
  }
  frames.sort((a, b) => a - b);
  return {
    seconds: (performance.now() - started) / 1000,
    loaded: Math.round(body.scrollHeight / 88),
    rendered: body.querySelectorAll('[data-testid=card]').length,
    allRendered: document.querySelectorAll('[data-testid=card]').length,
    domNodes: document.getElementsByTagName('*').length,
    p50: frames[Math.floor(frames.length / 2)],
    p95: frames[Math.floor(frames.length * 0.95)],
    max: frames[frames.length - 1],
  };
}, biggest.state);
console.log(
  `scrolled ${biggest.state} to ${result.loaded} loaded cards in ${result.seconds.toFixed(1)} s; cards in the DOM: ${result.rendered} in that column, ${result.allRendered} on the board; ${result.domNodes} DOM nodes`,
);
console.log(
  `frame time while scrolling: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`,
);
const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
console.log(`JS heap: ${(heap / 1048576).toFixed(1)} MB`);

// Drag start: time until the valid targets are highlighted.
await page.evaluate(
  (state) => (document.querySelector(`[data-state="${state}"] .body`).scrollTop = 0),
  biggest.state,
);
await page.waitForTimeout(300);
const card = page.locator(`[data-state="${biggest.state}"] [data-testid=card] .company`).first();
const box = await card.boundingBox();
await page.mouse.move(box.x + 20, box.y + 5);
await page.mouse.down();
t = Date.now();
await page.mouse.move(box.x + 40, box.y + 30, { steps: 3 });
await page.waitForSelector(
  '[data-testid=column].valid, [data-testid=column].blocked, [data-testid=column].dim',
);
console.log(`drag start → targets highlighted: ${Date.now() - t} ms`);
await page.mouse.up();
await browser.close();
