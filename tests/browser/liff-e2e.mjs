// End-to-end test of the residents' LIFF page in Debian's headless Chromium (playwright-core,
// no browser download): the real madoguchi-receiver serves the page and the API, the real
// madoguchi-linesim issues the ID tokens, a canvas-backed fake camera shows dlib's sample photos
// (the demo's case pools) and follows the page's random challenge. Then the application in the
// spool is verified (madoguchi-cli verify on the bundle as stored) and imported
// (madoguchi-cli import). Runs:
//   good:      the whole path, screenshots of every step at 390x844 (docs/applicant-guide.md)
//   wrong way: the fake camera turns left when asked right and vice versa; the verdict says so
//   bad paths: camera refused (photo library), a form error next to its field, a challenge that
//              expires mid-capture (new challenge, no stale frames), the network down at submit
//              (retry with the same key, exactly one application stored)
// Usage: node liff-e2e.mjs --build BUILD_DIR --modules NODE_MODULES --cases DEMO_CASES_DIR
//        [--screenshots DIR] [--only good|wrong|bad]
import { spawn } from 'node:child_process';
import { strict as assert } from 'node:assert';
import { mkdtemp, mkdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { args, cli, demoCase, fillForm, launch, log, openPage, run, services, shot, sql, stopServices, takeDocument,
  unseal } from './harness.mjs';

// Follows the challenge to the end; returns the nonces of the challenges the page received.
async function selfie(page, screenshots) {
  await page.waitForSelector('[data-step="selfie"]');
  if (screenshots) await shot(page, '05-selfie-intro');
  await page.click('button[data-t="start"]');
  if (screenshots) {
    // The face tracker loads first (up to 30 s on a loaded machine: software WebGL compiles its shaders).
    await page.waitForSelector('#instruction[data-direction]:not([data-direction="front"])', { timeout: 60000 }).catch(async (e) => {
      // What the selfie step shows instead (tracker state, last message, face box).
      throw new Error(`${e.message}\n${await page.evaluate(() => JSON.stringify({ viewer: { ...document.querySelector('.viewer')?.dataset },
        instruction: { ...document.querySelector('#instruction')?.dataset }, message: document.querySelector('[data-step="selfie"] .message')?.dataset.t,
        box: document.querySelector('.face-box')?.getAttribute('style') }))}`);
    });
    await page.waitForTimeout(1200);
    await shot(page, '06-selfie-turn');
  }
  await page.waitForSelector('button[data-t="next"]:not([hidden])', { timeout: 120000 });
}

async function submitted(page) {
  await page.waitForSelector('[data-step="done"]', { timeout: 30000 });
  return (await page.textContent('#reference')).trim();
}

// The plain bytes of something the receiver sealed (a manifest envelope's bytes or an image file).
async function opened(svc, sealed) {
  const sealedFile = path.join(svc.dir, 'sealed.tmp');
  const plainFile = path.join(svc.dir, 'plain.tmp');
  await writeFile(sealedFile, sealed);
  await run(unseal, [path.join(svc.dir, 'secrets/spool.key'), sealedFile, plainFile]);
  const plain = await readFile(plainFile);
  await rm(plainFile, { force: true });
  return plain;
}

async function manifestOf(svc, reference) {
  const row = await sql(svc.spool, `SELECT id || char(9) || manifest FROM applications WHERE reference = '${reference.replace(/'/g, '')}'`);
  const [id, stored] = row.split('\t');
  return { id, manifest: JSON.parse(await opened(svc, Buffer.from(JSON.parse(stored).sealed, 'base64'))) };
}

// The bundle as the receiver stored it (case.json from the spool, images from its files
// directory), verified with madoguchi-cli verify --json.
async function verifyStored(svc, reference, work) {
  const { id, manifest } = await manifestOf(svc, reference);
  const bundle = path.join(work, `bundle-${id}`);
  await mkdir(bundle, { recursive: true });
  await writeFile(path.join(bundle, 'case.json'), JSON.stringify(manifest));
  const images = [manifest.document.front.file, ...manifest.selfie.frames.map((f) => f.image.file)];
  for (const file of images) await writeFile(path.join(bundle, file), await opened(svc, await readFile(path.join(`${svc.spool}-files`, id, file))));
  const { stdout } = await run(cli, ['verify', '--json', bundle], { maxBuffer: 1 << 24 }).catch((e) => ({ stdout: e.stdout || '' }));
  // MADO_BROWSER_KEEP=DIR keeps the bundles for a look (they hold only sample photos).
  if (process.env.MADO_BROWSER_KEEP) await run('cp', ['-r', bundle, process.env.MADO_BROWSER_KEEP]);
  await rm(bundle, { recursive: true, force: true });
  return { verdict: JSON.parse(stdout), manifest };
}

async function importAll(svc, work) {
  const store = path.join(work, 'store.sqlite');
  // `init` reads the new admin's password from stdin.
  const child = spawn(cli, ['init', '--store', store, '--admin', 'admin', '--name', '管理者'], { stdio: ['pipe', 'ignore', 'pipe'] });
  child.stdin.end('admin-password-1234\n');
  await new Promise((r) => child.on('exit', r));
  const { stdout } = await run(cli, ['import', '--once', '--receiver', svc.wsUrl, '--token-file', svc.wsTokenFile, '--store', store]);
  return stdout.trim();
}

function checks(verdict) {
  return Object.fromEntries((verdict.checks || []).map((c) => [c.id, c.outcome === 'pass' ? 'pass' : `${c.outcome}: ${c.reason}`]));
}

// --- the runs -------------------------------------------------------------------------------------

async function goodRun(browser, svc, sample, work) {
  log('good run: the whole path');
  const { context, page, problems } = await openPage(browser, svc, 'U0000000000000000000000000000good', { images: sample.images });
  await shot(page, '01-procedures');
  // The policy is shown before the resident starts: 住民票 is held, with the reason.
  assert.ok(await page.isDisabled('button[data-procedure="juminhyo_copy"]'));
  assert.match(await page.textContent('#reason-juminhyo_copy'), /電子署名/);
  await page.click('#lang');
  assert.match(await page.textContent('button[data-procedure="tax_certificate"]'), /Tax certificate/);
  assert.match(await page.textContent('#reason-juminhyo_copy'), /JPKI/);
  await page.click('#lang');
  assert.match(await page.textContent('button[data-procedure="tax_certificate"]'), /課税証明書/);
  await page.click('button[data-procedure="tax_certificate"]');
  await page.waitForSelector('[data-step="form"]');
  await shot(page, '02-form');
  await fillForm(page, sample.applicant);
  await page.click('[data-step="form"] button[type="submit"]');
  await takeDocument(page);
  await shot(page, '03-document-camera');
  await page.click('button[data-t="takePhoto"]');
  await page.waitForSelector('button[data-t="usePhoto"]:not([hidden])');
  await shot(page, '04-document-checked');
  await page.click('button[data-t="usePhoto"]');
  log('good run: document taken');
  await selfie(page, true);
  log('good run: selfie taken');
  await page.click('button[data-t="next"]');
  await page.waitForSelector('[data-step="review"]');
  await shot(page, '07-review');
  await page.click('button[data-t="submit"]');
  const reference = await submitted(page);
  await shot(page, '08-done');
  await page.click('button[data-t="statusLink"]');
  await page.waitForSelector(`li[data-reference="${reference}"]`);
  await shot(page, '09-status');
  // English switch.
  await page.click('#lang');
  await page.waitForSelector('text=My applications');
  await shot(page, '10-status-english');
  assert.deepEqual(problems, []);
  await context.close();
  log('good run: submitted, verifying');

  const { verdict, manifest } = await verifyStored(svc, reference, work);
  log(`good run: ${reference} directions ${manifest.challenge.directions.join(',')} verdict ${verdict.overall}`, JSON.stringify(checks(verdict)));
  assert.equal(manifest.applicant.name, sample.applicant.name);
  assert.equal(manifest.selfie.frames.length, 4);
  assert.notEqual(verdict.overall, 'fail', `the good run's verdict fails: ${JSON.stringify(checks(verdict))}`);
  const turned = verdict.frames.slice(1).every((f) => f.stepPassed);
  assert.ok(turned, `every turn passes: ${JSON.stringify(verdict.frames)}`);
  return reference;
}

async function wrongWayRun(browser, svc, sample, work) {
  log('wrong-way run');
  const { context, page, problems } = await openPage(browser, svc, 'U000000000000000000000000000wrong',
    { images: sample.images, map: { left: 'right', right: 'left' } });
  await page.click('button[data-procedure="tax_certificate"]');
  await fillForm(page, sample.applicant);
  await page.click('[data-step="form"] button[type="submit"]');
  await takeDocument(page);
  await page.click('button[data-t="takePhoto"]');
  await page.click('button[data-t="usePhoto"]');
  await selfie(page, false);
  await page.click('button[data-t="next"]');
  await page.click('button[data-t="submit"]');
  const reference = await submitted(page);
  assert.deepEqual(problems, []);
  await context.close();
  const { verdict } = await verifyStored(svc, reference, work);
  log(`wrong-way run: ${reference} verdict ${verdict.overall}`, JSON.stringify(checks(verdict)));
  const failedTurns = verdict.frames.slice(1).filter((f) => !f.stepPassed);
  assert.equal(failedTurns.length, 3, `every turn is the wrong way: ${JSON.stringify(verdict.frames)}`);
  assert.equal(verdict.overall, 'fail');
  return reference;
}

async function badPathsRun(browser, svc, sample) {
  log('bad paths run');
  const user = 'U00000000000000000000000000000bad';
  const { context, page, problems, token } = await openPage(browser, svc, user, { images: sample.images, denied: true });
  await page.click('button[data-procedure="tax_certificate"]');
  // A form error, in words, next to its field, as the resident types.
  await fillForm(page, sample.applicant);
  await page.fill('#f-kana', 'yamada');
  const kanaError = await page.textContent('#f-kana-error');
  assert.match(kanaError, /カタカナ/);
  assert.equal(await page.getAttribute('#f-kana', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#f-kana', 'aria-describedby'), 'f-kana-error');
  await page.fill('#f-postalCode', '1000001');
  await page.click('[data-step="form"] button[type="submit"]');
  assert.match(await page.textContent('#f-postalCode-error'), /123-4567/);
  await shot(page, '11-form-errors');
  assert.equal(await page.$('[data-step="document"]'), null, 'the form with errors does not go on');
  await page.fill('#f-kana', sample.applicant.kana);
  await page.fill('#f-postalCode', sample.applicant.address.postalCode);
  assert.equal(await page.textContent('#f-kana-error'), '');
  await page.click('[data-step="form"] button[type="submit"]');

  // Camera refused: the page offers the photo library.
  await page.waitForSelector('[data-step="document"] .message.error');
  assert.match(await page.textContent('[data-step="document"] .message'), /ライブラリ/);
  await shot(page, '12-camera-refused');
  await page.setInputFiles('#library', sample.documentFile);
  await page.waitForSelector('button[data-t="usePhoto"]:not([hidden])');
  await page.click('button[data-t="usePhoto"]');

  // The selfie needs the camera: refused, then allowed.
  await page.waitForSelector('[data-step="selfie"]');
  await page.click('button[data-t="start"]');
  await page.waitForSelector('[data-step="selfie"] .message.error');
  await page.evaluate(() => window.__fakeCamera.allow());

  // The first challenge is made to expire 6 s after issue (mid-capture); the page must drop its
  // frames and follow a new one.
  const nonces = [];
  let first = true;
  await page.route('**/api/v1/challenges', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    nonces.push(body.nonce);
    if (first) {
      first = false;
      body.expiresAt = new Date(Date.parse(body.issuedAt) + 6000).toISOString();
    }
    await route.fulfill({ response, json: body });
  });
  await page.click('button[data-t="start"]');
  // The face tracker loads before the first challenge (up to 30 s here, software WebGL).
  await page.waitForSelector('[data-step="selfie"] .message[data-t="expired"]', { timeout: 60000 });
  await shot(page, '13-challenge-expired');
  await page.waitForSelector('button[data-t="next"]:not([hidden])', { timeout: 120000 });
  assert.equal(nonces.length, 2);
  await page.click('button[data-t="next"]');

  // The network goes down at submit: the request reaches the receiver, the answer is lost.
  let attempts = 0;
  const keys = [];
  await page.route('**/api/v1/applications', async (route) => {
    attempts++;
    keys.push(route.request().headers()['idempotency-key']);
    if (attempts === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.click('button[data-t="submit"]');
  await page.waitForSelector('button[data-t="retry"]');
  assert.match(await page.textContent('[data-step="review"] .message'), /もう一度送信/);
  await shot(page, '14-network-retry');
  await page.click('button[data-t="retry"]');
  const reference = await submitted(page);
  assert.equal(attempts, 2);
  assert.equal(keys[0], keys[1], 'the retry sends the same idempotency key');
  assert.deepEqual(problems, []);
  await context.close();

  assert.equal(await sql(svc.spool, `SELECT count(*) FROM applications WHERE user_id = '${user}'`), '1', 'exactly one application stored');
  const { manifest } = await manifestOf(svc, reference);
  assert.equal(manifest.challenge.nonce, nonces[1], 'the application carries the second challenge');
  const issued = Date.parse(manifest.challenge.issuedAt);
  for (const f of manifest.selfie.frames) assert.ok(Date.parse(f.capturedAt) >= issued, 'no frame from before the new challenge');
  log(`bad paths run: ${reference}; one application for ${attempts} attempts; second challenge used`);
  void token;
}

// --- main -------------------------------------------------------------------------------------

const work = await mkdtemp(path.join(os.tmpdir(), 'mado-browser-'));
await chmod(work, 0o700);
let browser;
let failed = false;
try {
  if (args.screenshots) await mkdir(args.screenshots, { recursive: true });
  const svc = await services(work);
  const sample = await demoCase(path.resolve(args.cases));
  browser = await launch();
  const only = args.only;
  if (!only || only === 'good') await goodRun(browser, svc, sample, work);
  if (!only || only === 'wrong') await wrongWayRun(browser, svc, sample, work);
  if (!only || only === 'bad') await badPathsRun(browser, svc, sample);
  const imported = await importAll(svc, work);
  log(`import: ${imported}`);
  assert.match(imported, /imported/);
  assert.doesNotMatch(imported, /failed [1-9]/);
  log('all browser checks passed');
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser?.close();
  await stopServices(failed);
  await rm(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
