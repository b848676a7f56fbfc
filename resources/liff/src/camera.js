// The camera: a stream from getUserMedia shown in a <video>, and JPEG frames grabbed from it.

export async function open(video, facingMode, width, height) {
  if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no camera', 'NotFoundError');
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: facingMode }, width: { ideal: width }, height: { ideal: height } },
  });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  if (!video.videoWidth) await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }));
  return stream;
}

export function close(video) {
  const stream = video?.srcObject;
  if (stream) for (const track of stream.getTracks()) track.stop();
  if (video) video.srcObject = null;
}

// The video's current frame as a canvas (not mirrored: what the camera sees).
export function grab(video) {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0);
  return canvas;
}

export function jpeg(canvas, quality = 0.92) {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode'))), 'image/jpeg', quality));
}
