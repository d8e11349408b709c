#!/usr/bin/env python3
"""A local stand-in for DeepL's API, for scripts/bench-translate (Python standard library only).

    fake_deepl.py [--host 127.0.0.1] [--port 0] [--port-file FILE] [--stats FILE]
                  [--latency-ms 50] [--rate 10] [--burst 10] [--key KEY]
                  [--prefix '[{lang}] '] [--character-limit N] [--log FILE]

Speaks DeepL's wire format (../shared/corpora/specs/deepl-openapi.yaml) for:

  POST /v2/translate     JSON body {"text": [...], "target_lang": "EL", ...}, or form-encoded
                         (text=...&text=...&target_lang=EL); answers
                         {"translations": [{"detected_source_language": "EN", "text": "..."}]}
                         where each text is the input with a prefix ('[el] ' by default). The
                         text itself, XML tags such as <x id="1"/> and <g id="2">…</g> included,
                         is returned untouched.
  GET  /v2/usage         {"character_count": N, "character_limit": L}
  GET  /v3/glossaries    {"glossaries": [...]}: empty until one is created
  POST /v3/glossaries    201 with a glossary id (JSON or form-encoded body)
  GET  /stats            the counters below as JSON (also written to --stats); not counted,
                         not rate limited, no key needed

Every answer (429s and errors included; /stats excepted) is delayed --latency-ms. One global
token bucket (--rate tokens a second, holding at most --burst, full at start) guards every
endpoint: a request that finds no token gets 429 with `Retry-After: 1`. The key is checked
(`Authorization: DeepL-Auth-Key KEY`; with --key it must be that key, else any non-empty key):
a missing or wrong one gets 403. Bad input gets 400 (invalid JSON, no text, no target_lang),
a body over 128 KiB 413, an unknown path 404; the server never crashes on input, and an
unexpected failure in a handler is a 500 that is counted.

Counters (JSON, written atomically to --stats on GET /stats, SIGTERM, SIGINT and exit):
requests (all but /stats), ok (2xx), rate_limited (429), by status, by endpoint, by target
language, texts and characters translated, batch sizes, TCP connections accepted (keep-alive
is on), the most requests in flight at once,
and the arrival times (seconds since the server started) of accepted and rate-limited requests.

The port is printed on stdout (`listening on http://127.0.0.1:PORT`) and, with --port-file,
written to that file once the server accepts connections; --port 0 picks a free port.
"""

import argparse
import json
import os
import re
import signal
import sys
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MAX_BODY = 128 * 1024
# Bodies larger than this are not even read (the connection is closed after the 413).
MAX_READ = 4 * 1024 * 1024
MAX_TIMES = 200_000
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


class TokenBucket:
    """`rate` tokens a second, at most `burst` held; starts full."""

    def __init__(self, rate, burst):
        self.rate = float(rate)
        self.burst = float(burst)
        self.tokens = self.burst
        self.last = time.monotonic()
        self.lock = threading.Lock()

    def take(self):
        if self.rate <= 0:
            return True
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
            self.last = now
            if self.tokens >= 1.0:
                self.tokens -= 1.0
                return True
            return False


