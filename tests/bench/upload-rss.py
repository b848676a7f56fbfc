#!/usr/bin/env python3
"""Peak memory of madoguchi-receiver for one large LIFF application (issue 11, item 8).

Starts madoguchi-linesim and madoguchi-receiver as child processes on loopback (temporary spool),
takes a challenge and posts one application of about --mib MiB (six JPEG parts, each a small real
JPEG padded with APP15 segments to the same size, under limits.image_bytes), and prints the
receiver's VmHWM (peak resident set) before and after the upload, from /proc/<pid>/status.

    tests/bench/upload-rss.py --bin build/dev/app [--mib 32] [--parallel N] [--same-user]

--parallel N posts N such applications at once (from N users, or from one with --same-user) and
prints how many were answered with each status.

--bin is the directory holding madoguchi-receiver and madoguchi-linesim.
Needs cjpeg (libjpeg-turbo-progs) for the small JPEG. Uses only keys every receiver version knows.
"""
import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on {port}")


def vm(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return -1


def small_jpeg():
    width, height = 320, 240
    pixels = bytearray()
    for y in range(height):
        for x in range(width):
            pixels += bytes(((x * 7) % 256, (y * 5) % 256, ((x + y) * 3) % 256))
    ppm = b"P6\n%d %d\n255\n" % (width, height) + bytes(pixels)
    return subprocess.run(["cjpeg", "-quality", "90"], input=ppm, capture_output=True, check=True).stdout


def padded_jpeg(jpeg, size):
    """The JPEG with APP15 segments after SOI, so that it is `size` bytes long."""
    missing = size - len(jpeg)
    segments = bytearray()
    while missing > 0:
        payload = min(65533, missing - 4)
        if payload < 0:
            break
        segments += b"\xff\xef" + (payload + 2).to_bytes(2, "big") + b"\x00" * payload
        missing -= payload + 4
    return jpeg[:2] + bytes(segments) + jpeg[2:]


def multipart(fields, files):
    boundary = "----MadoRssBoundary" + uuid.uuid4().hex
    out = bytearray()
    for name, value in fields.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    for name, data in files.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"blob\"\r\n"
                "Content-Type: image/jpeg\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", bytes(out)


def request(port, method, path, body=b"", headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--mib", type=int, default=32)
    parser.add_argument("--parallel", type=int, default=1)
    parser.add_argument("--same-user", action="store_true")
    args = parser.parse_args()
    channel = "1650000001"
    with tempfile.TemporaryDirectory() as work:
        for name, value in (("access_token", "rss-access-token"), ("channel_secret", "0123456789abcdef" * 2),
                            ("challenge_key", "rss-challenge-key-0123456789")):
            with open(os.path.join(work, name), "w") as f:
                f.write(value + "\n")
            os.chmod(os.path.join(work, name), 0o600)
        with open(os.path.join(work, "spool.key"), "wb") as f:
            f.write(os.urandom(32))
        os.chmod(os.path.join(work, "spool.key"), 0o600)
        line_port, receiver_port = free_port(), free_port()
        line = subprocess.Popen([os.path.join(args.bin, "madoguchi-linesim"), "serve", "--access-token-file",
                                 os.path.join(work, "access_token"), "--listen", f"127.0.0.1:{line_port}"],
                                stdout=subprocess.DEVNULL)
        limit = args.mib * 1024 * 1024 + 65536
        with open(os.path.join(work, "receiver.ini"), "w") as f:
            f.write(f"[http]\nlisten = 127.0.0.1:{receiver_port}\n"
                    f"[line]\nchannel_secret_file = {work}/channel_secret\n"
                    f"channel_access_token_file = {work}/access_token\napi_base = http://127.0.0.1:{line_port}\n"
                    f"[liff]\nchannel_id = {channel}\n[challenge]\nkey_file = {work}/challenge_key\n"
                    f"[spool]\npath = {work}/spool.sqlite\nkey_file = {work}/spool.key\n[limits]\napplication_bytes = {limit}\n")
        receiver = subprocess.Popen([os.path.join(args.bin, "madoguchi-receiver"), "--config",
                                     os.path.join(work, "receiver.ini")], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
        try:
            wait_port(line_port)
            wait_port(receiver_port)
            parts = ["document_front", "document_tilted", "frame0", "frame1", "frame2", "frame3"]
            each = (args.mib * 1024 * 1024 - 4096) // len(parts)
            image = padded_jpeg(small_jpeg(), each)
            uploads = []
            for i in range(args.parallel):
                user = "U" + ("%032x" % (0 if args.same_user else i + 1))
                status, data = request(line_port, "POST", "/admin/id-tokens",
                                       json.dumps({"userId": user, "channelId": channel}).encode(),
                                       {"Content-Type": "application/json"})
                auth = {"Authorization": "Bearer " + json.loads(data)["idToken"]}
                status, data = request(receiver_port, "POST", "/api/v1/challenges", b"", auth)
                nonce = json.loads(data)["nonce"]
                fields = {"procedure": "juminhyo_copy", "name": "見本 花子", "kana": "ミホン ハナコ",
                          "dateOfBirth": "1985-07-15", "postalCode": "100-0001", "prefecture": "東京都",
                          "city": "見本区", "line": "見本町1-2-3", "phone": "03-0000-0000", "copies": "2",
                          "documentType": "my_number_card", "challenge": nonce}
                content_type, body = multipart(fields, {name: image for name in parts})
                uploads.append((body, dict(auth, **{"Content-Type": content_type,
                                                    "Idempotency-Key": "rss-key-%04d" % i})))
            before_hwm, before_rss = vm(receiver.pid, "VmHWM"), vm(receiver.pid, "VmRSS")
            answers = [None] * len(uploads)

            def post(i):
                answers[i] = request(receiver_port, "POST", "/api/v1/applications", uploads[i][0], uploads[i][1])

            start = time.time()
            threads = [threading.Thread(target=post, args=(i,)) for i in range(len(uploads))]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            seconds = time.time() - start
            after_hwm = vm(receiver.pid, "VmHWM")
            statuses = {}
            for status, _ in answers:
                statuses[status] = statuses.get(status, 0) + 1
            print(json.dumps({"uploads": len(uploads), "statuses": statuses,
                              "answer": answers[0][1].decode(errors="replace")[:200],
                              "body_bytes": len(uploads[0][0]), "image_bytes": len(image),
                              "seconds": round(seconds, 2), "vmhwm_before": before_hwm, "vmrss_before": before_rss,
                              "vmhwm_after": after_hwm, "peak_growth": after_hwm - before_hwm}, ensure_ascii=False))
            status = answers[0][0]
            return 0 if status == 201 else 1
        finally:
            receiver.terminate()
            line.terminate()
            receiver.wait()
            line.wait()


if __name__ == "__main__":
    sys.exit(main())
