// Baseline for madoguchi-loadgen: the smallest durable LINE webhook server one would write with
// LINE's official Node SDK. POST /line/webhook: the raw body is checked with the SDK's
// validateSignature (HMAC-SHA256, x-line-signature), each event is appended as one JSON line to
// EVENTS_FILE, the file is fsynced, and only then the answer is 200. No dedup, no worker.
// Environment: CHANNEL_SECRET_FILE, EVENTS_FILE, PORT (0 picks a free port), HOST (127.0.0.1).
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const { validateSignature } = require('@line/bot-sdk');

const channelSecret = fs.readFileSync(process.env.CHANNEL_SECRET_FILE, 'utf8').trim();
const eventsFile = fs.openSync(process.env.EVENTS_FILE, 'a');
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 0);

function answer(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function appendDurably(text) {
  return new Promise((resolve, reject) => {
    fs.write(eventsFile, text, (writeError) => {
      if (writeError) return reject(writeError);
      fs.fsync(eventsFile, (syncError) => (syncError ? reject(syncError) : resolve()));
    });
  });
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/line/webhook') return answer(res, 404, { error: 'not_found' });
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    const body = Buffer.concat(chunks);
    const signature = req.headers['x-line-signature'];
    if (!signature || !validateSignature(body, channelSecret, signature))
      return answer(res, 401, { error: 'signature_invalid' });
    let events;
    try {
      events = JSON.parse(body.toString('utf8')).events;
    } catch (e) {
      return answer(res, 400, { error: 'bad_webhook' });
    }
    if (!Array.isArray(events)) return answer(res, 400, { error: 'bad_webhook' });
    try {
      if (events.length > 0) await appendDurably(events.map((e) => JSON.stringify(e) + '\n').join(''));
      answer(res, 200, { stored: events.length });
    } catch (e) {
      answer(res, 503, { error: 'not_stored' });
    }
  });
});

server.keepAliveTimeout = 10000;
server.listen(port, host, () => {
  console.log(`line-sdk-baseline: listening on ${host}:${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
