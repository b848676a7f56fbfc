// Small DOM helpers. Texts are set with textContent only (never HTML), and elements that carry a
// translatable text remember its key (data-t, data-v) so a language switch can redo them.
import { language, t } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'on') for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (name === 't') setText(el, ...(Array.isArray(value) ? value : [value]));
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) el.append(child);
  return el;
}

export function setText(el, key, values) {
  if (!key) {
    el.removeAttribute('data-t');
    el.textContent = '';
    return;
  }
  el.dataset.t = key;
  if (values) el.dataset.v = JSON.stringify(values);
  else delete el.dataset.v;
  el.textContent = t(key, values);
}

export function retranslate(root) {
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t, el.dataset.v ? JSON.parse(el.dataset.v) : {});
  for (const el of root.querySelectorAll('[data-tl]')) el.setAttribute('aria-label', t(el.dataset.tl));
  for (const el of root.querySelectorAll('[data-ja]')) el.textContent = bilingual(el.dataset.ja, el.dataset.en);
}

// Text the receiver sent in both languages (procedure names, the policy's reasons).
export function bilingual(ja, en) {
  return language() === 'ja' ? ja : en;
}

export function twoLanguages(tag, attrs, ja, en) {
  return h(tag, { ...attrs, 'data-ja': ja, 'data-en': en }, bilingual(ja, en));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
