#!/usr/bin/env python3
"""Builds rules/accounts.json (schema empreinte/accounts/v1) from the Sherlock and Maigret site
lists (both MIT).

This script is documentation and a refresh tool: it is not run at build or test time, and the
project does not need the upstream files to build, test or run. It only uses the Python standard
library.

Usage:
    scripts/make-accounts.py UPSTREAM_DIR [--out rules/accounts.json]
        [--sherlock-commit SHA] [--maigret-commit SHA] [--wmn [--wmn-commit SHA]] [--report]

UPSTREAM_DIR holds sherlock/data.json and maigret/data.json (the copies made for the project
reference data). The commit hashes default to the ones the project copies were taken from; pass
the new ones when refreshing.

What it does, in order (rules/PROVENANCE.md explains the choices):
 1. reads both lists and turns every entry into one common shape (url with {user}, probe,
    headers, username regex, detection, known/absent examples, protection, tags);
 2. pairs Sherlock entries with Maigret entries for the same site (same host, else same name);
 3. keeps every usable Sherlock site and fills up to TOTAL_CAP with the most popular usable
    Maigret-only sites (European or English-speaking audience, or French);
 4. for a paired site, takes the stronger of the two detections (Maigret on a tie), unless
    Maigret disables its own check;
 5. rewrites regexes for RE2 (no lookaround, no {,n}, no \\uXXXX), drops credential headers;
 6. decides `default` with the rule in default_reasons();
 7. checks everything it can and writes the file sorted by id.

With --wmn it also writes rules/accounts-wmn.json from UPSTREAM_DIR/whatsmyname/wmn-data.json:
WhatsMyName is CC BY-SA 4.0, so its sites go to that separate file (same schema, licence and
attribution in its header), never into accounts.json; sites already in accounts.json are skipped.

Its parts, beside it: accounts_upstream.py reads the upstream lists (steps 1 and 5) and checks
the entries (7), accounts_select.py pairs, merges and chooses (2-4, 6), accounts_wmn.py does --wmn.
"""
import argparse
import collections
import json
import pathlib
import sys

from accounts_select import (
    audience_ok,
    build_entry,
    default_reasons,
    merge,
    norm_name,
    pair,
    strength,
    template_key,
)
from accounts_upstream import (
    check,
    host_of,
    ordered_unique,
    read_maigret,
    read_sherlock,
    slug,
)
from accounts_wmn import write_wmn

SHERLOCK_COMMIT = "4e2a4f6b66433849abe46cae76ed557c6c8313c8"
MAIGRET_COMMIT = "149acb17832862857c67facf99ea7094d16a3969"
WMN_COMMIT = "e62338e4fc88536a330733d355a9d33a3a1697c6"

TOTAL_CAP = 600
# Maigret-only sites need at least this popularity (alexaRank, lower is more popular) unless
# they are tagged for France.
MAIGRET_MAX_RANK = 100_000

