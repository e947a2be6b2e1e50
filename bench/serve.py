#!/usr/bin/env python3
"""Loopback feed farm for the kildevakt crawl benchmark (Python 3 standard library only).

One threaded HTTP/1.1 server per address 127.0.0.<first> .. 127.0.0.<last> (all on one port;
Linux routes the whole of 127.0.0.0/8 to the loopback interface), each serving

    /feed/<n>.xml   n = 0 .. feeds_per_host-1: an RSS 2.0 feed of ~20 Norwegian items, 15-30 KB,
                    with a strong ETag and a Last-Modified, answering 304 to a matching
                    If-None-Match (or, without one, to an If-Modified-Since not older than it)
    /robots.txt     allows everything

Every counted response is delayed by --latency-ms before the server answers, to stand in for a
distant host. The server counts, per address, requests and response bytes (status line, headers
and body as written to the socket), the largest number of requests in flight at once, and the
shortest gap between the end of one response and the start of the next request — the figures
that prove (or disprove) that a crawler is polite.

Control endpoints (answered at once, never counted), on every address:
    GET /__stats          the counters as JSON
    GET /__stats?reset=1  the counters, then reset them (atomically: nothing is lost between)
    GET /__reset          reset the counters

The server only binds 127.x.x.x, stops by itself after --max-seconds, and on SIGTERM/SIGINT;
on SIGUSR1 and at exit it writes the counters to --stats-file when one is given.
"""

import argparse
import email.utils
import hashlib
import json
import random
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

WORDS = (
    "menneskehandel utnytting tvangsarbeid arbeidslivskriminalitet politiet påtalemyndigheten "
    "departementet regjeringen stortinget høring rapport tiltak veileder forskning kartlegging "
    "ofre bistand beskyttelse oppholdstillatelse kommunene barnevernet overgrep seksuelle "
    "prostitusjon tigging kriminalitet samarbeid nordisk europeisk grenseoverskridende økonomisk "
    "sårbare migranter arbeidstakere lønn bolig gjeld kontroll tilsyn arbeidstilsynet skatteetaten "
    "nav domstolene straffesak dom lagmannsretten høyesterett tiltalte fornærmede vitner "
    "rettighetene særlig også være både når før etter blant annet gjennom mellom således "
    "Oslo Bergen Trondheim Tromsø Stavanger Kristiansand Bodø Ålesund Drammen Fredrikstad "
    "kunnskapsgrunnlaget handlingsplanen opplæring førstelinjen identifisering avdekking "
    "utlendingsdirektoratet krisesenter ideelle organisasjoner frivillige Røde Kors Kirkens "
    "Bymisjon ROSA-prosjektet KOM-enheten Pro Sentret støtte oppfølging tilbakevending "
    "rådgivning økt innsats styrket vern særskilt sårbarhet færre flere større mindre"
).split()

TITLE_WORDS = (
    "Ny rapport om menneskehandel i Norge|Regjeringen styrker innsatsen mot tvangsarbeid|"
    "Høring: endringer i utlendingsloven|Økt satsing på arbeidslivskriminalitet|"
    "Dom i sak om utnytting av sårbare arbeidstakere|Kunnskapsgrunnlag om tigging og prostitusjon|"
    "Nordisk samarbeid mot grenseoverskridende kriminalitet|Veileder for førstelinjen|"
    "Færre ofre identifisert i fjor|Tilskudd til ideelle organisasjoner|"
    "Ålesund og Bodø får nye team mot utnytting|Årsrapport fra KOM-enheten"
).split("|")


def rfc822(ts):
    return email.utils.formatdate(ts, usegmt=True)


def make_feed(address, port, n):
    """A deterministic RSS 2.0 document for feed n on address; distinct guids and links per feed."""
    rng = random.Random(f"{address}/{n}")
    base = f"http://{address}:{port}"
    newest = 1_767_225_600 - rng.randrange(0, 86_400 * 30)  # some time in Dec 2025
    items = []
    for i in range(20):
        published = newest - i * 3600 * rng.randrange(5, 30)
        paragraphs = []
        for _ in range(rng.randrange(2, 5)):
            words = [rng.choice(WORDS) for _ in range(rng.randrange(18, 36))]
            words[0] = words[0].capitalize()
            paragraphs.append(" ".join(words) + ".")
        description = "<p>" + "</p><p>".join(paragraphs) + "</p>"
        title = f"{rng.choice(TITLE_WORDS)} ({address.split('.')[-1]}-{n}-{i})"
        link = f"{base}/sak/{n}/{i}?utm_source=rss&utm_medium=feed"
        items.append(
            "    <item>\n"
            f"      <title>{escape(title)}</title>\n"
            f"      <link>{escape(link)}</link>\n"
            f"      <guid isPermaLink=\"false\">urn:kildevakt-bench:{address}:{n}:{i}</guid>\n"
            f"      <pubDate>{rfc822(published)}</pubDate>\n"
            f"      <category>{escape(rng.choice(WORDS))}</category>\n"
            f"      <description>{escape(description)}</description>\n"
            "    </item>\n")
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0">\n  <channel>\n'
        f"    <title>Testkilde {address} nr. {n} – nyheter om menneskehandel og utnytting</title>\n"
        f"    <link>{base}/</link>\n"
        "    <description>Syntetisk feed for ytelsesmåling av kildevakt (æøå ÆØÅ)</description>\n"
        "    <language>nb-NO</language>\n"
        f"    <lastBuildDate>{rfc822(newest)}</lastBuildDate>\n"
        + "".join(items) +
        "  </channel>\n</rss>\n").encode("utf-8")
    etag = '"' + hashlib.sha1(body).hexdigest()[:24] + '"'
    return body, etag, newest


