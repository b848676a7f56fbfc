// The form's rules, the same as resources/schema/case-bundle.schema.json's applicant part (checked
// again by the receiver). Each check answers null or [messageKey, values].

const kana = /^[\u30A0-\u30FF\u3000 ]+$/;
const postal = /^[0-9]{3}-[0-9]{4}$/;
const phone = /^[0-9+-]{6,20}$/;
const email = /^[^@\s]+@[^@\s]+$/;

function length(value, min, max) {
  if (value.length < min) return ['errRequired'];
  if (value.length > max) return ['errTooLong', { n: max }];
  return null;
}

function realPastDate(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return y >= 1900 && date.getTime() <= Date.now();
}

export const rules = {
  name: (v) => length(v, 1, 100),
  kana: (v) => length(v, 1, 100) ?? (kana.test(v) ? null : ['errKana']),
  dateOfBirth: (v) => (v === '' ? ['errRequired'] : realPastDate(v) ? null : ['errDate']),
  postalCode: (v) => (v === '' ? ['errRequired'] : postal.test(v) ? null : ['errPostal']),
  prefecture: (v) => (v === '' ? ['errRequired'] : v.length < 2 || v.length > 10 ? ['errPrefecture'] : null),
  city: (v) => length(v, 1, 50),
  line: (v) => length(v, 1, 200),
  phone: (v) => (v === '' ? ['errRequired'] : phone.test(v) ? null : ['errPhone']),
  email: (v) => (v === '' ? null : v.length > 254 ? ['errTooLong', { n: 254 }] : email.test(v) ? null : ['errEmail']),
  copies: (v) => (/^([1-9]|10)$/.test(v) ? null : ['errCopies']),
};

// The text the resident typed, normalised the way the receiver expects (trimmed; full-width
// digits and hyphens of postal code and phone made ASCII).
export function normalise(field, value) {
  let v = value.trim();
  if (field === 'postalCode' || field === 'phone' || field === 'copies') {
    v = v.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[－ー―‐]/g, '-');
  }
  return v;
}
