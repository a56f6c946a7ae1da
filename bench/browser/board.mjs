// S4 of the L2R bench: the board page in Chromium (playwright-core, the system's /usr/bin/chromium).
// Usage: node board.mjs '{"base":"http://127.0.0.1:5000","tenant":"slug","email":"...","password":"...","columns":10}'
// Prints one line "RESULT {json}". Every wait is bounded, so it always ends.
//
// Measures, on a tenant's board:
//  - firstRenderMs: from navigation start of /board (signed in; scripts cached, as for a returning user) to the frame
//    in which every column shows its count and, when it has leads, its first card (median of several loads);
//    baseline: the same board JSON fetched raw by the page (GET /api/board?take=30, what the page asks for).
//  - longestFrameMs: the longest gap between animation frames while the longest column is scrolled to its last card,
//    paging in as it goes (Long Animation Frame entries too, where Chromium reports them);
//    baseline: the median frame interval of the idle page.
import { chromium } from 'playwright-core';

const options = JSON.parse(process.argv[2] ?? '{}');
const base = options.base;
const loads = options.loads ?? 5;
const columns = options.columns ?? 10;
const pxPerFrame = options.pxPerFrame ?? 400;
const executablePath = process.env.CHROME_BIN ?? options.chromium ?? '/usr/bin/chromium';

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = {};
const guard = setTimeout(() => {
  console.log('RESULT ' + JSON.stringify({ ...result, error: 'timed out after 240 s' }));
  process.exit(2);
}, 240_000);