# Page fingerprints of block and challenge pages, for every site.
BLOCK_SIGNATURES = [
    # maigret/errors.py COMMON_ERRORS (MIT), the ones that are not Russian ISP pages
    ("<title>Attention Required! | Cloudflare</title>", "cloudflare", "maigret"),
    ("Please stand by, while we are checking your browser", "cloudflare", "maigret"),
    ("<span data-translate=\"checking_browser\">Checking your browser before accessing</span>",
     "cloudflare", "maigret"),
    ("This website is using a security service to protect itself from online attacks.",
     "cloudflare", "maigret"),
    ("Verifying your browser, please wait...<br>DDoS Protection by</font> Blazingfast.io",
     "waf", "maigret"),
    ("Incapsula incident ID", "waf", "maigret"),
    # sherlock_project/sherlock.py WAFHitMsgs (MIT)
    ("<span id=\"challenge-error-text\">", "cloudflare", "sherlock"),
    ("AwsWafIntegration.forceRefreshToken", "waf", "sherlock"),
    ("{return l.onPageView}}),Object.defineProperty(r,\"perimeterxIdentifiers\",{enumerable:",
     "waf", "sherlock"),
    # Maigret per-site failure strings that name a generic challenge page
    ("/cdn-cgi/scripts/hcaptcha.challenge.js", "captcha", "maigret-data"),
    ("POW_CHALLENGE_DATA", "waf", "maigret-data"),
    # Well-known challenge page markers (general knowledge, not from the upstream lists)
    ("<title>Just a moment...</title>", "cloudflare", "empreinte"),
    ("window._cf_chl_opt", "cloudflare", "empreinte"),
    ("<title>DDoS-Guard</title>", "waf", "empreinte"),
    ("captcha-delivery.com", "captcha", "empreinte"),
]
# Where the signatures were read: the checker code of each tool (not its data file).
SIGNATURE_SOURCES = {
    "maigret": "soxoj/maigret maigret/errors.py @009d51c3803f57a8e574d5a618e2afdb602e97fd",
    "sherlock": "sherlock-project/sherlock sherlock_project/sherlock.py WAFHitMsgs "
                "@0109ff7dca3a620b52989e272aec96f73db58fa9",
    "empreinte": "empreinte (general knowledge of challenge pages)",
}
# Statuses that mean "blocked / try later" unless the site lists them itself.
BLOCKED_STATUS = [403, 429, 503, 999]


# ---------------------------------------------------------------------------------------------
# Regexes: make them RE2-compatible (and keep Python re compatible).


# ---------------------------------------------------------------------------------------------
# Reading the upstream lists into one shape.


# ---------------------------------------------------------------------------------------------
# Pairing and merging.


