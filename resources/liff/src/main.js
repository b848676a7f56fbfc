// The residents' LIFF page: procedure, form, document photo, selfie following the receiver's
// challenge, review and upload, reference number, status. One step is shown at a time.
import liff from '@line/liff';
import { LiffMockPlugin } from '@line/liff-mock';
import * as api from './api.js';
import * as camera from './camera.js';
import { h, retranslate, setText, sleep, twoLanguages } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import { judgeFaces } from './faceguide.js';
import { measure, problem } from './quality.js';
import { normalise, rules } from './validate.js';
import './style.css';

const fields = ['name', 'kana', 'dateOfBirth', 'postalCode', 'prefecture', 'city', 'line', 'phone', 'email', 'copies'];
const inputTypes = { dateOfBirth: 'date', phone: 'tel', email: 'email', copies: 'number', postalCode: 'text' };
const autocomplete = { name: 'name', postalCode: 'postal-code', prefecture: 'address-level1', city: 'address-level2',
  line: 'address-line1', phone: 'tel', email: 'email', dateOfBirth: 'bday' };
const arrows = { front: '●', left: '←', right: '→', up: '↑', down: '↓' };
const stepSeconds = 3;
const expiryMarginMs = 2000;
// How long the face tracker (a 1.3 MB chunk, its weights, a first detection) may take to load
// before the selfie goes on without it.
const trackerTimeoutMs = 30000;
// Pause between two looks at the camera while the face is not yet right.
const guideIntervalMs = 200;

const state = {
  config: null,
  idToken: '',
  procedure: null,
  values: { copies: '1' },
  documentType: 'my_number_card',
  documentBlob: null,
  selfie: null, // { challenge, frames: [{step, blob, capturedAt}] }
  idempotencyKey: '',
  result: null,
};

// The face tracker, loaded once when a selfie first starts: a promise of the tracker, or of null
// when it could not be loaded (the selfie then checks brightness and sharpness only).
let trackerPromise = null;
function faceTracker() {
  if (!trackerPromise) {
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), trackerTimeoutMs));
    const loading = import('./facetracker.js').then((m) => m.loadTracker()).catch((e) => {
      console.warn(`face tracker unavailable: ${e?.message || e}`);
      return null;
    });
    trackerPromise = Promise.race([loading, timeout]);
  }
  return trackerPromise;
}

const app = document.getElementById('app');
const langButton = document.getElementById('lang');

function show(step, ...content) {
  camera.close(app.querySelector('video'));
  // A focused field of the step before (a phone's keyboard, its scroll) goes with it.
  document.activeElement?.blur?.();
  app.replaceChildren(h('section', { 'data-step': step, class: 'step' }, ...content));
  const heading = app.querySelector('h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  // Also scrolls the visual viewport back (a phone's zoomed or keyboard-shifted view).
  document.body.scrollIntoView({ block: 'start' });
}

function button(key, onClick, attrs = {}) {
  return h('button', { type: 'button', t: key, on: { click: onClick }, ...attrs });
}

function status(role = 'status') {
  return h('p', { class: 'message', role, 'aria-live': 'polite' });
}

// --- start ---------------------------------------------------------------------------------

async function start() {
  langButton.addEventListener('click', () => {
    setLanguage(language() === 'ja' ? 'en' : 'ja');
    setText(langButton, 'switchLang');
    setText(document.querySelector('h1'), 'title');
    document.title = t('title');
    retranslate(app);
    // The status list carries names and dates in the language: drawn again.
    if (app.querySelector('[data-step="status"]')) showStatus();
  });
  setLanguage(new URLSearchParams(location.search).get('lang') || 'ja');
  setText(langButton, 'switchLang');
  setText(document.querySelector('h1'), 'title');
  document.title = t('title');
  show('loading', h('p', { t: 'loading' }));
  try {
    state.config = await api.settings();
    const hash = new URLSearchParams(location.hash.slice(1));
    const mockToken = hash.get('mock-id-token') || sessionStorage.getItem('mado-mock-id-token');
    if (state.config.mock && mockToken) {
      // Outside LINE (the demo, the tests): the LIFF SDK's mock, with a token madoguchi-linesim issued.
      sessionStorage.setItem('mado-mock-id-token', mockToken);
      history.replaceState(null, '', location.pathname + location.search);
      liff.use(new LiffMockPlugin());
      await liff.init({ liffId: state.config.liffId || '0000000000-mock', mock: true });
      liff.$mock.set((p) => ({ ...p, getIDToken: mockToken }));
    } else {
      await liff.init({ liffId: state.config.liffId });
      if (!liff.isLoggedIn()) {
        liff.login({ redirectUri: location.href });
        return;
      }
    }
    state.idToken = liff.getIDToken() || '';
  } catch (e) {
    show('error', h('h2', { t: 'title' }), h('p', { class: 'error', role: 'alert', t: state.config ? 'notInLine' : 'apiError' }));
    return;
  }
  if (location.hash === '#status') showStatus();
  else showProcedures();
}

