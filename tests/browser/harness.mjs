// What the browser tests share (liff-e2e.mjs, liff-face.mjs): their arguments, the real services
// (madoguchi-linesim issuing ID tokens, madoguchi-receiver serving the page, the API and the spool)
// in a temporary directory, the demo case whose photos the tests show, and the page's first steps.
// Arguments: --build BUILD_DIR --modules NODE_MODULES --cases DEMO_CASES_DIR [--screenshots DIR]
//            [--unseal MADO_UNSEAL] [--only RUN]
import { execFile, spawn } from 'node:child_process';
import { strict as assert } from 'node:assert';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
export const build = path.resolve(args.build);
export const { chromium } = createRequire(path.join(path.resolve(args.modules), 'noop.js'))('playwright-core');
export const cli = path.join(build, 'app/madoguchi-cli');
// The receiver seals its spool (docs/security.md): mado-unseal opens a manifest or an image with the test's key.
export const unseal = path.resolve(args.unseal || path.join(build, 'tests/crypto/mado-unseal'));
const channel = '1657000000';
const started = Date.now();
export const log = (...m) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s]`, ...m);

export async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

const children = [];
export const outputs = {};
export function start(command, argv, name) {
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks = (outputs[name] = []);
  child.stdout.on('data', (d) => chunks.push(d));
  child.stderr.on('data', (d) => chunks.push(d));
  children.push(child);
  return child;
}

export async function sql(db, query) {
  const { stdout } = await run('sqlite3', ['-cmd', '.timeout 5000', db, query]);
  return stdout.trim();
}

// --- the services -------------------------------------------------------------------------------

export async function services(dir) {
  const sim = await freePort();
  const pub = await freePort();
  const ws = await freePort();
  await mkdir(path.join(dir, 'secrets'), { recursive: true, mode: 0o700 });
  const secret = () => Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  const wsToken = `ws-${secret()}`;
  const files = { channel_secret: secret(), access_token: secret(), workstation_token: wsToken };
  for (const [name, value] of Object.entries(files)) await writeFile(path.join(dir, 'secrets', name), value, { mode: 0o600 });
  const { createHash } = await import('node:crypto');
  await writeFile(path.join(dir, 'secrets/workstation_tokens'), `browser-test:${createHash('sha256').update(wsToken).digest('hex')}\n`, { mode: 0o600 });
  const { randomBytes } = await import('node:crypto');
  await writeFile(path.join(dir, 'secrets/spool.key'), randomBytes(32), { mode: 0o600 });
  const spool = path.join(dir, 'spool.sqlite');
  await writeFile(path.join(dir, 'receiver.ini'), `[http]