class HostStats:
    """Counters for one address; guarded by the Farm's lock."""

    def __init__(self):
        self.requests = 0
        self.bytes = 0
        self.robots = 0
        self.feeds_200 = 0
        self.feeds_304 = 0
        self.other = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.last_end = None      # monotonic seconds, end of the latest finished response
        self.last_start = None
        self.min_gap_ms = None    # end of one response -> start of the next request, when none in flight
        self.min_start_interval_ms = None  # start -> start of consecutive requests
        self.overlaps = 0         # requests that started while another was in flight
        self.first_start = None   # monotonic seconds: when this host's first request of the phase came

    def as_json(self, since):
        def r(x):
            return None if x is None else round(x, 1)

        def at(t):
            return None if t is None else round(t - since, 3)
        return {"requests": self.requests, "bytes": self.bytes, "robots": self.robots,
                "feeds_200": self.feeds_200, "feeds_304": self.feeds_304, "other": self.other,
                "max_in_flight": self.max_in_flight, "overlaps": self.overlaps,
                "min_gap_ms": r(self.min_gap_ms), "min_start_interval_ms": r(self.min_start_interval_ms),
                "first_start_s": at(self.first_start), "last_end_s": at(self.last_end)}


class Farm:
    """The shared state of all servers: the documents and the counters."""

    def __init__(self, addresses, port, feeds_per_host, latency):
        self.port = port
        self.latency = latency
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.reset_at = self.started
        self.docs = {}
        for address in addresses:
            for n in range(feeds_per_host):
                self.docs[(address, f"/feed/{n}.xml")] = make_feed(address, port, n)
        self.addresses = list(addresses)
        self.stats = {a: HostStats() for a in addresses}

    def snapshot(self, reset=False):
        with self.lock:
            hosts = {a: s.as_json(self.reset_at) for a, s in self.stats.items()}
            since_reset = time.monotonic() - self.reset_at
            if reset:
                self.stats = {a: HostStats() for a in self.addresses}
                self.reset_at = time.monotonic()
        totals = {k: sum(h[k] for h in hosts.values())
                  for k in ("requests", "bytes", "robots", "feeds_200", "feeds_304", "other")}
        gaps = [h["min_gap_ms"] for h in hosts.values() if h["min_gap_ms"] is not None]
        starts = [h["min_start_interval_ms"] for h in hosts.values() if h["min_start_interval_ms"] is not None]
        totals["max_in_flight_per_host"] = max((h["max_in_flight"] for h in hosts.values()), default=0)
        totals["overlaps"] = sum(h["overlaps"] for h in hosts.values())
        totals["min_gap_ms"] = min(gaps) if gaps else None
        totals["min_start_interval_ms"] = min(starts) if starts else None
        firsts = [h["first_start_s"] for h in hosts.values() if h["first_start_s"] is not None]
        ends = [h["last_end_s"] for h in hosts.values() if h["last_end_s"] is not None]
        spans = [h["last_end_s"] - h["first_start_s"] for h in hosts.values() if h["first_start_s"] is not None]
        totals["first_request_s"] = min(firsts) if firsts else None   # seconds after the reset
        totals["last_response_s"] = max(ends) if ends else None
        totals["longest_host_span_s"] = round(max(spans), 3) if spans else None
        totals["since_reset_s"] = round(since_reset, 3)
        return {"uptime_s": round(time.monotonic() - self.started, 3), "latency_ms": self.latency * 1000,
                "totals": totals, "hosts": hosts}

    def begin(self, address):
        now = time.monotonic()
        with self.lock:
            s = self.stats[address]
            if s.in_flight > 0:
                s.overlaps += 1
            elif s.last_end is not None:
                gap = (now - s.last_end) * 1000
                s.min_gap_ms = gap if s.min_gap_ms is None else min(s.min_gap_ms, gap)
            if s.last_start is not None:
                interval = (now - s.last_start) * 1000
                s.min_start_interval_ms = interval if s.min_start_interval_ms is None else min(s.min_start_interval_ms, interval)
            s.last_start = now
            if s.first_start is None:
                s.first_start = now
            s.in_flight += 1
            s.max_in_flight = max(s.max_in_flight, s.in_flight)
            return s

    def end(self, address, stats_at_begin, kind, nbytes):
        now = time.monotonic()
        with self.lock:
            s = self.stats[address]
            if s is not stats_at_begin:   # counters were reset while this request ran
                return
            s.in_flight -= 1
            s.last_end = now
            s.requests += 1
            s.bytes += nbytes
            setattr(s, kind, getattr(s, kind) + 1)


