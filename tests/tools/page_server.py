#!/usr/bin/python3
"""Loopback search server for the searx integration test: answers searx's json_engine.

GET /search?q=QUERY&pageno=N returns {"results": [...]} with the fixture entries whose text
(title, content and URL, folded) contains every quoted phrase and bare word of QUERY, ten a
page; `site:` operators keep entries on those hosts (several are alternatives, as with OR).
An unmatched query gets an empty list, which is a valid answer. Standard library only, so it
runs under Debian's /usr/bin/python3 next to searx.

Usage: page_server.py FIXTURE PORT_FILE LOG_FILE
Binds 127.0.0.1 on a free port, writes the port to PORT_FILE once it listens, and appends
each query it receives (decoded) to LOG_FILE, one a line.
"""

import json
import os
import re
import sys
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PAGE_SIZE = 10


def fold(text):
    """Lowercase, strip accents, and turn punctuation into single spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def parse_query(query):
    """Splits a query into (terms, sites): quoted phrases and words, and site: domains."""
    sites = [s.strip("()").lower() for s in re.findall(r"(?i)\bsite:(\S+)", query)]
    rest = re.sub(r"(?i)\bsite:\S+", " ", query)
    terms = [fold(p) for p in re.findall(r'"([^"]*)"', rest)]
    rest = re.sub(r'"[^"]*"', " ", rest)
    terms += [fold(w) for w in rest.split() if w != "OR"]
    return [t for t in terms if t], sites


def matches(entry, terms, sites):
    host = (urlsplit(entry["url"]).hostname or "").lower()
    if sites and not any(host == s or host.endswith("." + s) for s in sites):
        return False
    text = " " + fold(" ".join((entry["title"], entry["content"], entry["url"]))) + " "
    return all(" " + t + " " in text for t in terms)


def make_handler(entries, log_path):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            parts = urlsplit(self.path)
            if parts.path != "/search":
                self.send_error(404)
                return
            params = parse_qs(parts.query)
            query = params.get("q", [""])[0]
            try:
                page = max(1, int(params.get("pageno", ["1"])[0]))
            except ValueError:
                page = 1
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(f"{query}\tpage {page}\n")
            terms, sites = parse_query(query)
            found = [e for e in entries if matches(e, terms, sites)]
            body = json.dumps(
                {"results": found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]}, ensure_ascii=False
            ).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass  # the query log above is enough

    return Handler


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: page_server.py FIXTURE PORT_FILE LOG_FILE")
    fixture, port_file, log_path = sys.argv[1:]
    with open(fixture, encoding="utf-8") as f:
        entries = json.load(f)["results"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(entries, log_path))
    # Written only once the socket listens, so a reader of the file can connect at once.
    tmp = port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{server.server_address[1]}\n")
    os.replace(tmp, port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
