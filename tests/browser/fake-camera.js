// Injected by the browser test before the page's scripts (Playwright addInitScript): replaces
// getUserMedia with a canvas stream the test controls. The rear camera ("environment") shows the
// document photo; the front camera ("user") shows the face photo for the direction the page asks
// for (#instruction[data-direction]), mapped through config.map (a wrong-way run swaps left and
// right), like a resident following the page. config.denied makes getUserMedia fail as a refused
// permission until window.__fakeCamera.allow() is called.
(config) => {
  const images = {};
  for (const [name, url] of Object.entries(config.images)) {
    const img = new Image();
    img.src = url;
    images[name] = img;
  }
  let denied = Boolean(config.denied);
  window.__fakeCamera = { allow: () => { denied = false; }, shown: [] };
  const fake = async (constraints) => {
    if (denied) throw new DOMException('Permission denied', 'NotAllowedError');
    const video = constraints && constraints.video;
    const facing = (video && video.facingMode && (video.facingMode.ideal || video.facingMode.exact || video.facingMode)) || 'user';
    const rear = facing === 'environment';
    const canvas = document.createElement('canvas');
    canvas.width = rear ? 1280 : 720;
    canvas.height = rear ? 960 : 960;
    const ctx = canvas.getContext('2d');
    const draw = () => {
      let name = 'document';
      if (!rear) {
        const asked = document.getElementById('instruction')?.dataset.direction || 'front';
        name = (config.map && config.map[asked]) || asked;
        if (!images[name]) name = 'front';
      }
      const img = images[name];
      ctx.fillStyle = rear ? '#5a6470' : '#8a8f94';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      if (img && img.complete && img.naturalWidth) {
        const fill = rear ? 0.9 : 1.0;
        const scale = Math.min((canvas.width * fill) / img.naturalWidth, (canvas.height * fill) / img.naturalHeight);
        const w = img.naturalWidth * scale;
        const h = img.naturalHeight * scale;
        ctx.drawImage(img, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
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
