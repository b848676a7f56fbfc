// On-device face detection for the selfie step: the Tiny Face Detector of @vladmandic/face-api
// (TensorFlow.js), whose weights (193 KB) come inside the npm package and are bundled by esbuild as
// a file with a content hash in its name, served from /liff/ like the page. Nothing is fetched from
// anywhere else. This module and the library are a separate chunk, loaded when the selfie starts.
import * as faceapi from '@vladmandic/face-api';
import manifest from '@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json';
import weightsUrl from '@vladmandic/face-api/model/tiny_face_detector_model.bin';

// Input size of the detector (a multiple of 32). At 224 a face under about a quarter of the frame's
// width is not found at all (the resident would hear "no face" instead of "come closer"); 320 still
// finds one of a fifth, which the guide then calls too far.
const inputSize = 320;
const minScore = 0.5;

// Loads the weights and picks a backend (WebGL where the browser has it, else plain JavaScript).
// Answers a tracker with detect(canvas) -> { boxes: [{x, y, width, height, score}], ms }.
export async function loadTracker() {
  const tf = faceapi.tf;
  let backend = 'cpu';
  try {
    if (await tf.setBackend('webgl')) backend = 'webgl';
  } catch {
    // no WebGL here: the CPU backend below
  }
  if (backend !== 'webgl') await tf.setBackend('cpu');
  await tf.ready();
  const response = await fetch(new URL(weightsUrl, document.baseURI), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`face model: HTTP ${response.status}`);
  const weights = tf.io.decodeWeights(await response.arrayBuffer(), manifest[0].weights);
  await faceapi.nets.tinyFaceDetector.loadFromWeightMap(weights);
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: minScore });
  // One detection on a blank picture compiles WebGL's shaders now, so the resident's first frame
  // is not the slow one.
  const blank = document.createElement('canvas');
  blank.width = inputSize;
  blank.height = inputSize;
  await faceapi.detectAllFaces(blank, options);
  return {
    backend,
    async detect(canvas) {
      const started = performance.now();
      const found = await faceapi.detectAllFaces(canvas, options);
      const boxes = found.map((d) => ({ x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height, score: d.score }));
      return { boxes, ms: performance.now() - started };
    },
  };
}
