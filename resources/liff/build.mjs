// Builds the page into OUT_DIR (default dist/): main-HASH.js and main-HASH.css bundled by esbuild
// (content hashes in the names, so the receiver lets browsers cache them for a year), the face
// tracker's chunk (facetracker-HASH.js, loaded by the selfie step) with its model weights
// (tiny_face_detector_model-HASH.bin, from the npm package), and index.html pointing at the entry. Usage: node build.mjs [OUT_DIR [NODE_MODULES_DIR]]
import { createRequire } from 'node:module';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] || path.join(here, 'dist'));
// node_modules installed by `npm ci` (the CMake build keeps them in the build tree).
const modules = path.resolve(process.argv[3] || path.join(here, 'node_modules'));
const { build } = createRequire(path.join(modules, 'noop.js'))('esbuild');
await mkdir(out, { recursive: true });
// Whatever an earlier build wrote (hashed names change with the content).
for (const name of await readdir(out)) if (/-[A-Z0-9]{8}\.(js|css|bin)$|^index\.html$|\.LEGAL\.txt$/.test(name)) await rm(path.join(out, name));
const result = await build({
  entryPoints: [path.join(here, 'src/main.js')],
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome90', 'safari14'],
  minify: true,
  legalComments: 'external',
  entryNames: '[name]-[hash]',
  // The face tracker (TensorFlow.js, about 1.3 MB) is a chunk of its own, fetched when the selfie starts.
  splitting: true,
  chunkNames: '[name]-[hash]',
  loader: { '.bin': 'file' },
  assetNames: '[name]-[hash]',
  outdir: out,
  metafile: true,
  logLevel: 'warning',
  nodePaths: [modules],
});
const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
const js = outputs.find((f) => /^main-.*\.js$/.test(f));
const css = outputs.find((f) => f.endsWith('.css'));
const html = (await readFile(path.join(here, 'src/index.html'), 'utf8')).replace('{{js}}', js).replace('{{css}}', css);
await writeFile(path.join(out, 'index.html'), html);
const sizes = Object.entries(result.metafile.outputs).filter(([f]) => !f.endsWith('.map'))
  .map(([f, o]) => `${path.basename(f)} ${(o.bytes / 1024).toFixed(0)} KiB`).join(', ');
console.log(`liff: ${sizes}, index.html -> ${out}`);
