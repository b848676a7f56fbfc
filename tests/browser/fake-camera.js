// Injected by the browser test before the page's scripts (Playwright addInitScript): replaces
// getUserMedia with a canvas stream the test controls. The rear camera ("environment") shows the
// document photo; the front camera ("user") shows the face photo for the direction the page asks
// for (#instruction[data-direction]), mapped through config.map (a wrong-way run swaps left and
// right), like a resident following the page, alone in the picture (an oval around the face in
// the middle; see draw()); the third turn shows <direction>-2 when given. config.denied makes getUserMedia fail as a refused
// permission until window.__fakeCamera.allow() is called.
(config) => {
  const images = {};
  for (const [name, url] of Object.entries(config.images)) {
    const img = new Image();
    img.src = url;
    images[name] = img;
  }
  // The document photo is a desk scene with the card in it; the resident holds the phone so the
  // card fills the page's guide: the part of the scene that differs from the desk's colour (its
  // border), with a margin, is what the rear camera shows.
  let cardCrop = null;
  const findCard = (img) => {
    const w = 200;
    const h = Math.round((img.naturalHeight / img.naturalWidth) * w);
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const x = c.getContext('2d');
    x.drawImage(img, 0, 0, w, h);
    const d = x.getImageData(0, 0, w, h).data;
    const at = (i, j) => 4 * (j * w + i);
    const border = [0, 0, 0];
    let n = 0;
    for (let i = 0; i < w; i++) for (const j of [0, h - 1]) { for (let k = 0; k < 3; k++) border[k] += d[at(i, j) + k]; n++; }
    for (let k = 0; k < 3; k++) border[k] /= n;
    let minX = w, minY = h, maxX = -1, maxY = -1;
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) {
      const p = at(i, j);
      const diff = Math.abs(d[p] - border[0]) + Math.abs(d[p + 1] - border[1]) + Math.abs(d[p + 2] - border[2]);
      if (diff > 90) { minX = Math.min(minX, i); maxX = Math.max(maxX, i); minY = Math.min(minY, j); maxY = Math.max(maxY, j); }
    }
    if (maxX < 0) return null;
    const s = img.naturalWidth / w;
    const margin = 0.05 * (maxX - minX) * s;
    return { x: Math.max(0, minX * s - margin), y: Math.max(0, minY * s - margin),
      w: Math.min(img.naturalWidth, (maxX - minX) * s + 2 * margin), h: Math.min(img.naturalHeight, (maxY - minY) * s + 2 * margin) };
  };
  let denied = Boolean(config.denied);
  window.__fakeCamera = { allow: () => { denied = false; }, shown: [] };
  const fake = async (constraints) => {
    if (denied) throw new DOMException('Permission denied', 'NotAllowedError');
    const video = constraints && constraints.video;
    const facing = (video && video.facingMode && (video.facingMode.ideal || video.facingMode.exact || video.facingMode)) || 'user';
    const rear = facing === 'environment';
    const canvas = document.createElement('canvas');
    canvas.width = rear ? 2880 : 720;
    canvas.height = rear ? 2160 : 960;
    const ctx = canvas.getContext('2d');
    let drawn = '';
    let ticks = 0;
    const draw = () => {
      let name = 'document';
      if (!rear) {
        const instruction = document.getElementById('instruction');
        const asked = instruction?.dataset.direction || 'front';
        name = (config.map && config.map[asked]) || asked;
        // The third turn repeats the first (no direction twice in a row): a second photo.
        if (instruction?.dataset.index === '3' && images[`${name}-2`]) name = `${name}-2`;
        if (!images[name]) name = 'front';
      }
      const img = images[name];
      // Painted again only when the picture changes (and every 0.4 s to keep frames coming): a
      // large canvas painted 25 times a second would starve the machine.
      const ready = Boolean(img && img.complete && img.naturalWidth);
      if (drawn === `${name}:${ready}` && ++ticks % 10 !== 0) return;
      drawn = `${name}:${ready}`;
      ctx.fillStyle = rear ? '#5a6470' : '#8a8f94';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      if (img && img.complete && img.naturalWidth) {
        if (rear && !cardCrop) cardCrop = findCard(img) || { x: 0, y: 0, w: img.naturalWidth, h: img.naturalHeight };
        const src = rear ? cardCrop : { x: 0, y: 0, w: img.naturalWidth, h: img.naturalHeight };
        // The card fits the frame with a margin; a face fills the front camera's frame (cover).
        const fit = rear ? Math.min : Math.max;
        const fill = rear ? 0.92 : 1.0;
        const scale = fit((canvas.width * fill) / src.w, (canvas.height * fill) / src.h);
        const w = src.w * scale;
        const h = src.h * scale;
        if (!rear) {
          // The demo's photos are crops of a collage with the neighbours' faces at their edges; a
          // resident is alone in a selfie (the page's face guidance refuses a second face), so only
          // an oval around the face in the middle is shown, over the plain background.
          ctx.save();
          ctx.beginPath();
          ctx.ellipse(canvas.width / 2, canvas.height / 2, canvas.width * 0.34, canvas.height * 0.3, 0, 0, 2 * Math.PI);
          ctx.clip();
        }
        ctx.drawImage(img, src.x, src.y, src.w, src.h, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
        if (!rear) ctx.restore();
      }
    };
    draw();
    const timer = setInterval(draw, 40);
    const stream = canvas.captureStream(25);
    for (const track of stream.getTracks()) track.addEventListener('ended', () => clearInterval(timer));
    return stream;
  };
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: fake }, configurable: true });
}
