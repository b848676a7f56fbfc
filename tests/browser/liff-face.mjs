// The selfie's face guidance in Debian's headless Chromium with Chromium's own fake camera
// (--use-file-for-fake-video-capture): for each scene the test composes a picture from dlib's
// sample photo bald_guys.jpg (face centres from resources/samples/bald_guys.labels.json), writes
// it as a .y4m file and starts a browser whose front camera shows it. The page must
//   one centred face           -> take the front frame (guide green)
//   no face / two faces / a face too small / off-centre
//                              -> say so in its own words (faceNone, faceMany, faceFar, faceCentre)
//                                 and take no frame
//   the detector cannot load   -> say so (tracker-note) and take the frame with the old checks.
// It also measures the per-frame detection time the page reports (viewer data-detect-ms).
// Screenshots (docs/images/liff-15… to liff-20…) go to --screenshots.
// Usage: node liff-face.mjs --build BUILD_DIR --modules NODE_MODULES --cases DEMO_CASES_DIR
//        [--screenshots DIR] [--samples SAMPLES_DIR] [--only centred|none|two|far|offCentre|unavailable]
import { strict as assert } from 'node:assert';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { args, demoCase, fillForm, launch, log, openPage, services, shot, stopServices } from './harness.mjs';

const samples = path.resolve(args.samples || process.env.MADOGUCHI_SAMPLES_DIR
  || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'madoguchi/samples'));
const labels = JSON.parse(await readFile(new URL('../../resources/samples/bald_guys.labels.json', import.meta.url), 'utf8'));

// The camera's picture: 480x640 (portrait, 3:4, so the viewer shows all of it).
const W = 480;
const H = 640;

// Each scene: face crops (a square of `crop` px around a labelled centre of bald_guys.jpg) drawn at
// `size` px with their centre at (x, y) as fractions of the picture, over a shelf-like background
// (sharp edges, so the page's brightness and sharpness checks pass and only the faces differ).
const crop = 230;
const face = (person, index, x, y, size) => ({ centre: labels.people[person][index], x, y, size });
const scenes = {
  centred: [face('Vin_Diesel', 2, 0.5, 0.46, 250)],
  none: [],
  two: [face('Vin_Diesel', 2, 0.27, 0.46, 210), face('Jason_Statham', 2, 0.73, 0.46, 210)],
  far: [face('Vin_Diesel', 2, 0.5, 0.46, 105)],
  offCentre: [face('Vin_Diesel', 2, 0.8, 0.46, 220)],
};

// Draws a scene in a page and answers its RGBA pixels (base64).
async function compose(page, photo, scene) {
  return page.evaluate(async ({ photo, scene, W, H, crop }) => {
    const img = new Image();
    img.src = photo;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = W;
    c.height = H;
    const x = c.getContext('2d');
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    x.fillStyle = '#b9b2a4';
    x.fillRect(0, 0, W, H);
    for (let i = 0; i < 140; i++) {
      const v = 90 + Math.floor(rand() * 120);
      x.fillStyle = `rgb(${v},${v - 10},${v - 25})`;
      x.fillRect(Math.floor(rand() * W), Math.floor(rand() * H), 8 + Math.floor(rand() * 30), 30 + Math.floor(rand() * 80));
    }
    for (const f of scene) {
      x.drawImage(img, f.centre[0] - crop / 2, f.centre[1] - crop / 2, crop, crop,
        f.x * W - f.size / 2, f.y * H - f.size / 2, f.size, f.size);
    }
    const data = x.getImageData(0, 0, W, H).data;
    let s = '';
    for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return btoa(s);
  }, { photo, scene, W, H, crop });
}

// RGBA -> a .y4m of a few identical I420 frames (BT.601, studio range), which Chromium's fake
// camera plays in a loop.
function y4m(rgba, frames = 3) {
  const y = Buffer.alloc(W * H);
  const u = Buffer.alloc((W / 2) * (H / 2));
  const v = Buffer.alloc((W / 2) * (H / 2));
  for (let j = 0; j < H; j++) for (let i = 0; i < W; i++) {
    const p = 4 * (j * W + i);
    y[j * W + i] = Math.round(16 + 0.257 * rgba[p] + 0.504 * rgba[p + 1] + 0.098 * rgba[p + 2]);
  }
  for (let j = 0; j < H / 2; j++) for (let i = 0; i < W / 2; i++) {
    let r = 0, g = 0, b = 0;
    for (const [di, dj] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
      const p = 4 * ((2 * j + dj) * W + 2 * i + di);
      r += rgba[p] / 4; g += rgba[p + 1] / 4; b += rgba[p + 2] / 4;
    }
    u[j * (W / 2) + i] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
    v[j * (W / 2) + i] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
  }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F25:1 Ip A1:1 C420jpeg\n`), ...Array(frames).fill(frame)]);
}

// Opens the page in a browser whose camera plays `file`, and goes to the selfie's first frame.
async function toSelfie(svc, sample, file, userId, { blockModel = false } = {}) {
  const browser = await launch(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`]);
  const { page, problems } = await openPage(browser, svc, userId, null);
  if (blockModel) await page.route('**/tiny_face_detector_model-*.bin', (route) => route.abort('failed'));
  await page.click('button[data-procedure="tax_certificate"]');
  await fillForm(page, sample.applicant);
  await page.click('[data-step="form"] button[type="submit"]');
  await page.waitForSelector('[data-step="document"]');
  await page.setInputFiles('#library', sample.documentFile);
  await page.click('button[data-t="usePhoto"]');
  await page.waitForSelector('[data-step="selfie"]');
  await page.click('button[data-t="start"]');
  await page.waitForSelector('.viewer[data-tracker]', { timeout: 90000 });
  await page.waitForSelector('#instruction[data-direction="front"]');
  return { browser, page, problems };
}

