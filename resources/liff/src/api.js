// Calls to the receiver (same origin). The ID token goes in Authorization: Bearer.

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code || '';
    this.field = body?.error?.field || '';
  }
}

async function json(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export async function settings() {
  return json(await fetch('/api/v1/liff', { cache: 'no-store' }));
}

export async function challenge(idToken) {
  return json(await fetch('/api/v1/challenges', { method: 'POST', headers: { Authorization: `Bearer ${idToken}` } }));
}

export async function applications(idToken) {
  return json(await fetch('/api/v1/applications', { headers: { Authorization: `Bearer ${idToken}` }, cache: 'no-store' }));
}

// POST /api/v1/applications with upload progress (onProgress(0..1)). Resolves {applicationId,
// reference}; rejects with ApiError (an answer) or with a TypeError('network') when no answer came,
// which the caller retries with the same idempotency key.
export function submit(idToken, key, nonce, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/applications');
    xhr.setRequestHeader('Authorization', `Bearer ${idToken}`);
    xhr.setRequestHeader('Idempotency-Key', key);
    xhr.setRequestHeader('Madoguchi-Challenge', nonce);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.ontimeout = () => reject(new TypeError('network'));
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.send(form);
  });
}