listen = 127.0.0.1:${pub}
[line]
channel_secret_file = ${dir}/secrets/channel_secret
channel_access_token_file = ${dir}/secrets/access_token
api_base = http://127.0.0.1:${sim}
data_api_base = http://127.0.0.1:${sim}
[liff]
channel_id = ${channel}
mock = true
static_dir = ${path.join(build, 'app/liff')}
[challenge]
; dlib's photos turn to the sides only
directions = left,right
[spool]
path = ${spool}
key_file = ${dir}/secrets/spool.key
min_free_bytes = 0
[workstation]
listen = 127.0.0.1:${ws}
tokens_file = ${dir}/secrets/workstation_tokens
`);
  start(path.join(build, 'app/madoguchi-linesim'), ['serve', '--access-token-file', path.join(dir, 'secrets/access_token'), '--listen', `127.0.0.1:${sim}`], 'linesim');
  start(path.join(build, 'app/madoguchi-receiver'), ['--config', path.join(dir, 'receiver.ini')], 'receiver');
  await waitFor(`http://127.0.0.1:${sim}/admin/messages`).catch(() => {});
  await waitFor(`http://127.0.0.1:${pub}/healthz`);
  return {
    base: `http://127.0.0.1:${pub}`,
    spool,
    dir,
    wsUrl: `http://127.0.0.1:${ws}`,
    wsTokenFile: path.join(dir, 'secrets/workstation_token'),
    async idToken(userId) {
      const r = await fetch(`http://127.0.0.1:${sim}/admin/id-tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId, channelId: channel, expiresIn: 3600 }) });
      return (await r.json()).idToken;
    },
  };
}

// --- the demo case whose photos the fake camera shows -------------------------------------------

export async function demoCase(casesDir) {
  const names = (await readdir(casesDir)).filter((n) => /^\d+-good$/.test(n)).sort();
  assert.ok(names.length, `no good demo case in ${casesDir}`);
  const dir = path.join(casesDir, names[0]);
  const manifest = JSON.parse(await readFile(path.join(dir, 'case.json'), 'utf8'));
  const dataUrl = async (file) => `data:image/jpeg;base64,${(await readFile(path.join(dir, file))).toString('base64')}`;
  const pool = await readdir(path.join(dir, 'pool'));
  const images = { document: await dataUrl(manifest.document.front.file) };
  // A direction asked twice gets a second, different photo (pool/<d>-2.jpg) the second time, as a
  // resident's two turns never give the same frame (the replay check would flag it).
  for (const d of ['front', 'left', 'right', 'up', 'down'])
    for (const variant of [d, `${d}-2`]) if (pool.includes(`${variant}.jpg`)) images[variant] = await dataUrl(`pool/${variant}.jpg`);
  return { dir, applicant: manifest.applicant, images, documentFile: path.join(dir, manifest.document.front.file) };
}

// --- the page -------------------------------------------------------------------------------------

// The one violation the page is known to cause, harmless and kept (docs/security.md): long.js inside
// TensorFlow.js (the face tracker's chunk) probes for WebAssembly once; the CSP refuses it and
// long.js uses its JavaScript path.
const knownViolation = /^CSP violation: script-src wasm-eval \S+\/liff\/facetracker-[A-Z0-9]+\.js$/;

export async function openPage(browser, svc, userId, camera, lang) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'ja-JP',
    hasTouch: true, isMobile: true });
  // camera: the canvas camera's settings (fake-camera.js), or null for Chromium's own fake device
  // (--use-file-for-fake-video-capture, see launch()).
  if (camera) {
    const fakeCamera = await readFile(new URL('./fake-camera.js', import.meta.url), 'utf8');
    await context.addInitScript(`(${fakeCamera})(${JSON.stringify(camera)})`);
  }
  // A CSP violation (the page, LINE's SDK, the face detector) becomes a console error, so a test fails on it.
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`)));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && !knownViolation.test(m.text())
    && problems.push(`console: ${m.text()}`));
  const token = await svc.idToken(userId);
  await page.goto(`${svc.base}/liff/${lang ? `?lang=${lang}` : ''}#mock-id-token=${encodeURIComponent(token)}`);
  await page.waitForSelector('[data-step="procedure"]');
  return { context, page, problems, token };
}

export async function shot(page, name) {
  if (!args.screenshots) return;
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(args.screenshots, `liff-${name}.png`) });
}

export async function fillForm(page, applicant) {
  const values = {
    name: applicant.name, kana: applicant.kana, dateOfBirth: applicant.dateOfBirth, postalCode: applicant.address.postalCode,
    prefecture: applicant.address.prefecture, city: applicant.address.city, line: applicant.address.line,
    phone: applicant.contact.phone, copies: String(applicant.copies),
  };
  for (const [field, value] of Object.entries(values)) await page.fill(`#f-${field}`, value);
}

export async function takeDocument(page) {
  await page.waitForSelector('[data-step="document"]');
  await page.waitForFunction(() => !document.querySelector('[data-step="document"] button[data-t="takePhoto"]').disabled);
  await page.waitForTimeout(300); // a few frames in the video
}


// Debian's Chromium, headless; extra flags (a fake camera file) after the common ones.
export function launch(extra = []) {
  return chromium.launch({
    executablePath: process.env.MADO_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-fake-ui-for-media-stream', '--disable-gpu', '--disable-dev-shm-usage', ...extra],
  });
}

// Stops the services; prints their output first when the test failed.
export async function stopServices(failed) {
  if (failed) for (const [name, chunks] of Object.entries(outputs)) console.error(`--- ${name}\n${Buffer.concat(chunks).toString()}`);
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
}