function showProcedures() {
  const list = h('ul', { class: 'procedures' });
  for (const p of state.config.procedures) {
    const held = p.faceCheck === 'held';
    const name = twoLanguages('span', { class: 'name' }, p.nameJa, p.nameEn);
    const item = h('li', { class: held ? 'held' : '' });
    if (held) {
      const reasonId = `reason-${p.key}`;
      const reason = twoLanguages('p', { id: reasonId, class: 'reason' }, p.reasonJa, p.reasonEn);
      item.append(h('button', { type: 'button', disabled: true, 'aria-describedby': reasonId, 'data-procedure': p.key }, name),
        h('p', { class: 'held-title', t: 'faceHeld' }), reason);
    } else {
      item.append(h('button', { type: 'button', 'data-procedure': p.key, on: { click: () => { state.procedure = p; showForm(); } } }, name));
    }
    list.append(item);
  }
  show('procedure', h('h2', { t: 'startHeading' }), h('p', { t: 'startNote' }), list,
    h('p', {}, h('a', { href: '#status', t: 'statusLink', on: { click: (e) => { e.preventDefault(); showStatus(); } } })));
}

// --- form ----------------------------------------------------------------------------------

function showForm() {
  const form = h('form', { novalidate: true });
  const checks = [];
  for (const field of fields) {
    const id = `f-${field}`;
    const error = h('p', { id: `${id}-error`, class: 'field-error', role: 'alert', 'aria-live': 'polite' });
    const input = h('input', {
      id, name: field, type: inputTypes[field] || 'text', value: state.values[field] ?? '',
      autocomplete: autocomplete[field] || 'off', 'aria-describedby': `${id}-error`,
      inputmode: field === 'postalCode' || field === 'phone' ? 'tel' : undefined,
      min: field === 'copies' ? '1' : undefined, max: field === 'copies' ? '10' : undefined,
      required: field !== 'email',
    });
    let touched = false;
    const check = (force) => {
      const value = normalise(field, input.value);
      state.values[field] = value;
      const result = rules[field](value);
      if (!force && !touched && value === '') return result === null;
      touched = true;
      input.setAttribute('aria-invalid', result ? 'true' : 'false');
      if (result) setText(error, result[0], result[1]);
      else setText(error, null);
      return result === null;
    };
    input.addEventListener('input', () => check(false));
    input.addEventListener('blur', () => { if (input.value !== '') touched = true; check(false); });
    checks.push(check);
    form.append(h('div', { class: 'field' }, h('label', { for: id, t: field }), input, error));
  }
  const select = h('select', { id: 'f-documentType', name: 'documentType', on: { change: () => (state.documentType = select.value) } },
    ...['my_number_card', 'drivers_license', 'other_photo_id'].map((type) =>
      h('option', { value: type, t: type, selected: state.documentType === type })));
  form.append(h('div', { class: 'field' }, h('label', { for: 'f-documentType', t: 'documentType' }), select));
  const summary = status('alert');
  form.append(summary,
    h('div', { class: 'actions' }, button('back', showProcedures, { class: 'secondary' }), h('button', { type: 'submit', t: 'next' })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const ok = checks.map((check) => check(true)).every(Boolean);
    if (!ok) {
      setText(summary, 'formHasErrors');
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    showDocument();
  });
  show('form', h('h2', { t: 'formHeading' }), form);
}

// --- document ------------------------------------------------------------------------------

function showDocument() {
  const video = h('video', { class: 'camera', autoplay: true, muted: true, playsinline: true, 'aria-hidden': 'true' });
  const guide = h('div', { class: 'card-guide', 'aria-hidden': 'true' });
  const viewer = h('div', { class: 'viewer document' }, video, guide);
  const preview = h('img', { class: 'preview', alt: '', hidden: true });
  const message = status();
  const file = h('input', { type: 'file', accept: 'image/jpeg,image/png,image/*', id: 'library', class: 'visually-hidden' });
  const libraryLabel = h('label', { for: 'library', class: 'button secondary', t: 'chooseFromLibrary' });
  const take = button('takePhoto', () => capture(), { disabled: true });
  const retake = button('retake', () => reset(), { class: 'secondary', hidden: true });
  const use = button('usePhoto', () => { camera.close(video); showSelfie(); }, { hidden: true });
  let candidate = null;

  const judge = async (source, width, height, blob) => {
    const m = measure(source, width, height);
    const bad = problem(m, { document: true });
    preview.src = URL.createObjectURL(blob);
    preview.hidden = false;
    viewer.hidden = true;
    retake.hidden = false;
    take.hidden = true;
    if (bad) {
      setText(message, bad);
      message.className = 'message error';
      use.hidden = true;
      candidate = null;
    } else {
      setText(message, 'photoOk');
      message.className = 'message ok';
      candidate = blob;
      state.documentBlob = blob;
      use.hidden = false;
    }
  };
  const capture = async () => {
    const canvas = camera.grab(video);
    await judge(canvas, canvas.width, canvas.height, await camera.jpeg(canvas));
  };
  const reset = () => {
    preview.hidden = true;
    viewer.hidden = false;
    retake.hidden = true;
    take.hidden = false;
    use.hidden = true;
    setText(message, null);
    message.className = 'message';
    candidate = null;
  };
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    const bitmap = await createImageBitmap(chosen);
    let blob = chosen;
    if (!/^image\/(jpeg|png)$/.test(chosen.type) || chosen.size > state.config.maxImageBytes) {
      const canvas = h('canvas', { width: bitmap.width, height: bitmap.height });
      canvas.getContext('2d').drawImage(bitmap, 0, 0);
      blob = await camera.jpeg(canvas, 0.9);
    }
    await judge(bitmap, bitmap.width, bitmap.height, blob);
  });
  show('document', h('h2', { t: 'docHeading' }), h('p', { t: 'docHint' }), viewer, preview, message,
    h('div', { class: 'actions column' }, take, retake, use, libraryLabel, file),
    h('div', { class: 'actions' }, button('back', showForm, { class: 'secondary' })));
  setText(message, 'cameraStarting');
  camera.open(video, 'environment', 3840, 2160).then(() => {
    if (!candidate && preview.hidden) setText(message, null);
    take.disabled = false;
  }, () => {
    viewer.hidden = true;
    take.hidden = true;
    setText(message, 'cameraRefused');
    message.className = 'message error';
    libraryLabel.classList.remove('secondary');
  });
}

