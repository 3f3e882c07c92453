// End to end: the real page in headless Chromium against the real demo server over HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  clickItem, decodePng, distinctColours, framesAfterInput, launchBrowser, openInspector, screenshot, seedTaskId,
  startServer, state, submitImagine, waitForItem, waitForState,
} from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer(['--demo']);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const terminal = (s) => ['SUCCESS', 'FAILURE', 'CANCEL'].includes(s);

describe('foundation', () => {
  test('the page draws its first frame and is not blank', async () => {
    const page = await openInspector(browser, `${server.url}/`);
    const s = await state(page);
    assert.equal(s.ready, true);
    assert.ok(s.framesRendered >= 1, `framesRendered ${s.framesRendered}`);
    const { png } = await screenshot(page, 'empty');
    assert.ok(distinctColours(decodePng(png)) > 20, 'the canvas shows more than a flat colour');
    assert.deepEqual(page.consoleLines.filter((l) => l.startsWith('pageerror')), []);
    await page.close();
  });

  test('a task typed into the id box and fetched with the button progresses to SUCCESS', async () => {
    // A demo task's simulated clock starts at its first fetch, so the page sees it from the beginning.
    const id = '1764900000000001';
    const page = await openInspector(browser, `${server.url}/?poll=1`);
    await clickItem(page, '###task-input');
    await page.keyboard.type(id);
    await clickItem(page, '###fetch');
    const seen = new Set();
    const final = await waitForState(page, (s) => {
      const t = s.tasks.find((x) => x.id === id);
      if (t?.status) seen.add(t.status);
      return t && terminal(t.status);
    }, { timeout: 60000, what: `task ${id} to finish` });
    const t = final.tasks.find((x) => x.id === id);
    assert.equal(t.status, 'SUCCESS');
    assert.equal(t.progress, '100%');
    assert.equal(final.selectedId, id);
    assert.ok(seen.has('IN_PROGRESS') || seen.has('SUBMITTED'), `saw intermediate states: ${[...seen]}`);
    assert.ok(t.buttons.length >= 4, 'a finished grid offers its buttons');
    assert.ok(t.imageUrl && t.imageUrl.startsWith('http'), 'the result has an image link');
    assert.ok(t.finishTime >= t.startTime && t.startTime >= t.submitTime);
    await screenshot(page, 'task-success');
    await page.close();
  });

  test('the seed task at devicePixelRatio 2 is crisp and its Chinese prompt renders as characters', async () => {
    const page = await openInspector(browser, `${server.url}/?task=${seedTaskId}&lang=zh`, { dpr: 2 });
    const s = await waitForState(page, (x) => x.tasks[0]?.status === 'SUCCESS', { what: 'seed task' });
    assert.equal(s.tasks[0].id, seedTaskId);
    assert.equal(s.tasks[0].prompt, '这是一个视频截图，请生成对应的吉卜力风格的图片');
    const fonts = await waitForFonts(page);
    assert.equal(fonts.cjkLoaded, true);
    const promptMissing = [...s.tasks[0].prompt].map((c) => c.codePointAt(0)).filter((cp) => fonts.missing.includes(cp));
    assert.deepEqual(promptMissing, [], 'every character of the prompt has a glyph in the atlas');
    assert.ok(fonts.wanted > 20, `the atlas was asked for the prompt's glyphs (${fonts.wanted})`);
    assert.equal(fonts.dpr, 2);
    const { png } = await screenshot(page, 'seed-task-dpr2');
    const img = decodePng(png);
    assert.equal(img.width, 1280 * 2, 'the screenshot is at device resolution');
    // The canvas backing store follows devicePixelRatio, so text is drawn at full resolution.
    const backing = await page.evaluate(() => {
      const c = document.querySelector('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth };
    });
    assert.equal(backing.w, backing.cssW * 2);
    await page.close();
  });

  test('nothing is drawn while nothing changes, and input wakes it up', async () => {
    const page = await openInspector(browser, `${server.url}/?task=${seedTaskId}`);
    await waitForState(page, (x) => x.tasks[0]?.status === 'SUCCESS');
    await page.waitForTimeout(1000); // let the last answer's frames finish
    const before = (await state(page)).framesRendered;
    await page.waitForTimeout(2000);
    const idle = (await state(page)).framesRendered - before;
    assert.ok(idle <= 2, `frames drawn in 2 s of idling: ${idle}`);
    assert.ok(await framesAfterInput(page) > 0, 'moving the mouse draws again');
    await page.close();
  });

  test('copy and paste go through the system clipboard', async () => {
    const page = await openInspector(browser, `${server.url}/?task=${seedTaskId}`);
    await waitForState(page, (x) => x.tasks[0]?.status === 'SUCCESS');
    await clickItem(page, '###copy-id');
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.TaskInspector._clipboard()), seedTaskId);

    // A real DOM paste event (what Ctrl+V fires) of a spreadsheet column into the id box, then Enter.
    await clickItem(page, '###task-input');
    // The click is applied on the next frame; then the inspector's text helper holds the focus, as for a person
    // who clicked the box and then pressed Ctrl+V.
    await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'TEXTAREA');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', '1764830112345678\r\n1764830199999001\r\n');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    });
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    const s = await waitForState(page, (x) => x.tasks.length === 3 && x.tasks.every((t) => t.status));
    assert.deepEqual(s.tasks.map((t) => t.id), [seedTaskId, '1764830112345678', '1764830199999001']);
    assert.equal(s.tasks[2].status, 'FAILURE');
    await page.close();
  });

  test('the canvas follows its container and lays out again', async () => {
    const page = await openInspector(browser, `${server.url}/?task=${seedTaskId}`);
    await page.setViewportSize({ width: 820, height: 600 });
    await page.waitForTimeout(300);
    const size = await page.evaluate(() => {
      const c = document.querySelector('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
    });
    assert.deepEqual(size, { w: 820, h: 600, cssW: 820, cssH: 600 });
    const fetch = await waitForItem(page, '###fetch');
    assert.ok(fetch.x + fetch.w <= 820, `the Fetch button is inside the narrower canvas (${fetch.x + fetch.w})`);
    await screenshot(page, 'resized-820x600');
    await page.close();
  });

  test('URL parameters set language, theme, poll interval and the tasks', async () => {
    const page = await openInspector(browser, `${server.url}/?task=${seedTaskId},1764830112345678&lang=zh&theme=light&poll=7&auth=mj-api-secret`);
    const s = await waitForState(page, (x) => x.tasks.length === 2 && x.tasks.every((t) => t.status));
    assert.equal(s.lang, 'zh');
    assert.equal(s.theme, 'light');
    assert.equal(s.pollSeconds, 7);
    assert.equal(s.auth, 'mj-api-secret');
    assert.equal(s.selectedId, seedTaskId);
    const fetch = await waitForItem(page, '###fetch');
    assert.match(fetch.label, /查询/);
    await screenshot(page, 'url-params-zh-light');
    await page.close();
  });

  test('bad URL parameters become readable errors and the page keeps working', async () => {
    const page = await openInspector(browser, `${server.url}/?lang=klingon&poll=abc&base=javascript:alert(1)&key=sk-leak-me`);
    const s = await state(page);
    const text = JSON.stringify(s);
    assert.ok(s.errors.length >= 3, text);
    assert.ok(s.errors.every((e) => e.kind === 'bad_input' && e.message.length > 10));
    assert.ok(!text.includes('sk-leak-me'), 'a key in the URL is never echoed');
    assert.equal(s.lang, 'en');
    assert.ok(await framesAfterInput(page) > 0);
    await page.close();
  });
});