class Stats:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.t0 = time.monotonic()
        self.started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.requests = 0
        self.by_status = Counter()
        self.by_endpoint = defaultdict(Counter)
        self.by_target = defaultdict(Counter)
        self.batch_sizes = Counter()
        self.texts = 0
        self.characters = 0
        self.malformed_xml_texts = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.connections = 0
        self.accepted_at = []
        self.rate_limited_at = []
        self.internal_errors = []

    def now(self):
        return time.monotonic() - self.t0

    def connected(self):
        with self.lock:
            self.connections += 1

    def arrive(self):
        with self.lock:
            self.requests += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self):
        with self.lock:
            self.in_flight -= 1

    def mark(self, accepted):
        t = round(self.now(), 4)
        with self.lock:
            times = self.accepted_at if accepted else self.rate_limited_at
            if len(times) < MAX_TIMES:
                times.append(t)

    def answered(self, endpoint, status):
        with self.lock:
            self.by_status[str(status)] += 1
            self.by_endpoint[endpoint][str(status)] += 1

    def translated(self, target, texts, characters, malformed):
        with self.lock:
            self.by_target[target]["requests"] += 1
            self.by_target[target]["texts"] += len(texts)
            self.batch_sizes[str(len(texts))] += 1
            self.texts += len(texts)
            self.characters += characters
            self.malformed_xml_texts += malformed

    def internal(self, text):
        with self.lock:
            if len(self.internal_errors) < 20:
                self.internal_errors.append(text)

    def snapshot(self):
        with self.lock:
            ok = sum(n for s, n in self.by_status.items() if s.startswith("2"))
            limited = self.by_status.get("429", 0)
            accepted = list(self.accepted_at)
            return {
                "started": self.started,
                "uptime": round(self.now(), 3),
                "requests": self.requests,
                "answered": sum(self.by_status.values()),
                "ok": ok,
                "rate_limited": limited,
                "other_errors": sum(self.by_status.values()) - ok - limited,
                "by_status": dict(sorted(self.by_status.items())),
                "by_endpoint": {k: dict(sorted(v.items())) for k, v in sorted(self.by_endpoint.items())},
                "by_target": {k: dict(v) for k, v in sorted(self.by_target.items())},
                "batch_sizes": dict(sorted(self.batch_sizes.items(), key=lambda kv: int(kv[0]))),
                "texts": self.texts,
                "characters": self.characters,
                "malformed_xml_texts": self.malformed_xml_texts,
                "connections": self.connections,
                "in_flight": self.in_flight,
                "max_in_flight": self.max_in_flight,
                "max_accepted_in_1s": max_in_window(accepted, 1.0),
                "accepted_at": accepted,
                "rate_limited_at": list(self.rate_limited_at),
                "internal_errors": list(self.internal_errors),
            }

    def write(self):
        data = self.snapshot()
        if self.path:
            tmp = f"{self.path}.tmp{os.getpid()}.{threading.get_ident()}"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=1)
                f.write("\n")
            os.replace(tmp, self.path)
        return data


def max_in_window(times, window):
    best, lo = 0, 0
    for hi, t in enumerate(times):
        while t - times[lo] >= window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