// --- selfie --------------------------------------------------------------------------------

function showSelfie() {
  const video = h('video', { class: 'camera mirrored', autoplay: true, muted: true, playsinline: true, 'aria-hidden': 'true' });
  const arrow = h('div', { class: 'arrow', 'aria-hidden': 'true' });
  const countdown = h('div', { class: 'countdown', 'aria-hidden': 'true' });
  const guide = h('div', { class: 'face-guide', 'aria-hidden': 'true' });
  const faceBox = h('div', { class: 'face-box', 'aria-hidden': 'true', hidden: true });
  const viewer = h('div', { class: 'viewer selfie' }, video, guide, faceBox, arrow, countdown);
  const instruction = h('p', { id: 'instruction', class: 'instruction', 'aria-live': 'assertive' });
  const timeLeft = h('p', { id: 'time-left', class: 'time-left', 'aria-live': 'off' });
  const message = status();
  const trackerNote = h('p', { id: 'tracker-note', class: 'note', hidden: true });
  const startButton = button('start', () => run());
  const next = button('next', () => showReview(), { hidden: true });
  let running = false;
  let tracker = null;

  const run = async () => {
    if (running) return;
    running = true;
    startButton.hidden = true;
    intro.hidden = true;
    setText(message, null);
    message.className = 'message';
    try {
      if (!video.srcObject) await camera.open(video, 'user', 1280, 720);
    } catch {
      setText(message, 'selfieCameraRefused');
      message.className = 'message error';
      intro.hidden = false;
      startButton.hidden = false;
      running = false;
      return;
    }
    setText(instruction, 'trackerLoading');
    tracker = await faceTracker();
    viewer.dataset.tracker = tracker ? tracker.backend : 'unavailable';
    // Without the tracker the resident is told, and the selfie goes on with the checks it had.
    trackerNote.hidden = Boolean(tracker);
    setText(trackerNote, tracker ? null : 'trackerUnavailable');
    state.selfie = null;
    for (;;) {
      let challenge;
      try {
        challenge = await api.challenge(state.idToken);
      } catch (e) {
        setText(message, 'serverError', { m: e.message });
        message.className = 'message error';
        startButton.hidden = false;
        running = false;
        return;
      }
      const frames = await follow(challenge);
      if (frames) {
        state.selfie = { challenge, frames };
        break;
      }
      // Expired: every frame of that challenge is dropped; a new one starts from the front.
      setText(instruction, null);
      delete instruction.dataset.direction;
      setText(timeLeft, null);
      setText(message, 'expired');
      message.className = 'message error';
      await sleep(1500);
    }
    camera.close(video);
    viewer.hidden = true;
    setText(instruction, 'selfieDone');
    setText(timeLeft, null);
    timeLeft.removeAttribute('data-remaining');
    instruction.removeAttribute('data-direction');
    setText(message, null);
    next.hidden = false;
    running = false;
  };

  // The visual cue: the face the tracker found, drawn over the (mirrored) picture, and the oval
  // green when the face is right, orange when not.
  const cue = (judged) => {
    guide.dataset.state = judged ? (judged.problem ? 'bad' : 'ok') : '';
    const box = judged?.box;
    faceBox.hidden = !box;
    if (!box) return;
    faceBox.classList.toggle('ok', !judged.problem);
    Object.assign(faceBox.style, { left: `${(1 - box.x - box.width) * 100}%`, top: `${box.y * 100}%`,
      width: `${box.width * 100}%`, height: `${box.height * 100}%` });
  };

  // The first thing wrong with the camera's current frame as a message key (null: take it).
  const look = async (canvas, step) => {
    const bad = problem(measure(canvas, canvas.width, canvas.height));
    if (bad) return bad === 'tooDark' ? 'selfieDark' : 'selfieBlur';
    if (!tracker) return null;
    const { boxes, ms } = await tracker.detect(canvas);
    viewer.dataset.detectMs = ms.toFixed(1);
    const judged = judgeFaces(boxes, canvas.width, canvas.height, { turned: step !== 'front' });
    cue(judged);
    return judged.problem;
  };

  // The frames for one challenge, or null once it expired (no frame is taken after that).
  const follow = async (challenge) => {
    const lifetime = Date.parse(challenge.expiresAt) - Date.parse(challenge.issuedAt);
    const deadline = performance.now() + lifetime - expiryMarginMs;
    const remaining = () => deadline - performance.now();
    const ticker = setInterval(() => {
      const s = Math.max(0, Math.ceil(remaining() / 1000));
      setText(timeLeft, 'timeLeft', { s });
      timeLeft.dataset.remaining = String(s);
    }, 250);
    try {
      const frames = [];
      instruction.dataset.captured = '0';
      for (const [index, step] of ['front', ...challenge.directions].entries()) {
        instruction.dataset.direction = step;
        instruction.dataset.index = String(index);
        instruction.dataset.nonce = challenge.nonce;
        setText(instruction, step);
        arrow.textContent = arrows[step];
        arrow.dataset.direction = step;
        for (let s = stepSeconds; s > 0; s--) {
          countdown.textContent = String(s);
          await sleep(1000);
          if (remaining() <= 0) return null;
        }
        // The arrow has done its work; it would hide the face the guide now outlines.
        countdown.textContent = '';
        arrow.textContent = '';
        for (;;) {
          if (remaining() <= 0) return null;
          const canvas = camera.grab(video);
          const wrong = await look(canvas, step);
          if (remaining() <= 0) return null;
          if (!wrong) {
            frames.push({ step, blob: await camera.jpeg(canvas), capturedAt: new Date().toISOString() });
            instruction.dataset.captured = String(frames.length);
            setText(message, null);
            message.className = 'message';
            break;
          }
          // Face guidance is a hint (the resident moves); a dark or shaken picture is an error.
          setText(message, wrong);
          message.className = wrong.startsWith('face') ? 'message hint' : 'message error';
          await sleep(wrong.startsWith('face') ? guideIntervalMs : 1000);
        }
      }
      return remaining() > 0 ? frames : null;
    } finally {
      clearInterval(ticker);
      arrow.textContent = '';
      countdown.textContent = '';
      cue(null);
    }
  };

  const intro = h('div', {}, h('p', { t: 'selfieIntro' }), h('p', { class: 'note', t: 'selfieGuideNote' }));
  // The tracker loads while the resident reads the introduction.
  faceTracker();
  show('selfie', h('h2', { t: 'selfieHeading' }), intro, instruction, timeLeft, message, trackerNote, viewer,
    h('div', { class: 'actions column' }, startButton, next),
    h('div', { class: 'actions' }, button('back', showDocument, { class: 'secondary' })));
}