// The detection times (ms) the page reports while it looks at the camera for `ms` milliseconds.
async function detectionTimes(page, ms) {
  const seen = [];
  let last = null;
  for (const until = Date.now() + ms; Date.now() < until;) {
    const value = await page.getAttribute('.viewer', 'data-detect-ms');
    if (value !== null && value !== last) seen.push(Number(value));
    last = value;
    await page.waitForTimeout(50);
  }
  return seen;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = await mkdtemp(path.join(os.tmpdir(), 'mado-face-'));
await chmod(work, 0o700);
let failed = false;
let browser;
try {
  const svc = await services(work);
  const sample = await demoCase(path.resolve(args.cases));
  const photo = `data:image/jpeg;base64,${(await readFile(path.join(samples, 'faces/bald_guys.jpg'))).toString('base64')}`;
  // The scenes, composed once in a plain browser page.
  browser = await launch();
  const composer = await browser.newPage();
  const files = {};
  for (const [name, scene] of Object.entries(scenes)) {
    files[name] = path.join(work, `${name}.y4m`);
    await writeFile(files[name], y4m(Buffer.from(await compose(composer, photo, scene), 'base64')));
  }
  await browser.close();
  browser = null;

  let user = 0;
  const userId = () => `U${String(++user).padStart(32, '0')}`;

  // One centred face: the front frame is taken, the guide is green, and so are the turns that
  // follow (the picture stays frontal, well within the turned margin).
  const times = [];
  let backendSeen = '';
  if (!args.only || args.only === 'centred') {
    log('face: one centred face');
    const { page, problems } = await toSelfie(svc, sample, files.centred, userId()).then((r) => ((browser = r.browser), r));
    backendSeen = await page.getAttribute('.viewer', 'data-tracker');
    assert.notEqual(backendSeen, 'unavailable', 'the face tracker loads from /liff/');
    await page.waitForSelector('#instruction[data-captured="1"]', { timeout: 60000 });
    assert.equal(await page.getAttribute('.face-guide', 'data-state'), 'ok');
    await shot(page, '15-face-ok');
    times.push(...await detectionTimes(page, 8000));
    assert.deepEqual(problems, []);
    await browser.close();
    browser = null;
  }

  // Each wrong picture: its own words, a dashed orange guide, and no frame taken.
  const wrong = [['none', 'faceNone', /顔が見つかりません/, '16-face-none'], ['two', 'faceMany', /顔が複数写っています/, '17-face-many'],
    ['far', 'faceFar', /もう少し近づいてください/, '18-face-far'], ['offCentre', 'faceCentre', /顔を枠の中央に/, '19-face-centre']];
  for (const [scene, key, words, screenshot] of wrong) {
    if (args.only && args.only !== scene) continue;
    log(`face: ${scene}`);
    const { page, problems } = await toSelfie(svc, sample, files[scene], userId()).then((r) => ((browser = r.browser), r));
    await page.waitForSelector(`[data-step="selfie"] .message[data-t="${key}"]`, { timeout: 60000 }).catch(async (e) => {
      throw new Error(`${scene}: expected ${key}, the page says ${await page.getAttribute('[data-step="selfie"] .message', 'data-t')} `
        + `(face box ${await page.getAttribute('.face-box', 'style')})\n${e.message}`);
    });
    assert.match(await page.textContent('[data-step="selfie"] .message'), words);
    await shot(page, screenshot);
    times.push(...await detectionTimes(page, 4000));
    // Still the front step, still the same words, nothing taken.
    assert.equal(await page.getAttribute('#instruction', 'data-captured'), '0', `${scene}: no frame taken`);
    assert.equal(await page.getAttribute('#instruction', 'data-index'), '0');
    assert.equal(await page.getAttribute('[data-step="selfie"] .message', 'data-t'), key);
    assert.equal(await page.getAttribute('.face-guide', 'data-state'), 'bad');
    if (scene === 'offCentre') {
      // The same message in English.
      await page.click('#lang');
      assert.match(await page.textContent('[data-step="selfie"] .message'), /middle of the frame/);
    }
    assert.deepEqual(problems, []);
    await browser.close();
    browser = null;
  }

  // The detector's weights cannot be fetched: the page says so and the selfie goes on with the
  // brightness and sharpness checks (a resident is never blocked).
  if (!args.only || args.only === 'unavailable') {
    log('face: tracker unavailable');
    const { page } = await toSelfie(svc, sample, files.none, userId(), { blockModel: true }).then((r) => ((browser = r.browser), r));
    assert.equal(await page.getAttribute('.viewer', 'data-tracker'), 'unavailable');
    assert.match(await page.textContent('#tracker-note'), /顔の自動確認を読み込めませんでした/);
    assert.equal(await page.isVisible('#tracker-note'), true);
    await page.waitForSelector('#instruction[data-captured="1"]', { timeout: 60000 });
    await shot(page, '20-face-tracker-unavailable');
    await browser.close();
    browser = null;
  }

  if (!args.only) assert.ok(times.length >= 5, `detection times seen: ${times.length}`);
  if (times.length) log(`face: per-frame detection (${backendSeen}) ${times.length} frames, median ${median(times).toFixed(0)} ms, `
    + `min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  log('all face guidance checks passed');
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser?.close();
  await stopServices(failed);
  await rm(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