class BadRequest(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def xml_well_formed(text):
    try:
        ET.fromstring(f"<r>{text}</r>")
        return True
    except ET.ParseError:
        return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-deepl/1"
    sys_version = ""

    # ---- plumbing --------------------------------------------------------------------------
    def setup(self):
        super().setup()
        self.server.stats.connected()

    def log_message(self, fmt, *args):
        log = self.server.opts.log_file
        if log:
            line = "%s %s\n" % (datetime.now().strftime("%H:%M:%S.%f")[:-3], fmt % args)
            with self.server.log_lock:
                log.write(line)
                log.flush()

    def send_json(self, status, payload, headers=None):
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks, total = [], 0
            while True:
                line = self.rfile.readline(1024)
                if not line:
                    raise BadRequest(400, "Truncated chunked body.")
                try:
                    size = int(line.split(b";")[0].strip() or b"0", 16)
                except ValueError:
                    self.close_connection = True
                    raise BadRequest(400, "Invalid chunk size.")
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                total += size
                if total > MAX_READ:
                    self.close_connection = True
                    raise BadRequest(413, "Request Entity Too Large")
                chunks.append(self.rfile.read(size))
                self.rfile.readline(16)
            body = b"".join(chunks)
        else:
            raw = self.headers.get("Content-Length")
            if raw is None:
                return b""
            try:
                length = int(raw)
                if length < 0:
                    raise ValueError
            except ValueError:
                self.close_connection = True
                raise BadRequest(400, "Invalid Content-Length.")
            if length > MAX_READ:
                self.close_connection = True
                raise BadRequest(413, "Request Entity Too Large")
            body = self.rfile.read(length)
            if len(body) < length:
                self.close_connection = True
                raise BadRequest(400, "Truncated body.")
        if len(body) > MAX_BODY:
            raise BadRequest(413, "Request Entity Too Large")
        return body

    def params(self, body):
        """The body as a dict of lists (JSON or form-encoded)."""
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype == "application/x-www-form-urlencoded":
            try:
                return parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                raise BadRequest(400, "The body is not valid UTF-8.")
        if not body.strip():
            raise BadRequest(400, "Empty request body.")
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise BadRequest(400, "Invalid JSON in request body.")
        if not isinstance(data, dict):
            raise BadRequest(400, "The request body must be a JSON object.")
        return {k: (v if isinstance(v, list) else [v]) for k, v in data.items()}

    def authorized(self):
        value = self.headers.get("Authorization", "")
        m = re.fullmatch(r"DeepL-Auth-Key\s+(\S.*)", value.strip())
        if not m:
            return False
        want = self.server.opts.key
        return want is None or m.group(1).strip() == want

    # ---- dispatch --------------------------------------------------------------------------
    def handle_any(self):
        stats = self.server.stats
        path = urlsplit(self.path).path.rstrip("/") or "/"
        if path == "/stats" and self.command == "GET":
            try:
                self.read_body()
            except BadRequest:
                pass
            self.send_json(200, stats.write())
            return
        endpoint = f"{self.command} {path}" if path in ROUTES else f"{self.command} (other)"
        stats.arrive()
        status = 500
        try:
            started = time.monotonic()
            allowed = self.server.bucket.take()
            stats.mark(allowed)
            try:
                body = self.read_body()
            except BadRequest as err:
                body, early = b"", err
            else:
                early = None
            if not allowed:
                status, payload, headers = 429, {"message": "Too many requests, please wait and resend your request."}, {"Retry-After": "1"}
            elif early is not None:
                status, payload, headers = early.status, {"message": early.message}, {}
            elif not self.authorized():
                status, payload, headers = 403, {"message": "Authorization failure, check auth_key"}, {}
            else:
                try:
                    status, payload = self.route(path, body)
                except BadRequest as err:
                    status, payload = err.status, {"message": err.message}
                headers = {}
            delay = self.server.opts.latency_ms / 1000.0 - (time.monotonic() - started)
            if delay > 0:
                time.sleep(delay)
            self.send_json(status, payload, headers)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as err:  # never let input crash the server
            status = 500
            stats.internal(f"{endpoint}: {type(err).__name__}: {err}")
            try:
                self.close_connection = True
                self.send_json(500, {"message": "Internal server error"})
            except Exception:
                pass
        finally:
            stats.answered(endpoint, status)
            stats.leave()

    def route(self, path, body):
        handler = ROUTES.get(path, {}).get(self.command)
        if handler is None:
            if path in ROUTES:
                raise BadRequest(405, "Method not allowed.")
            raise BadRequest(404, "Not found.")
        return handler(self, body)

    # ---- endpoints -------------------------------------------------------------------------
    def translate(self, body):
        p = self.params(body)
        texts = p.get("text")
        if not texts:
            raise BadRequest(400, "Parameter 'text' not specified.")
        if not all(isinstance(t, str) for t in texts):
            raise BadRequest(400, "Parameter 'text' must be an array of strings.")
        target = (p.get("target_lang") or [None])[0]
        if not isinstance(target, str) or not target:
            raise BadRequest(400, "Parameter 'target_lang' not specified.")
        if not LANG_RE.match(target):
            raise BadRequest(400, "Value for 'target_lang' not supported.")
        source = (p.get("source_lang") or [None])[0]
        if source is not None and (not isinstance(source, str) or not LANG_RE.match(source)):
            raise BadRequest(400, "Value for 'source_lang' not supported.")
        glossary = (p.get("glossary_id") or [None])[0]
        if glossary is not None:
            if source is None:
                raise BadRequest(400, "Use of a glossary requires the 'source_lang' parameter to be specified.")
            with self.server.glossary_lock:
                if glossary not in self.server.glossaries:
                    raise BadRequest(400, "Glossary not found.")
        limit = self.server.opts.character_limit
        characters = sum(len(t) for t in texts)
        if limit is not None and self.server.stats.characters + characters > limit:
            raise BadRequest(456, "Quota exceeded. The character limit has been reached.")
        xml = (p.get("tag_handling") or [None])[0] in ("xml", "html")
        malformed = sum(1 for t in texts if xml and not xml_well_formed(t)) if xml else 0
        prefix = self.server.opts.prefix.format(lang=target.lower(), LANG=target.upper())
        detected = source.upper() if isinstance(source, str) else "EN"
        self.server.stats.translated(target.upper(), texts, characters, malformed)
        return 200, {
            "translations": [{"detected_source_language": detected, "text": prefix + t} for t in texts]
        }

    def usage(self, body):
        limit = self.server.opts.character_limit
        return 200, {
            "character_count": self.server.stats.characters,
            "character_limit": limit if limit is not None else 1_000_000_000_000,
        }

    def list_glossaries(self, body):
        with self.server.glossary_lock:
            return 200, {"glossaries": list(self.server.glossaries.values())}

    def create_glossary(self, body):
        p = self.params(body)
        name = (p.get("name") or [None])[0]
        if not isinstance(name, str) or not name.strip():
            raise BadRequest(400, "Parameter 'name' not specified.")
        dictionaries = p.get("dictionaries")
        if not dictionaries:
            # Form-encoded: dictionaries[0][source_lang]=… is not worth parsing; accept flat fields.
            src, tgt = (p.get("source_lang") or [None])[0], (p.get("target_lang") or [None])[0]
            entries = (p.get("entries") or [""])[0]
            if not (isinstance(src, str) and isinstance(tgt, str)):
                raise BadRequest(400, "Parameter 'dictionaries' not specified.")
            dictionaries = [{"source_lang": src, "target_lang": tgt, "entries": entries}]
        infos = []
        for d in dictionaries:
            if not isinstance(d, dict):
                raise BadRequest(400, "Each dictionary must be an object.")
            src, tgt, entries = d.get("source_lang"), d.get("target_lang"), d.get("entries", "")
            if not (isinstance(src, str) and LANG_RE.match(src) and isinstance(tgt, str) and LANG_RE.match(tgt)):
                raise BadRequest(400, "Invalid glossary language pair.")
            if not isinstance(entries, str) or not entries.strip():
                raise BadRequest(400, "Invalid glossary entries provided.")
            count = sum(1 for line in entries.splitlines() if line.strip())
            infos.append({"source_lang": src.lower(), "target_lang": tgt.lower(), "entry_count": count})
        info = {
            "glossary_id": str(uuid.uuid4()),
            "name": name,
            "ready": True,
            "dictionaries": infos,
            "creation_time": datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        }
        with self.server.glossary_lock:
            self.server.glossaries[info["glossary_id"]] = info
        return 201, info

    # Every method goes through handle_any.
    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = handle_any


ROUTES = {
    "/v2/translate": {"POST": Handler.translate},
    "/v2/usage": {"GET": Handler.usage, "POST": Handler.usage},
    "/v3/glossaries": {"GET": Handler.list_glossaries, "POST": Handler.create_glossary},
}


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # A client that goes away mid-request is not worth a traceback.
        pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--stats")
    ap.add_argument("--latency-ms", type=float, default=50.0)
    ap.add_argument("--rate", type=float, default=10.0, help="requests a second (0: no limit)")
    ap.add_argument("--burst", type=float, default=None, help="bucket size (default: --rate)")
    ap.add_argument("--key", default=None, help="the only key accepted (default: any)")
    ap.add_argument("--prefix", default="[{lang}] ", help="'{lang}'/'{LANG}': the target code")
    ap.add_argument("--character-limit", type=int, default=None, help="456 beyond this many characters")
    ap.add_argument("--log", default=None, help="one line per request")
    opts = ap.parse_args()
    burst = opts.burst if opts.burst is not None else max(opts.rate, 1.0)

    opts.log_file = open(opts.log, "a", encoding="utf-8") if opts.log else None
    server = Server((opts.host, opts.port), Handler)
    server.opts = opts
    server.stats = Stats(opts.stats)
    server.bucket = TokenBucket(opts.rate, burst)
    server.glossaries = {}
    server.glossary_lock = threading.Lock()
    server.log_lock = threading.Lock()

    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    print(f"listening on http://{opts.host}:{port} (latency {opts.latency_ms:g} ms, "
          f"{opts.rate:g} requests/s, burst {burst:g})", flush=True)
    if opts.port_file:
        tmp = opts.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, opts.port_file)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.shutdown()
        server.server_close()
        server.stats.write()
        if opts.log_file:
            opts.log_file.close()


if __name__ == "__main__":
    main()