try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' && problems.length < 20) problems.push(m.text().slice(0, 300)); });
  page.on('response', (r) => { if (r.status() >= 400 && problems.length < 20) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`); });
  result.problems = problems;

  await page.goto(`${base}/login`, { timeout: 60_000 });
  await page.fill('input[name=tenant]', options.tenant);
  await page.fill('input[name=email]', options.email);
  await page.fill('input[name=password]', options.password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/board/, { timeout: 60_000 });

  const allColumnsRendered = (expected) => {
    const cols = [...document.querySelectorAll('[data-testid=column]')];
    if (cols.length < expected) return false;
    for (const col of cols) {
      const count = Number((col.querySelector('[data-testid=count]')?.textContent ?? '').trim());
      if (!Number.isFinite(count)) return false;
      if (count > 0 && !col.querySelector('[data-testid=card]')) return false;
    }
    return performance.now();
  };

  // The first load after sign-in warms the HTTP cache and the API; then fresh page loads are timed.
  await page.waitForFunction(allColumnsRendered, columns, { polling: 'raf', timeout: 60_000 });
  const renders = [];
  const phases = [];
  for (let i = 0; i < loads; i++) {
    await page.goto(`${base}/board`, { timeout: 60_000 });
    const handle = await page.waitForFunction(allColumnsRendered, columns, { polling: 'raf', timeout: 60_000 });
    renders.push(await handle.jsonValue());
    // Where the time went: the document and scripts, the board request, and rendering after it.
    phases.push(await page.evaluate(async () => {
      const loaf = await new Promise((resolve) => {
        const seen = [];
        try {
          const o = new PerformanceObserver((list) => seen.push(...list.getEntries()));
          o.observe({ type: 'long-animation-frame', buffered: true });
          setTimeout(() => { o.disconnect(); resolve(seen); }, 50);
        } catch { resolve(seen); }
      });
      const nav = performance.getEntriesByType('navigation')[0];
      const board = performance.getEntriesByType('resource').find((e) => /\/api\/board(\?|$)/.test(e.name));
      const scripts = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || /\.js$/.test(e.name));
      return {
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        scriptsEnd: scripts.length ? Math.max(...scripts.map((e) => e.responseEnd)) : null,
        boardRequestStart: board?.startTime ?? null,
        boardResponseEnd: board?.responseEnd ?? null,
        boardBytes: board?.encodedBodySize ?? null,
        longFrames: loaf.filter((e) => e.startTime < performance.now()).slice(-4).map((e) => ({
          start: Math.round(e.startTime),
          duration: Math.round(e.duration),
          scripts: Math.round(e.scripts.reduce((sum, x) => sum + x.duration, 0)),
          styleAndLayout: e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : null,
          topScript: e.scripts.slice().sort((a, b) => b.duration - a.duration)[0]?.invoker ?? null,
        })),
      };
    }));
  }
  result.firstRenderMs = renders;
  result.firstRenderPhases = phases;

  // Baseline: the data alone, fetched by the same page with the same token.
  result.boardFetchMs = await page.evaluate(async ({ n }) => {
    const session = JSON.parse(Object.entries(localStorage).find(([k]) => k.toLowerCase().includes('session'))?.[1] ?? '{}');
    const token = session.accessToken ?? session.tokens?.accessToken;
    const times = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const response = await fetch('/api/board?take=30', { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) throw new Error(`GET /api/board answered ${response.status}`);
      await response.json();
      times.push(performance.now() - t0);
    }
    return times;
  }, { n: loads });

  // Scroll the longest column to its end.
  const counts = await page.$$eval('[data-testid=column]', (cols) =>
    cols.map((c) => ({ state: c.getAttribute('data-state'), count: Number(c.querySelector('[data-testid=count]').textContent.trim()) })));
  const longest = counts.reduce((a, b) => (b.count > a.count ? b : a));
  result.scrolledColumn = longest;
  Object.assign(result, await page.evaluate(async ({ state, count, step }) => {
    const column = document.querySelector(`[data-testid=column][data-state="${state}"]`);
    const body = column.querySelector('.body') ?? column;
    // Scroll what actually scrolls: the column's body, or (if the layout lets the column grow) an ancestor.
    const scrollable = (el) => el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowY);
    let scroller = body;
    while (scroller && !scrollable(scroller)) scroller = scroller.parentElement;
    scroller ??= document.scrollingElement;
    const describe = (el) => el === body ? 'the column' : `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''}`;
    const item = body.querySelector('[role=listitem]') ?? body.querySelector('[data-testid=card]');
    const pitch = item ? item.getBoundingClientRect().height : 0;
    const loaded = () => (pitch ? Math.round(body.scrollHeight / pitch) : 0);

    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const loaf = [];
    let observer;
    try {
      observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const top = e.scripts.slice().sort((a, b) => b.duration - a.duration)[0];
          loaf.push({
            duration: Math.round(e.duration),
            scripts: Math.round(e.scripts.reduce((sum, x) => sum + x.duration, 0)),
            styleAndLayout: e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : 0,
            topScript: top ? `${top.invoker} ${top.sourceFunctionName ?? ''} ${Math.round(top.duration)} ms`.trim() : null,
          });
        }
      });
      observer.observe({ type: 'long-animation-frame' });
    } catch { observer = null; }

    // Idle frames first: the page's own frame interval is the baseline.
    const idle = [];
    let last = await frame();
    for (let i = 0; i < 60; i++) { const t = await frame(); idle.push(t - last); last = t; }

    const gaps = [];
    const started = performance.now();
    let stable = 0;
    let lastHeight = -1;
    last = await frame();
    while (performance.now() - started < 180_000) {
      scroller.scrollTop = scroller.scrollTop + step;
      const t = await frame();
      gaps.push(t - last);
      last = t;
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      const loading = !!column.querySelector('mat-progress-bar');
      stable = atEnd && !loading && scroller.scrollHeight === lastHeight ? stable + 1 : 0;
      lastHeight = scroller.scrollHeight;
      if (stable >= 30) break;
    }
    observer?.disconnect();
    const cards = [...body.querySelectorAll('[data-testid=card]')];
    const sorted = (xs) => [...xs].sort((a, b) => a - b);
    const q = (xs, p) => { const s = sorted(xs); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null; };
    const cardsLoaded = loaded();
    return {
      scroller: describe(scroller),
      scrollMs: performance.now() - started,
      frames: gaps.length,
      longestFrameMs: gaps.length ? Math.max(...gaps) : null,
      p95FrameMs: q(gaps, 95),
      idleFrameMs: q(idle, 50),
      longAnimationFrames: loaf.sort((a, b) => b.duration - a.duration).slice(0, 5),
      cardsLoaded,
      expectedCards: count,
      cardsRenderedAtEnd: cards.length,
      lastCardShown: cards.length ? cards[cards.length - 1].textContent.trim().replace(/\s+/g, ' ').slice(0, 80) : null,
      reachedEnd: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2 && cardsLoaded >= count && cards.length > 0,
    };
  }, { state: longest.state, count: longest.count, step: pxPerFrame }));
  await context.close();
} catch (e) {
  result.error = String(e?.message ?? e);
} finally {
  clearTimeout(guard);
  await browser.close();
}
console.log('RESULT ' + JSON.stringify(result));