class CountingWriter:
    """Wraps the socket writer so every byte of a response (headers and body) is counted."""

    def __init__(self, inner):
        self.inner = inner
        self.count = 0

    def write(self, data):
        self.count += len(data)
        return self.inner.write(data)

    def flush(self):
        return self.inner.flush()

    def close(self):
        return self.inner.close()

    @property
    def closed(self):
        return self.inner.closed


def handler_for(farm, address):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "bench-feeds/1.0"
        sys_version = ""

        def setup(self):
            super().setup()
            self.wfile = CountingWriter(self.wfile)

        def log_message(self, fmt, *args):
            pass

        def do_GET(self):
            url = urlsplit(self.path)
            if url.path in ("/__stats", "/__reset"):
                return self.control(url)
            stats = farm.begin(address)
            self.wfile.count = 0
            kind = "other"
            try:
                time.sleep(farm.latency)
                doc = farm.docs.get((address, url.path))
                if url.path == "/robots.txt":
                    kind = "robots"
                    self.reply(200, "text/plain; charset=utf-8", b"User-agent: *\nAllow: /\n")
                elif doc is None:
                    self.reply(404, "text/plain; charset=utf-8", b"not found\n")
                else:
                    body, etag, last_modified = doc
                    headers = {"ETag": etag, "Last-Modified": rfc822(last_modified),
                               "Cache-Control": "max-age=0"}
                    if self.not_modified(etag, last_modified):
                        kind = "feeds_304"
                        self.send_response(304)
                        for k, v in headers.items():
                            self.send_header(k, v)
                        self.end_headers()
                    else:
                        kind = "feeds_200"
                        self.reply(200, "application/rss+xml; charset=utf-8", body, headers)
                self.wfile.flush()
            finally:
                farm.end(address, stats, kind, self.wfile.count)

        def not_modified(self, etag, last_modified):
            inm = self.headers.get("If-None-Match")
            if inm is not None:
                tags = [t.strip() for t in inm.split(",")]
                return any(t == "*" or t.removeprefix("W/") == etag for t in tags)
            ims = self.headers.get("If-Modified-Since")
            if ims:
                try:
                    return email.utils.parsedate_to_datetime(ims).timestamp() >= last_modified
                except (TypeError, ValueError):
                    return False
            return False

        def reply(self, status, content_type, body, headers=None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def control(self, url):
            if url.path == "/__reset":
                farm.snapshot(reset=True)
                body = b'{"reset":true}\n'
            else:
                reset = parse_qs(url.query).get("reset", ["0"])[0] in ("1", "true")
                body = (json.dumps(farm.snapshot(reset=reset), indent=1) + "\n").encode()
            self.reply(200, "application/json", body)

    return Handler


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--first", type=int, default=2, help="first address is 127.0.0.<first>")
    p.add_argument("--last", type=int, default=51, help="last address is 127.0.0.<last>")
    p.add_argument("--feeds-per-host", type=int, default=10)
    p.add_argument("--latency-ms", type=float, default=50)
    p.add_argument("--max-seconds", type=float, default=600, help="stop by itself after this long")
    p.add_argument("--stats-file", help="write the counters here on SIGUSR1 and at exit")
    p.add_argument("--ready-file", help="touch this file once every server listens")
    args = p.parse_args()
    if not (1 <= args.first <= args.last <= 254):
        p.error("need 1 <= --first <= --last <= 254")

    addresses = [f"127.0.0.{i}" for i in range(args.first, args.last + 1)]
    farm = Farm(addresses, args.port, args.feeds_per_host, args.latency_ms / 1000)
    servers = []
    for address in addresses:
        assert address.startswith("127."), "loopback only"
        ThreadingHTTPServer.request_queue_size = 128
        server = ThreadingHTTPServer((address, args.port), handler_for(farm, address))
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.5}, daemon=True).start()

    sizes = [len(d[0]) for d in farm.docs.values()]
    print(f"serve.py: {len(addresses)} hosts {addresses[0]}..{addresses[-1]} port {args.port}, "
          f"{len(sizes)} feeds {min(sizes)}-{max(sizes)} bytes, latency {args.latency_ms:g} ms, "
          f"stops after {args.max_seconds:g} s", file=sys.stderr, flush=True)
    if args.ready_file:
        open(args.ready_file, "w").close()

    stop = threading.Event()

    def write_stats(*_):
        if args.stats_file:
            with open(args.stats_file, "w") as f:
                json.dump(farm.snapshot(), f, indent=1)

    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGUSR1, write_stats)
    stop.wait(args.max_seconds)
    write_stats()
    for server in servers:   # serving threads are daemons: closing the sockets is enough
        server.server_close()


if __name__ == "__main__":
    main()