describe('JavaScript API and postMessage', () => {
  test('configure, open, state and on("task") drive the inspector', async () => {
    const page = await openInspector(browser, `${server.url}/`);
    const id = await submitImagine(server.url, '一只在雨中的橘猫，赛博朋克风格 --ar 16:9');
    await page.evaluate(({ base }) => {
      window.__events = [];
      window.TaskInspector.on('task', (t) => window.__events.push(t));
      window.TaskInspector.configure({ baseUrl: base, pollSeconds: 1, lang: 'en', theme: 'dark' });
    }, { base: server.url });
    await page.evaluate((x) => window.TaskInspector.open(x), id);
    const s = await waitForState(page, (x) => terminal(x.tasks.find((t) => t.id === id)?.status), { timeout: 60000 });
    assert.equal(s.baseUrl, server.url);
    const events = await page.evaluate(() => window.__events);
    assert.ok(events.length >= 2, `task events: ${events.length}`);
    assert.ok(events.every((e) => e.id === id));
    assert.equal(events.at(-1).status, s.tasks.find((t) => t.id === id).status);
    await page.close();
  });

  test('an embedding page drives the inspector in an iframe with postMessage', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/does-not-matter-404`).catch(() => {});
    await page.setContent(`<iframe id="f" src="${server.url}/?embed=1" width="900" height="600"></iframe>`);
    const frame = await (await page.$('#f')).contentFrame();
    await frame.evaluate(() => window.TaskInspectorReady.then(() => true));
    await page.evaluate((seed) => {
      window.__got = [];
      window.addEventListener('message', (e) => { if (e.data?.type === 'task-inspector:task') window.__got.push(e.data.task); });
      const w = document.getElementById('f').contentWindow;
      w.postMessage({ type: 'task-inspector:configure', lang: 'zh' }, '*');
      w.postMessage({ type: 'task-inspector:open', ids: [seed] }, '*');
      w.postMessage({ type: 'task-inspector:open', ids: { not: 'a list' } }, '*');
    }, seedTaskId);
    const start = Date.now();
    let got = [];
    while (Date.now() - start < 15000) {
      got = await page.evaluate(() => window.__got);
      if (got.some((t) => t.status === 'SUCCESS')) break;
      await page.waitForTimeout(100);
    }
    assert.ok(got.some((t) => t.id === seedTaskId && t.status === 'SUCCESS'), JSON.stringify(got).slice(0, 500));
    const s = await frame.evaluate(() => window.TaskInspector.state());
    assert.equal(s.lang, 'zh');
    const labels = (await frame.evaluate(() => window.TaskInspector._items())).map((i) => i.label);
    assert.ok(labels.some((l) => l.endsWith('###connection-toggle')), 'embed=1 folds the connection bar');
    assert.ok(!labels.some((l) => l.endsWith('###api-key')));
    assert.ok(s.errors.some((e) => e.kind === 'bad_input'), 'a malformed message is reported, not thrown');
    await context.close();
  });
});

// Every bad-response class, served by the demo server's fault prefix to the real page.
const faults = [
  ['html502', 'html'], ['500', 'html'], ['html200', 'html'], ['empty', 'empty'], ['truncated', 'truncated_json'],
  ['malformed', 'malformed_json'], ['array', 'wrong_shape'], ['string', 'wrong_shape'], ['null', 'wrong_shape'],
  ['401', 'auth'], ['notfound', 'not_found'], ['429', 'rate_limited'], ['drop', 'network'], ['cors', 'network'],
];
// The page is on 127.0.0.1; "localhost" is another origin, so the browser enforces CORS there.
const crossOrigin = (url) => url.replace('127.0.0.1', 'localhost');

describe('bad responses keep the last good data and a readable error', () => {
  let page;
  before(async () => {
    page = await openInspector(browser, `${server.url}/?task=${seedTaskId}`);
    await waitForState(page, (x) => x.tasks[0]?.status === 'SUCCESS');
  });
  after(async () => { await page?.close(); });

  for (const [spec, kind] of faults) {
    test(`${spec} -> ${kind}`, async () => {
      const before = (await state(page)).errors.length;
      const base = spec === 'cors' ? crossOrigin(server.url) : server.url;
      await page.evaluate((b) => window.TaskInspector.configure({ baseUrl: b }), `${base}/_fault/${spec}`);
      await clickItem(page, '###refresh');
      const s = await waitForState(page, (x) => x.errors.length > before && x.tasks[0].lastError,
        { what: `an error for ${spec}` });
      const err = s.errors.at(-1);
      assert.equal(err.kind, kind, JSON.stringify(err));
      assert.ok(err.message.length > 15, `readable message: ${err.message}`);
      assert.equal(s.tasks[0].lastError.kind, kind);
      assert.equal(s.tasks[0].status, 'SUCCESS', 'the last good data stays');
      assert.equal(s.tasks[0].prompt, '这是一个视频截图，请生成对应的吉卜力风格的图片');
      assert.ok(await framesAfterInput(page) > 0, 'frames still render');
      if (spec === 'html502' || spec === 'truncated') await screenshot(page, `fault-${spec}`);
    });
  }

  test('a closed port is a network error with CORS advice', async () => {
    const before = (await state(page)).errors.length;
    await page.evaluate(() => window.TaskInspector.configure({ baseUrl: 'http://127.0.0.1:9' }));
    await clickItem(page, '###refresh');
    const s = await waitForState(page, (x) => x.errors.length > before);
    assert.equal(s.errors.at(-1).kind, 'network');
    assert.match(s.errors.at(-1).message, /CORS|proxy|relay/i);
    assert.equal(s.tasks[0].status, 'SUCCESS');
  });

  test('going back to a good server clears the task error', async () => {
    await page.evaluate((base) => window.TaskInspector.configure({ baseUrl: base }), server.url);
    await clickItem(page, '###refresh');
    const s = await waitForState(page, (x) => x.tasks[0].lastError === null && x.tasks[0].fetchedAt > 0);
    assert.equal(s.tasks[0].status, 'SUCCESS');
  });

  // Last in this group: the answer replaces the task's data with the wrongly typed one.
  test('wrongly typed fields are shown as problems, not as an error, and nothing crashes', async () => {
    await page.evaluate((b) => window.TaskInspector.configure({ baseUrl: b }), `${server.url}/_fault/wrongtypes`);
    const before = (await state(page)).tasks[0].fetchedAt;
    await clickItem(page, '###refresh');
    const s = await waitForState(page, (x) => x.tasks[0].fetchedAt > before, { what: 'the wrongly typed answer' });
    const t = s.tasks[0];
    assert.equal(t.lastError, null);
    assert.ok(t.problems.length >= 5, `problems reported: ${JSON.stringify(t.problems)}`);
    assert.ok(t.problems.every((p) => p.field && p.expected && p.got));
    assert.ok(await framesAfterInput(page) > 0, 'frames still render');
    await screenshot(page, 'fault-wrongtypes');
  });
});

async function waitForFonts(page) {
  const start = Date.now();
  for (;;) {
    const f = await page.evaluate(() => window.TaskInspector._fonts());
    if (f.cjkLoaded && !f.pendingRebuild) return f;
    if (Date.now() - start > 15000) return f;
    await page.mouse.move(5, 5);
    await page.waitForTimeout(150);
  }
}

describe('API key', () => {
  const key = 'sk-e2e-secret-7f3a9c';
  let authServer;
  before(async () => { authServer = await startServer(['--auth', 'bearer', '--key-env', 'MJ_E2E_KEY'], { MJ_E2E_KEY: key }); });
  after(async () => { await authServer?.stop(); });

  test('is sent in the chosen header style and never shows up in the URL, state, log or server log', async () => {
    const page = await openInspector(browser, `${authServer.url}/?task=${seedTaskId}`);
    let s = await waitForState(page, (x) => x.tasks[0]?.lastError, { what: 'an auth error without a key' });
    assert.equal(s.tasks[0].lastError.kind, 'auth');

    await page.evaluate(() => window.TaskInspector.configure({ apiKey: 'sk-e2e-secret-7f3a9c', auth: 'mj-api-secret' }));
    await clickItem(page, '###refresh');
    s = await waitForState(page, (x) => x.errors.filter((e) => e.kind === 'auth').length >= 2,
      { what: 'the wrong header style to be refused' });

    await page.evaluate(() => window.TaskInspector.configure({ auth: 'bearer' }));
    await clickItem(page, '###refresh');
    s = await waitForState(page, (x) => x.tasks[0].status === 'SUCCESS' && !x.tasks[0].lastError,
      { what: 'the task with the key in a Bearer header' });

    assert.ok(!page.url().includes(key));
    assert.ok(!JSON.stringify(s).includes(key), 'state() never carries the key');
    assert.ok(s.log.length >= 3 && s.log.every((l) => !l.url.includes(key)));
    assert.ok(!authServer.log().includes(key), 'the server never logs the key');
    assert.ok(!page.consoleLines.some((l) => l.includes(key)), 'the page never logs the key');
    await screenshot(page, 'api-key-masked');
    await page.close();
  });
});
