#!/usr/bin/env python3
"""Loopback link farm for the check-links benchmark (Python 3 standard library only).

One threaded HTTP/1.1 server per address 127.0.0.<first> .. 127.0.0.<last>, all on one port, each
serving /p/<n> for n = 0 .. links_per_host-1. What a path answers depends on n % 20, so every host
has the same mix (see KINDS). Every counted response waits --latency-ms first.

Counters per address: requests by method, the most in flight at once. Control endpoints (never
counted): GET /__stats (JSON), GET /__reset. Stops by itself after --max-seconds.
"""

import argparse
import json
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = ("<!doctype html><html lang=\"no\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
        "<body><nav>Forside Aktuelt Dokumenter</nav><main><h1>{title}</h1><p>"
        + "Regjeringen legger fram tiltak mot menneskehandel og arbeidslivskriminalitet. " * 40
        + "</p></main></body></html>")

# n % 20 -> (kind, expected status in a correct checker)
KINDS = {**{i: ("ok", "ok") for i in range(0, 13)},
         13: ("head405", "ok"),          # HEAD answered 405, GET 200
         14: ("404", "broken"),
         15: ("301", "redirect"),        # 301 to /p/<n>-new (200)
         16: ("302", "ok"),              # 302 to /p/<n>-tmp (200)
         17: ("soft404", "broken"),      # 200 "Fant ikke siden"
         18: ("403", "blocked"),
         19: ("410", "broken")}


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.requests = {}
            self.in_flight = 0
            self.max_in_flight = 0

    def start(self, method):
        with self.lock:
            self.requests[method] = self.requests.get(method, 0) + 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def end(self):
        with self.lock:
            self.in_flight -= 1

    def snapshot(self):
        with self.lock:
            return {"requests": dict(self.requests), "max_in_flight": self.max_in_flight}


def make_handler(counters, all_counters, latency):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "linkfarm/1"

        def log_message(self, *args):
            pass

        def send(self, code, body=b"", headers=()):
            self.send_response(code)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def control(self):
            if self.path.startswith("/__stats"):
                stats = {addr: c.snapshot() for addr, c in all_counters.items()}
                self.send(200, json.dumps(stats).encode(), [("Content-Type", "application/json")])
                return True
            if self.path.startswith("/__reset"):
                for c in all_counters.values():
                    c.reset()
                self.send(204)
                return True
            return False

        def answer(self):
            if self.control():
                return
            counters.start(self.command)
            try:
                time.sleep(latency)
                self.route()
            finally:
                counters.end()

        def route(self):
            path = self.path.split("?")[0].split("#")[0]
            html = [("Content-Type", "text/html; charset=utf-8")]
            if not path.startswith("/p/"):
                return self.send(404, b"no such page", html)
            name = path[3:]
            if name.endswith("-new") or name.endswith("-tmp"):
                return self.send(200, PAGE.format(title="Ny side " + name).encode(), html)
            try:
                n = int(name)
            except ValueError:
                return self.send(404, b"no such page", html)
            kind = KINDS[n % 20][0]
            if kind == "ok":
                return self.send(200, PAGE.format(title="Side " + name).encode(), html)
            if kind == "head405":
                if self.command == "HEAD":
                    return self.send(405, b"", [("Allow", "GET")])
                return self.send(200, PAGE.format(title="Side " + name).encode(), html)
            if kind in ("404", "403", "410"):
                return self.send(int(kind), b"<html><title>Error</title></html>", html)
            if kind == "301":
                return self.send(301, b"", [("Location", path + "-new")])
            if kind == "302":
                return self.send(302, b"", [("Location", path + "-tmp")])
            if kind == "soft404":
                return self.send(200, PAGE.format(title="Fant ikke siden").encode(), html)
            return self.send(500, b"", html)

        do_GET = answer
        do_HEAD = answer

    return Handler


class FarmServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default 5 drops connections when a checker opens many at once


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--first", type=int, default=2)
    ap.add_argument("--last", type=int, default=51)
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--latency-ms", type=int, default=20)
    ap.add_argument("--max-seconds", type=int, default=1800)
    args = ap.parse_args()
    all_counters = {}
    servers = []
    for i in range(args.first, args.last + 1):
        addr = "127.0.0.%d" % i
        counters = Counters()
        all_counters[addr] = counters
        server = FarmServer((addr, args.port), make_handler(counters, all_counters, args.latency_ms / 1000))
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("serving %d hosts on port %d" % (len(servers), args.port), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    stop.wait(args.max_seconds)
    for s in servers:
        s.shutdown()
    sys.exit(0)


if __name__ == "__main__":
    main()
