// The selfie guide's judgement of the faces a detector found (resources/liff/src/faceguide.js):
// node's own test runner, no browser.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { guideLimits, judgeFaces, visibleRect } from '../../resources/liff/src/faceguide.js';

// A face box whose centre is at (cx, cy) and width w, as fractions of a 480x640 picture.
const W = 480;
const H = 640;
const box = (cx, cy, w) => ({ x: (cx - w / 2) * W, y: cy * H - (w * W * 1.2) / 2, width: w * W, height: w * W * 1.2 });

test('a landscape frame is seen through the 3:4 viewer: its middle only', () => {
  assert.deepEqual(visibleRect(1280, 720), { x: 370, y: 0, width: 540, height: 720 });
  assert.deepEqual(visibleRect(480, 640), { x: 0, y: 0, width: 480, height: 640 });
  assert.deepEqual(visibleRect(480, 800), { x: 0, y: 80, width: 480, height: 640 });
});

test('one face of the right size in the oval is taken', () => {
  const judged = judgeFaces([box(0.5, 0.46, 0.45)], W, H);
  assert.equal(judged.problem, null);
  assert.ok(Math.abs(judged.box.width - 0.45) < 1e-9);
});

test('each wrong picture has its own problem', () => {
  assert.equal(judgeFaces([], W, H).problem, 'faceNone');
  assert.equal(judgeFaces([box(0.3, 0.46, 0.3), box(0.7, 0.46, 0.3)], W, H).problem, 'faceMany');
  assert.equal(judgeFaces([box(0.5, 0.46, guideLimits.minWidth - 0.02)], W, H).problem, 'faceFar');
  assert.equal(judgeFaces([box(0.5, 0.46, guideLimits.maxWidth + 0.05)], W, H).problem, 'faceNear');
  assert.equal(judgeFaces([box(0.75, 0.46, 0.4)], W, H).problem, 'faceCentre');
  assert.equal(judgeFaces([box(0.5, 0.7, 0.4)], W, H).problem, 'faceCentre');
});

test('a turned head may sit further to the side than a frontal one', () => {
  const aside = [box(0.5 + (guideLimits.maxOffsetX + guideLimits.maxOffsetXTurned) / 2, 0.46, 0.4)];
  assert.equal(judgeFaces(aside, W, H).problem, 'faceCentre');
  assert.equal(judgeFaces(aside, W, H, { turned: true }).problem, null);
});

test('a second face outside what the viewer shows does not count; one at its edge does', () => {
  // 1280x720: the viewer shows x 370..910.
  const inside = { x: 540, y: 230, width: 200, height: 240 };
  assert.equal(judgeFaces([inside, { x: 20, y: 200, width: 150, height: 180 }], 1280, 720).problem, null);
  assert.equal(judgeFaces([inside, { x: 300, y: 200, width: 150, height: 180 }], 1280, 720).problem, 'faceMany');
});

test('a small face far behind is not a second person; a lone small face is too far', () => {
  const behind = box(0.85, 0.2, guideLimits.ignoreWidth - 0.03);
  assert.equal(judgeFaces([box(0.5, 0.46, 0.45), behind], W, H).problem, null);
  assert.equal(judgeFaces([behind], W, H).problem, 'faceFar');
  assert.equal(judgeFaces([box(0.5, 0.46, 0.45), box(0.85, 0.3, guideLimits.ignoreWidth + 0.02)], W, H).problem, 'faceMany');
});
