"""The WhatsMyName sites for make-accounts.py --wmn: CC BY-SA 4.0, so they go to their own file,
rules/accounts-wmn.json (same schema, with the licence and attribution in its header), never
into accounts.json; sites already there are skipped.

Standard library only; not run at build or test time.
"""
import collections
import json
import sys

from accounts_upstream import PROTECTION_ORDER, check, clean_headers, host_of, pick_absent, slug


WMN_CATEGORIES = {
    "social": "social", "gaming": "gaming", "coding": "dev", "tech": "other", "hobby": "other",
    "xx NSFW xx": "adult", "misc": "other", "finance": "finance", "business": "professional",
    "music": "music", "shopping": "shopping", "images": "photo", "blog": "blog", "art": "art",
    "dating": "dating", "political": "politics", "video": "video", "news": "news",
    "health": "health",
}


# WhatsMyName protection values -> empreinte protection values.
WMN_PROTECTION = {
    "cloudflare": ["cloudflare"], "cloudfront": ["waf"], "ddos-guard": ["waf"],
    "anubis": ["js_required"], "captcha": ["captcha"], "user-agent": ["waf"],
    "other": ["waf"], "multiple": [],
}


def wmn_entry(site, commit):
    """One WhatsMyName site in the accounts shape, or (None, reason)."""
    name = site["name"]
    if site.get("valid") is False:
        return None, "marked invalid upstream"
    if site.get("post_body"):
        return None, "needs a POST body"
    if site.get("strip_bad_char"):
        return None, "needs characters stripped from the name (strip_bad_char)"
    if site["cat"] == "archived":
        return None, "archive lookup, not an account"
    check = site["uri_check"].replace("{account}", "{user}")
    pretty = (site.get("uri_pretty") or site["uri_check"]).replace("{account}", "{user}")
    if check.count("{user}") != 1 or pretty.count("{user}") != 1:
        return None, "no username in the URL"
    e_code, m_code = site["e_code"], site["m_code"]
    e_str, m_str = site.get("e_string", ""), site.get("m_string", "")
    if 300 <= e_code < 400:
        return None, "an account answers with a redirect"
    det = {"found_status": [e_code], "absent_status": [], "absent_strings": [],
           "present_strings": [e_str] if e_str else [], "blocked_strings": []}
    if 300 <= m_code < 400:
        det["method"] = "redirect"
    elif e_str or m_str:
        det["method"] = "message"
        if m_code != e_code:
            det["absent_status"] = [m_code]
        if m_str:
            det["absent_strings"] = [m_str]
    elif m_code != e_code:
        det["method"] = "status"
        det["absent_status"] = [m_code]
    else:
        return None, "nothing tells an account from no account"
    det = {k: det[k] for k in ("method", "found_status", "absent_status", "absent_strings",
                               "present_strings", "blocked_strings")}
    notes = []
    headers, secret = clean_headers(site.get("headers"), notes)
    prot = []
    for p in site.get("protection", []):
        prot += WMN_PROTECTION.get(p, ["waf"])
    known = site["known"][0] if site.get("known") else None
    absent = pick_absent([], None)
    if known == absent:
        absent = "noonewouldeveruse7"
    cat = WMN_CATEGORIES.get(site["cat"], "other")
    entry = {"id": slug(name), "name": name, "category": cat, "nsfw": cat == "adult",
             "url": pretty}
    if check != pretty:
        entry["probe"] = check
    if headers:
        entry["headers"] = dict(sorted(headers.items(), key=lambda kv: kv[0].lower()))
    entry.update({"detect": det, "known": known, "absent": absent,
                  "protection": [p for p in PROTECTION_ORDER if p in set(prot)],
                  "default": False, "source": f"whatsmyname @{commit}"})
    if secret:
        notes.append("not usable without the dropped header")
    if notes:
        entry["note"] = "; ".join(notes)
    return entry, None


def write_wmn(args, main_doc):
    path = args.upstream / "whatsmyname" / "wmn-data.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    taken_hosts = {host_of(e["url"]) for e in main_doc["sites"]}
    taken_hosts |= {host_of(e["probe"]) for e in main_doc["sites"] if "probe" in e}
    taken_ids = {e["id"] for e in main_doc["sites"]}
    entries, left_out, used = [], collections.Counter(), set()
    for site in data["sites"]:
        entry, why = wmn_entry(site, args.wmn_commit)
        if entry is None:
            left_out[why] += 1
            continue
        if host_of(entry["url"]) in taken_hosts or host_of(entry.get("probe")) in taken_hosts:
            left_out["site already in accounts.json"] += 1
            continue
        if not entry["known"]:
            left_out["no known example"] += 1
            continue
        sid = entry["id"]
        if sid in taken_ids or sid in used:
            sid = slug(entry["name"] + " wmn")
        if sid in taken_ids or sid in used:
            left_out["duplicate name"] += 1
            continue
        entry["id"] = sid
        used.add(sid)
        entries.append(entry)
    entries.sort(key=lambda e: e["id"])
    doc = {
        "schema": "empreinte/accounts/v1",
        "licence": "CC-BY-SA-4.0",
        "attribution": ("Adapted from WhatsMyName (https://github.com/WebBreacher/WhatsMyName), "
                        "Copyright (C) 2015-2026 Micah Hoffman and its contributors, licensed "
                        "under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). "
                        "Changes: converted to the empreinte accounts schema, sites already in "
                        "accounts.json and sites the schema cannot express left out. This file "
                        "is shared under the same licence, CC BY-SA 4.0."),
        "source": (f"WebBreacher/WhatsMyName wmn-data.json @{args.wmn_commit} (CC BY-SA 4.0), "
                   "converted by scripts/make-accounts.py --wmn; see rules/PROVENANCE.md."),
        "sites": entries,
    }
    problems = check(doc)
    for p in problems:
        print("problem (wmn):", p, file=sys.stderr)
    out = args.out.with_name("accounts-wmn.json")
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    cats = collections.Counter(e["category"] for e in entries)
    methods = collections.Counter(e["detect"]["method"] for e in entries)
    print(f"wmn: {len(entries)} sites written to {out.name}")
    print("wmn categories:", dict(sorted(cats.items())))
    print("wmn methods:", dict(sorted(methods.items())), "nsfw:", sum(e["nsfw"] for e in entries),
          "protected:", sum(bool(e["protection"]) for e in entries))
    for why, n in sorted(left_out.items()):
        print(f"  wmn left out: {why}: {n}")
    return problems
