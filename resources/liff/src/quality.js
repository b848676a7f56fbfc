// Checks of a captured picture before it is accepted: brightness (mean luma), sharpness (variance
// of a Laplacian on a grey copy at most 320 px wide) and, for a document, how much of the frame the
// card fills (the bounding box of strong edges). Thresholds are deliberately lenient: the
// workstation's quality gates decide; these only spare the resident a wasted upload.

export const limits = { minBrightness: 50, minSharpness: 40, minCardFraction: 0.3 };

function grey(source, width, height) {
  const scale = Math.min(1, 320 / width);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(source, 0, 0, w, h);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const g = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) g[i] = 0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2];
  return { g, w, h };
}

// { brightness, sharpness, cardFraction } of an image, video frame or canvas.
export function measure(source, width, height) {
  const { g, w, h } = grey(source, width, height);
  let sum = 0;
  for (const v of g) sum += v;
  const brightness = sum / g.length;
  let lapSum = 0;
  let lapSq = 0;
  let n = 0;
  let minX = w, minY = h, maxX = -1, maxY = -1;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const lap = g[i - 1] + g[i + 1] + g[i - w] + g[i + w] - 4 * g[i];
      lapSum += lap;
      lapSq += lap * lap;
      n++;
      const gx = Math.abs(g[i + 1] - g[i - 1]);
      const gy = Math.abs(g[i + w] - g[i - w]);
      if (gx + gy > 40) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  const mean = n ? lapSum / n : 0;
  const sharpness = n ? lapSq / n - mean * mean : 0;
  const cardFraction = maxX < 0 ? 0 : ((maxX - minX + 1) * (maxY - minY + 1)) / (w * h);
  return { brightness, sharpness, cardFraction };
}

// The first problem of a picture as a message key, or null when it may be used.
export function problem(m, { document = false } = {}) {
  if (m.brightness < limits.minBrightness) return 'tooDark';
  if (m.sharpness < limits.minSharpness) return 'tooBlurred';
  if (document && m.cardFraction < limits.minCardFraction) return 'tooSmall';
  return null;
}
