#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets (tests/fuzz/corpus/<target>/seed-*) and the images of the
case bundle target (tests/fuzz/data/bundle/). Images are synthetic (gradients and noise, no faces), made
with cjpeg/jpegtran (Debian package libjpeg-turbo-progs). Run it again only to change the seeds; the
corpora grown by run-fuzzers.sh sit beside them."""
import hashlib, json, os, random, struct, subprocess, zlib

here = os.path.dirname(os.path.abspath(__file__))
random.seed(11)

def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)

def seed(target, name, data):
    write(os.path.join(here, 'corpus', target, 'seed-' + name), data if isinstance(data, bytes) else data.encode())

def ppm(w, h):
    pixels = bytearray()
    for y in range(h):
        for x in range(w):
            n = random.randint(0, 40)
            pixels += bytes(((x * 255 // w + n) % 256, (y * 255 // h + n) % 256, ((x ^ y) * 4 + n) % 256))
    return b'P6\n%d %d\n255\n' % (w, h) + bytes(pixels)

def run(args, data):
    return subprocess.run(args, input=data, stdout=subprocess.PIPE, check=True).stdout

def jpeg(w, h, quality=80, progressive=False):
    out = run(['cjpeg', '-quality', str(quality)] + (['-progressive'] if progressive else []), ppm(w, h))
    return out

def with_exif_thumbnail(jpg, thumb):
    # APP1 "Exif" with a little-endian TIFF header, IFD0 empty, IFD1 pointing at a JPEG thumbnail: the
    # thumbnail's own FF D9 sits inside the segment.
    tiff = bytearray(b'II*\x00' + struct.pack('<I', 8))
    tiff += struct.pack('<H', 0) + struct.pack('<I', 14)          # IFD0: no entries, next IFD at 14
    entries = [(0x0201, 4, 1, 14 + 2 + 2 * 12 + 4), (0x0202, 4, 1, len(thumb))]
    tiff += struct.pack('<H', len(entries))
    for tag, typ, count, value in entries:
        tiff += struct.pack('<HHII', tag, typ, count, value)
    tiff += struct.pack('<I', 0) + thumb
    payload = b'Exif\x00\x00' + bytes(tiff)
    return jpg[:2] + b'\xFF\xE1' + struct.pack('>H', len(payload) + 2) + payload + jpg[2:]

def png(w, h, interlace=0):
    raw = b''.join(b'\x00' + bytes((x * 7 + y * 3) % 256 for x in range(w * 3)) for y in range(h))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, interlace)) +
            chunk(b'tEXt', b'Comment\x00madoguchi fuzz seed') + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))

# Images: the case bundle's files, also seeds of the image target.
thumb = jpeg(16, 12, 50)
images = {
    'front.jpg': with_exif_thumbnail(jpeg(64, 48), thumb),
    'tilted.jpg': jpeg(64, 48, 70, progressive=True),
    'frame0.jpg': jpeg(48, 64),
    'frame1.png': png(24, 32),
    'frame2.jpg': jpeg(48, 64, 60, progressive=True),
    'frame3.jpg': jpeg(48, 64, 90),
}
for name, data in images.items():
    write(os.path.join(here, 'data', 'bundle', name), data)
    seed('image', name, data)
seed('image', 'interlaced.png', png(16, 16, interlace=1))
seed('image', 'restart-markers.jpg', run(['cjpeg', '-restart', '1'], ppm(32, 32)))
seed('image', 'jpeg-zip-polyglot.jpg', images['frame0.jpg'] + b'PK\x03\x04' + b'\x00' * 26 + b'payload')

# case.json naming those images.
def image(name):
    return {'file': name, 'sha256': hashlib.sha256(images[name]).hexdigest()}
manifest = {
    'format': 'madoguchi-case-bundle', 'version': 1,
    'applicationId': 'app-0123456789abcdef', 'reference': 'MD-2026-000123',
    'receivedAt': '2026-12-01T09:30:00Z',
    'applicant': {
        'procedure': 'juminhyo_copy', 'name': '見本 花子', 'kana': 'ミホン ハナコ', 'dateOfBirth': '1985-07-15',
        'address': {'postalCode': '100-0001', 'prefecture': '東京都', 'city': '見本区', 'line': '見本町1-2-3'},
        'contact': {'phone': '03-0000-0000', 'email': 'hanako@example.invalid'}, 'copies': 2},
    'document': {'type': 'my_number_card', 'front': image('front.jpg'), 'tilted': image('tilted.jpg')},
    'challenge': {'nonce': 'nonce-0123456789abcdef', 'issuedAt': '2026-12-01T09:20:00Z',
                  'expiresAt': '2026-12-01T09:30:00Z', 'directions': ['left', 'up', 'right'],
                  'signature': 'c2lnbmF0dXJlLW9mLXRoZS1jaGFsbGVuZ2U='},
    'selfie': {'frames': [
        {'step': 'front', 'capturedAt': '2026-12-01T09:21:00.100Z', 'image': image('frame0.jpg')},
        {'step': 'left', 'capturedAt': '2026-12-01T09:21:01.200+09:00', 'image': image('frame1.png')},
        {'step': 'up', 'capturedAt': '2026-12-01T09:21:02.300Z', 'image': image('frame2.jpg')},
        {'step': 'right', 'capturedAt': '2026-12-01T09:21:03.400Z', 'image': image('frame3.jpg')}]},
}
seed('case_bundle', 'case.json', json.dumps(manifest, ensure_ascii=False, indent=2))
m2 = json.loads(json.dumps(manifest)); del m2['document']['tilted']; del m2['applicant']['contact']['email']
m2['receivedAt'] = '2026-12-01T18:30:00+09:00'
seed('case_bundle', 'case-minimal.json', json.dumps(m2, ensure_ascii=False, separators=(',', ':')))
m3 = json.loads(json.dumps(manifest)); m3['selfie']['frames'][2]['step'] = 'down'
seed('case_bundle', 'case-wrong-step.json', json.dumps(m3, ensure_ascii=False))

# LINE webhooks as the tests send them (first line: Content-Type, also used as a forged signature).
def event(eid, kind, extra=''):
    return ('{"type":"%s","mode":"active","timestamp":1764205200000,'
            '"source":{"type":"user","userId":"U4af4980629000000000000000000000a"},'
            '"webhookEventId":"%s","deliveryContext":{"isRedelivery":false},'
            '"replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA"%s}' % (kind, eid, extra))
def webhook(events):
    return '{"destination":"Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","events":[' + ','.join(events) + ']}'
seed('webhook', 'follow', 'application/json\n' + webhook([event('01HZX0000000000000000000001', 'follow')]))
seed('webhook', 'message', 'application/json; charset=utf-8\n' + webhook([event(
    '01HZX0000000000000000000002', 'message', ',"message":{"type":"text","id":"468789577898262530","text":"申請したい"}'),
    event('01HZX0000000000000000000003', 'unfollow')]))
seed('webhook', 'verify', 'Application/JSON ; Charset="UTF-8"\n{"destination":"U0","events":[]}')
seed('webhook', 'bad-event', 'application/json\n{"events":[{"type":"follow"},{"webhookEventId":1}]}')

# The application form (multipart) as ApplicantTestKit sends it, with small images.
boundary = '----MadoTestBoundary7MA4YWxkTrZu0gW'
fields = {'procedure': 'juminhyo_copy', 'name': '見本 花子', 'kana': 'ミホン ハナコ', 'dateOfBirth': '1985-07-15',
          'postalCode': '100-0001', 'prefecture': '東京都', 'city': '見本区', 'line': '見本町1-2-3',
          'phone': '03-0000-0000', 'copies': '2', 'documentType': 'my_number_card',
          'challenge': 'nonce-0123456789abcdef', 'frame0_capturedAt': '2026-12-01T09:21:00.100Z',
          'frame1_capturedAt': '2026-12-01T09:21:01+09:00'}
def multipart(fields, files):
    body = b''
    for k, v in fields.items():
        body += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, k, v)).encode()
    for k, (data, ctype) in files.items():
        body += ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s.bin"\r\nContent-Type: %s\r\n\r\n'
                 % (boundary, k, k, ctype)).encode() + data + b'\r\n'
    return ('multipart/form-data; boundary=%s\n' % boundary).encode() + body + ('--%s--\r\n' % boundary).encode()
tiny = jpeg(8, 8, 30)
files = {'document_front': (tiny, 'image/jpeg'), 'frame0': (tiny, 'image/jpeg'), 'frame1': (png(4, 4), 'image/png'),
         'frame2': (tiny, 'image/jpeg'), 'frame3': (tiny, 'image/jpeg')}
seed('multipart', 'application', multipart(fields, files))
seed('multipart', 'tilted-email', multipart(dict(fields, email='hanako@example.invalid'),
                                             dict(files, document_tilted=(tiny, 'image/jpeg'))))
seed('multipart', 'unknown-field', multipart({'nickname': 'x'}, {}))

# Request heads as the front receives them (pipelined on one connection).
seed('http_head', 'webhook', 'POST /line/webhook HTTP/1.1\r\nHost: receiver.example.invalid\r\n'
     'Content-Type: application/json; charset=utf-8\r\nx-line-signature: 3q2+7w==\r\nContent-Length: 32\r\n'
     'User-Agent: LineBotWebhook/2.0\r\n\r\n{"destination":"U0","events":[]}')
seed('http_head', 'pipelined', 'GET /healthz HTTP/1.1\r\nHost: a\r\n\r\nGET /metrics?x=1 HTTP/1.1\r\nHost: a\r\n'
     'Connection: close\r\n\r\n')
seed('http_head', 'chunked', 'POST /line/webhook HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n'
     'Expect: 100-continue\r\nContent-Type: application/json\r\n\r\n5\r\nhello\r\n0\r\n\r\n')
seed('http_head', 'http10', 'POST /api/v1/applications HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 0\r\n'
     'content-length: 0\r\n\r\n')

# Chunked bodies: byte 0 picks the limit, byte 1 the piece size.
seed('chunked_body', 'simple', b'\x05\x00' + b'5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\nGET / HTTP/1.1\r\n\r\n')
seed('chunked_body', 'trailer', b'\x06\x03' + b'1A\r\n' + b'x' * 26 + b'\r\n0\r\nExpires: never\r\nX-Trace: 1\r\n\r\n')
seed('chunked_body', 'too-large', b'\x02\x01' + b'ffff\r\n' + b'y' * 20)

# The receiver's INI: the example of docs/admin.md, and variants without the file keys (the fuzzer's base
# configuration names real secret files then).
admin = open(os.path.join(here, '..', '..', 'docs', 'admin.md'), encoding='utf-8').read()
example = admin.split('```ini\n', 1)[1].split('```', 1)[0]
seed('receiver_config', 'admin-example.ini', example)
seed('receiver_config', 'minimal.ini', '[http]\nlisten = 127.0.0.1:8480\n')
seed('receiver_config', 'full.ini', '; receiver\n[http]\nlisten = [::1]:8480\nmax_threads = 16\n[line]\n'
     'api_base = https://api.line.me/\ndata_api_base = http://localhost:9000\n[spool]\nwebhook_retention_days = 30\n'
     '[limits]\nbody_bytes = 1048576\napplication_bytes = 33554432\nimage_bytes = 8388608\nimage_pixels = 40000000\n'
     '[liff]\nchannel_id = 1657000000\nurl = https://liff.line.me/1657000000-AbCdEfGh\n'
     '[challenge]\nlifetime_seconds = 600\ndirections = left, right, up\nper_user_per_hour = 30\n'
     '[workstation]\nlisten = 10.1.2.3:8481\n')