// --- review and submit ---------------------------------------------------------------------

function showReview() {
  if (!state.idempotencyKey) state.idempotencyKey = `liff-${crypto.randomUUID()}`;
  const rows = h('dl', { class: 'review' });
  const row = (key, value) => rows.append(h('dt', { t: key }), h('dd', {}, value));
  const procedureName = twoLanguages('span', {}, state.procedure.nameJa, state.procedure.nameEn);
  row('procedure', procedureName);
  for (const field of fields) if (state.values[field]) row(field, state.values[field]);
  row('documentType', h('span', { t: state.documentType }));
  const thumbs = h('div', { class: 'thumbs' }, h('img', { src: URL.createObjectURL(state.documentBlob), alt: '', 'data-tl': 'document' }),
    ...state.selfie.frames.map((f) => h('img', { src: URL.createObjectURL(f.blob), alt: '', class: 'mirrored' })));
  const progress = h('progress', { max: '100', value: '0', hidden: true, 'aria-label': 'upload' });
  const message = status();
  const send = button('submit', () => submit());
  const submit = async () => {
    send.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    setText(message, 'sending', { p: 0 });
    message.className = 'message';
    const form = new FormData();
    form.append('procedure', state.procedure.key);
    for (const field of fields) if (state.values[field]) form.append(field, state.values[field]);
    form.append('documentType', state.documentType);
    form.append('challenge', state.selfie.challenge.nonce);
    state.selfie.frames.forEach((f, i) => form.append(`frame${i}_capturedAt`, f.capturedAt));
    form.append('document_front', state.documentBlob, 'document_front.jpg');
    state.selfie.frames.forEach((f, i) => form.append(`frame${i}`, f.blob, `frame${i}.jpg`));
    try {
      state.result = await api.submit(state.idToken, state.idempotencyKey, state.selfie.challenge.nonce, form, (p) => {
        progress.value = Math.round(p * 100);
        setText(message, 'sending', { p: Math.round(p * 100) });
      });
      showDone();
    } catch (e) {
      progress.hidden = true;
      send.disabled = false;
      setText(send, 'retry');
      message.className = 'message error';
      if (e instanceof api.ApiError) setText(message, 'serverError', { m: e.message });
      else setText(message, 'networkError');
      send.scrollIntoView({ block: 'end' });
    }
  };
  show('review', h('h2', { t: 'reviewHeading' }), h('p', { t: 'reviewNote' }), rows, thumbs, progress, message,
    h('div', { class: 'actions column' }, send), h('div', { class: 'actions' }, button('back', showSelfie, { class: 'secondary' })));
}