# ---------------------------------------------------------------------------------------------
# Building entries.


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("upstream", type=pathlib.Path)
    ap.add_argument("--out", type=pathlib.Path,
                    default=pathlib.Path(__file__).resolve().parent.parent / "rules" /
                    "accounts.json")
    ap.add_argument("--sherlock-commit", default=SHERLOCK_COMMIT)
    ap.add_argument("--maigret-commit", default=MAIGRET_COMMIT)
    ap.add_argument("--report", action="store_true", help="print what was left out and why")
    ap.add_argument("--wmn", action="store_true",
                    help="also write accounts-wmn.json (CC BY-SA 4.0) next to --out from "
                    "UPSTREAM_DIR/whatsmyname/wmn-data.json")
    ap.add_argument("--wmn-commit", default=WMN_COMMIT)
    args = ap.parse_args()

    sherlock = read_sherlock(args.upstream / "sherlock" / "data.json", args.sherlock_commit)
    maigret = read_maigret(args.upstream / "maigret" / "data.json", args.maigret_commit)
    pairs = pair(sherlock, maigret)
    paired_m = set(pairs.values())

    records, left_out = [], []
    for i, s in enumerate(sherlock):
        rec = merge(s, maigret[pairs[i]] if i in pairs else None)
        if rec["skip"]:
            left_out.append((rec["name"], rec["skip"]))
            continue
        records.append(rec)

    # Sherlock lists a few sites twice (PlayStore / Google Play, Chaos / chaos.social): keep
    # the stronger check for each URL template.
    best = {}
    for rec in records:
        k = template_key(rec["url"])
        if k not in best or (strength(rec), rec["both"]) > (strength(best[k]), best[k]["both"]):
            best[k] = rec
    for rec in records:
        if best[template_key(rec["url"])] is not rec:
            left_out.append((rec["name"], "same URL as " + best[template_key(rec["url"])]["name"]))
    records = [r for r in records if best[template_key(r["url"])] is r]

    # Maigret-only candidates, most popular first; French sites first of all.
    taken_hosts = {host_of(r["url"]) for r in records}
    taken_names = {norm_name(r["name"]) for r in records}
    cands = []
    for j, m in enumerate(maigret):
        if j in paired_m:
            continue
        why = m["skip"]
        if not why and m["disabled"]:
            why = "disabled in Maigret"
        if not why and m.get("activation"):
            why = "needs a token"
        if not why and not audience_ok(m["tags"]):
            why = "audience outside Europe and English-speaking countries"
        if not why and m["nsfw"]:
            why = "nsfw, Maigret only"
        if not why and (m["rank"] is None or m["rank"] > MAIGRET_MAX_RANK) \
                and "fr" not in m["tags"]:
            why = "not popular enough"
        if why:
            continue
        cands.append(m)
    cands.sort(key=lambda m: ("fr" not in m["tags"], m["rank"] or 10**9,
                              len([t for t in m["tags"] if len(t) == 2]), m["name"].lower()))
    for m in cands:
        if len(records) >= TOTAL_CAP:
            break
        h = host_of(m["url"])
        if h in taken_hosts or norm_name(m["name"]) in taken_names:
            continue
        taken_hosts.add(h)
        rec = dict(m, both=False, maigret=m, detect_from="maigret", alt_known=None)
        records.append(rec)

    entries, used_ids = [], set()
    stats = collections.Counter()
    for rec in records:
        sid = slug(rec["name"])
        if sid in used_ids:
            sid = slug(rec["name"] + " " + (host_of(rec["url"]) or "2"))
        used_ids.add(sid)
        entry, notes = build_entry(rec, sid)
        why = default_reasons(entry, rec)
        entry["default"] = not why
        if why:
            notes.append("not default: " + "; ".join(why))
        if notes:
            entry["note"] = "; ".join(ordered_unique(notes))
        entries.append(entry)
        for w in why:
            stats["not default: " + w.split(":")[0]] += 1
        stats["detection from " + rec.get("detect_from", rec["origin"])] += 1
    entries.sort(key=lambda e: e["id"])

    doc = {
        "schema": "empreinte/accounts/v1",
        "licence": "MIT",
        "source": (f"Site checks from sherlock-project/sherlock "
                   f"sherlock_project/resources/data.json @{args.sherlock_commit} (MIT) and "
                   f"soxoj/maigret maigret/resources/data.json @{args.maigret_commit} (MIT), "
                   "selected and converted by scripts/make-accounts.py; see rules/PROVENANCE.md."),
        "blocked": {
            "status": BLOCKED_STATUS,
            "signatures": [
                {"text": t, "protection": p,
                 "source": SIGNATURE_SOURCES.get(src)
                 or f"soxoj/maigret maigret/resources/data.json @{args.maigret_commit}"}
                for t, p, src in BLOCK_SIGNATURES],
        },
        "sites": entries,
    }
    problems = check(doc)
    for p in problems:
        print("problem:", p, file=sys.stderr)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    args.out.write_text(text, encoding="utf-8")

    cats = collections.Counter(e["category"] for e in entries)
    methods = collections.Counter(e["detect"]["method"] for e in entries)
    dcats = collections.Counter(e["category"] for e in entries if e["default"])
    dmethods = collections.Counter(e["detect"]["method"] for e in entries if e["default"])
    srcs = collections.Counter(
        "both" if ";" in e["source"] else e["source"].split()[0] for e in entries)
    print(f"{len(entries)} sites, {sum(e['default'] for e in entries)} default")
    print("sources:", dict(sorted(srcs.items())))
    print("categories:", dict(sorted(cats.items())))
    print("default categories:", dict(sorted(dcats.items())))
    print("methods:", dict(sorted(methods.items())), "default:", dict(sorted(dmethods.items())))
    print("nsfw:", sum(e["nsfw"] for e in entries))
    for k, n in sorted(stats.items()):
        print(f"  {k}: {n}")
    if args.report:
        for name, why in left_out:
            print(f"left out (Sherlock): {name}: {why}")
    if args.wmn:
        problems += write_wmn(args, doc)
    return 1 if problems else 0


# ---------------------------------------------------------------------------------------------
# WhatsMyName (CC BY-SA 4.0): a separate file, never mixed into accounts.json.


if __name__ == "__main__":
    sys.exit(main())
