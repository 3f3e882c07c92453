// Shared pieces of the browser tests: start the real demo server, drive Debian's chromium, talk to the page.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = resolve(root, '..', 'shared');
export const screenshotDir = join(root, 'build', 'test-results', 'screenshots');
export const seedTaskId = '1747132423020537';

// Starts build/native/mj-demo-server on a free port; resolves once it prints its URL.
export async function startServer(extraArgs = [], env = {}) {
  const bin = join(root, 'build', 'native', 'mj-demo-server');
  const args = ['--port', '0', '--root', join(root, 'build', 'web'), '--fixtures', join(sharedDir, 'fixtures'),
                '--speed', '20', '--seed', '7', ...extraArgs];
  const child = spawn(bin, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d.toString(); });
  const url = await new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${log}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolveUrl(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${log}`)); });
  });
  return {
    url,
    log: () => log,
    stop: () => new Promise((res) => {
      if (child.exitCode !== null) return res();
      child.on('exit', () => res());
      child.kill('SIGTERM');
    }),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-quic',
           '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A new page at `url`, resolved once window.TaskInspectorReady has resolved (the first frame is drawn).
export async function openInspector(browser, url, { dpr = 1, width = 1280, height = 800, locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, locale });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.evaluate(() => window.TaskInspectorReady.then(() => true));
  page.consoleLines = consoleLines;
  return page;
}

export const state = (page) => page.evaluate(() => window.TaskInspector.state());

// Polls state() until predicate(state) is truthy; returns that state or throws with the last one seen.
export async function waitForState(page, predicate, { timeout = 20000, what = 'condition' } = {}) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    last = await state(page);
    if (predicate(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last).slice(0, 2000)}`);
}

export const items = (page) => page.evaluate(() => window.TaskInspector._items());

// Finds a widget by its stable ImGui id suffix ("###fetch") in the last frame and clicks its centre.
export async function clickItem(page, idSuffix) {
  const found = await waitForItem(page, idSuffix);
  const box = await page.locator('canvas').first().boundingBox();
  await page.mouse.click(box.x + found.x + found.w / 2, box.y + found.y + found.h / 2);
  return found;
}

export async function waitForItem(page, idSuffix, timeout = 5000) {
  const start = Date.now();
  for (;;) {
    const all = await items(page);
    const found = all.find((i) => i.label.endsWith(idSuffix) && i.w > 0 && i.h > 0 && i.visible !== false);
    if (found) return found;
    if (Date.now() - start > timeout) {
      throw new Error(`no widget ${idSuffix}; have: ${all.map((i) => i.label).join(', ').slice(0, 1500)}`);
    }
    await page.mouse.move(2, 2); // a frame is drawn only when something happens
    await page.waitForTimeout(100);
  }
}

// Moves the mouse over the canvas and returns how many frames that drew: proof the page still renders.
export async function framesAfterInput(page) {
  const before = (await state(page)).framesRendered;
  const box = await page.locator('canvas').first().boundingBox();
  for (let i = 0; i < 5; i++) {
    await page.mouse.move(box.x + 100 + i * 7, box.y + 300 + i * 3);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(200);
  return (await state(page)).framesRendered - before;
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  const png = await page.screenshot({ path: file });
  return { file, png };
}

// Creates a fresh simulated task through the demo server's own API (not through the page under test).
export async function submitImagine(serverUrl, prompt, headers = {}) {
  const r = await fetch(`${serverUrl}/mj/submit/imagine`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ prompt, base64Array: [], notifyHook: '', state: 'e2e' }),
  });
  const body = await r.json();
  if (String(body.code) !== '1' && String(body.code) !== '22') throw new Error(`imagine failed: ${JSON.stringify(body)}`);
  return String(body.result);
}

// Minimal PNG reader (8-bit RGB/RGBA, not interlaced: what Chromium writes) for looking at screenshots.
export function decodePng(buf) {
  let pos = 8;
  let width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); colorType = data[9]; }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[y * stride + x - bpp] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? px[(y - 1) * stride + x - bpp] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c; const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      px[y * stride + x] = v & 255;
    }
  }
  return { width, height, bpp, px };
}

// How many distinct colours a screenshot has (a blank canvas has one or two).
export function distinctColours(img) {
  const seen = new Set();
  for (let i = 0; i < img.px.length; i += img.bpp * 7) seen.add((img.px[i] << 16) | (img.px[i + 1] << 8) | img.px[i + 2]);
  return seen.size;
}

export function writeJson(name, value) {
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(join(screenshotDir, name), JSON.stringify(value, null, 2));
}