function showDone() {
  const reference = state.result.reference;
  show('done', h('h2', { t: 'doneHeading' }),
    h('p', { class: 'reference-label', t: 'reference' }), h('p', { class: 'reference', id: 'reference' }, reference),
    h('p', { t: 'doneNote' }), h('div', { class: 'actions column' }, button('statusLink', showStatus)));
  // A new application starts afresh.
  Object.assign(state, { selfie: null, documentBlob: null, idempotencyKey: '' });
}

async function showStatus() {
  const list = h('ul', { class: 'applications' });
  const message = status();
  show('status', h('h2', { t: 'statusHeading' }), message, list,
    h('div', { class: 'actions' }, button('home', showProcedures, { class: 'secondary' })));
  try {
    const { applications } = await api.applications(state.idToken);
    if (!applications.length) setText(message, 'noApplications');
    for (const a of applications) {
      const p = state.config.procedures.find((x) => x.key === a.procedure);
      const name = h('span', { class: 'name' }, p ? (language() === 'ja' ? p.nameJa : p.nameEn) : a.procedure);
      list.append(h('li', { 'data-reference': a.reference }, h('strong', {}, a.reference), name,
        h('span', { class: `state state-${a.state}`, t: `state_${a.state}` }),
        h('span', { class: 'date' }, new Date(a.receivedAt).toLocaleString(language() === 'ja' ? 'ja-JP' : 'en-GB'))));
    }
  } catch (e) {
    setText(message, 'serverError', { m: e.message });
    message.className = 'message error';
  }
}

start();
