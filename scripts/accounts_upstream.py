"""Reading the Sherlock and Maigret site lists into one common shape, for make-accounts.py:
URL templates with {user}, detection, headers without credentials, RE2-compatible username
rules, protections and block pages; and the checks every written entry must pass.

Standard library only; not run at build or test time.
"""
import json
import re
from urllib.parse import urlsplit


ABSENT_FALLBACK = "noonewouldeverusethis7"


NSFW_TAGS = {"porn", "erotic", "webcam"}


# Entries that do not stand for a person's account, or that look up something else than a
# username: left out. Keyed by upstream name (either list).
NOT_ACCOUNTS = {
    "Bit.ly": "short links, not accounts",
    "NPM-Package": "package names, not accounts",
    "Google Plus (archived)": "archive search, Google+ is closed",
    "Flickr Groups": "groups, not accounts",
    "Steam Community (Group)": "groups, not accounts",
    "Steam (Group)": "groups, not accounts",
    "NationStates Region": "regions of a game, not accounts",
    "Archive.orgParlerPosts": "archive search",
    "Archive.orgParlerProfiles": "archive search",
    "Archive.orgTwitterProfiles": "archive search",
    "Archive.orgTwitterTweets": "archive search",
    "PornhubPornstars": "performer pages, not user accounts",
    "XvideosModels": "performer pages, not user accounts",
}


# Maigret protection tags -> empreinte protection values.
PROTECTION_MAP = {
    "tls_fingerprint": ["waf"],
    "cf_js_challenge": ["cloudflare", "js_required"],
    "cf_firewall": ["cloudflare", "waf"],
    "ip_reputation": ["waf"],
    "custom_bot_protection": ["waf"],
    "login": ["login_wall"],
    "js_challenge": ["js_required"],
    "aws_waf_js_challenge": ["waf", "js_required"],
    "ddos_guard_challenge": ["waf", "js_required"],
}


PROTECTION_ORDER = ["captcha", "cloudflare", "waf", "login_wall", "rate_limit", "js_required"]


# Headers that carry a session, a token or a signature: never copied.
SECRET_HEADERS = {"authorization", "x-guest-token", "app-token", "sign", "x-bc", "time",
                  "user-id", "x-vt-anti-abuse-header"}


# Strings of an upstream absence list that are really block pages (rate limit, captcha): they
# go to blocked_strings, so that a block reads as "unknown", not "no account".
BLOCK_HINTS = [
    ("429 Too Many Requests", "rate_limit"),
    ("Too Many Requests", "rate_limit"),
    ("rate limit", "rate_limit"),
    ("captcha", "captcha"),
    ("Just a moment", "cloudflare"),
]


# Second-level labels under which registrable domains have three labels.
SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu"}


def reg_domain(host):
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def host_of(template):
    """Lower-case host of a URL template; a label holding {user} is dropped, and www. too."""
    if not template or "://" not in template:
        return None
    host = urlsplit(template.replace("{user}", "USERPLACEHOLDER")).hostname
    if not host:
        return None
    labels = [l for l in host.split(".") if "userplaceholder" not in l]
    host = ".".join(labels)
    return host[4:] if host.startswith("www.") else host


def slug(name):
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s or "site"


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def ordered_unique(items):
    seen, out = set(), []
    for i in items:
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out


# Exact RE2 rewrites of the upstream patterns with lookarounds, or a looser (superset) pattern
# when no exact one is short: a superset only means that a few invalid names are sent to the
# site, which answers "no account"; a stricter pattern would skip valid names.
REGEX_REWRITES = {
    r"^((?!\.).)*$": (r"^[^.]*$", "exact"),
    r"^(?! )[\w -]{1,12}(?<! )$": (r"^(?:[\w-]|[\w-][\w -]{0,10}[\w-])$", "exact"),
    r"^(?!-)[a-zA-Z0-9-]{3,}(?<!-)$": (r"^[a-zA-Z0-9][a-zA-Z0-9-]+[a-zA-Z0-9]$", "exact"),
    r"^(?!-)[a-zA-Z0-9_.-]{2,255}(?<!\.)$":
        (r"^[a-zA-Z0-9_.][a-zA-Z0-9_.-]{0,253}[a-zA-Z0-9_-]$", "exact"),
    r"^(?![.-])[a-zA-Z0-9_.-]{3,20}$": (r"^[a-zA-Z0-9_][a-zA-Z0-9_.-]{2,19}$", "exact"),
    r"^(?!id\d)[a-zA-Z0-9_]*$": (
        r"^(?:|[a-hj-zA-Z0-9_][a-zA-Z0-9_]*|i|i[a-ce-zA-Z0-9_][a-zA-Z0-9_]*|id"
        r"|id[a-zA-Z_][a-zA-Z0-9_]*)$", "exact"),
    r"^[a-zA-Z0-9](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,38}$":
        (r"^[a-zA-Z0-9][a-zA-Z0-9-]{0,38}$", "looser: allows '--' and a final '-'"),
    r"^[a-zA-Z0-9_\.]{3,49}(?<!\.com|\.org|\.net)$":
        (r"^[a-zA-Z0-9_.]{3,49}$", "looser: allows a final .com/.org/.net"),
}


LOOKAROUND = re.compile(r"\(\?(?:=|!|<=|<!)")


BACKREF = re.compile(r"\\[1-9]|\(\?P=")


def re2_regex(pattern, notes):
    if pattern in REGEX_REWRITES:
        new, how = REGEX_REWRITES[pattern]
        notes.append(f"regex rewritten for RE2 ({how})")
        pattern = new
    # \uXXXX -> the character itself (RE2 has no \u, Python re has no \x{...}).
    pattern = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), pattern)
    # {,n} means {0,n} in Python; RE2 reads it as literal text.
    pattern = re.sub(r"\{,(\d+)\}", r"{0,\1}", pattern)
    # A '-' right after a range in a class ([0-9-_]) is a literal: move it to the end.
    pattern = pattern.replace("[a-zA-Z0-9-_]", "[a-zA-Z0-9_-]").replace("[a-z-_.]", "[a-z_.-]")
    if LOOKAROUND.search(pattern) or BACKREF.search(pattern):
        return None
    re.compile(pattern)
    return pattern


def protections_from_text(text):
    t = text.lower()
    out = []
    if "captcha" in t or "robot" in t:
        out.append("captcha")
    if "cloudflare" in t:
        out.append("cloudflare")
    if "login" in t or "logged" in t or "authoriz" in t or "авториз" in t:
        out.append("login_wall")
    if "rate" in t or "too many" in t or "lot of automated" in t:
        out.append("rate_limit")
    if "bot" in t and "captcha" not in out or "ip ban" in t or "blocked" in t:
        out.append("waf")
    return out


def split_blocking(strings):
    """Splits upstream absence strings into (absent, blocked, protections)."""
    absent, blocked, prot = [], [], []
    for s in strings:
        kind = next((k for hint, k in BLOCK_HINTS if hint.lower() in s.lower()), None)
        if kind:
            blocked.append(s)
            prot.append(kind)
        else:
            absent.append(s)
    return absent, blocked, prot


def clean_headers(headers, notes):
    out, dropped = {}, []
    for k, v in (headers or {}).items():
        if not re.fullmatch(r"[A-Za-z0-9-]+", k):
            dropped.append(k)
            continue
        kl = k.lower()
        if kl in SECRET_HEADERS or (kl == "cookie" and len(str(v)) > 40):
            dropped.append(k)
            continue
        out[k] = str(v)
    if dropped:
        notes.append("upstream sends a session token or signature header, not copied: "
                     + ", ".join(sorted(dropped)))
    return out, bool(dropped)


def read_sherlock(path, commit):
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for name, v in data.items():
        if not isinstance(v, dict):
            continue
        rec = {"name": name, "origin": "sherlock", "source": f"sherlock @{commit}", "notes": [],
               "skip": None, "tags": [], "rank": None, "disabled": False, "engine": None,
               "url_main": v.get("urlMain")}
        if name in NOT_ACCOUNTS:
            rec["skip"] = NOT_ACCOUNTS[name]
        method = (v.get("request_method") or "GET").upper()
        if method not in ("GET", "HEAD"):
            rec["skip"] = f"needs a {method} request with a body"
        url = v.get("url", "")
        if url.count("{}") != 1:
            rec["skip"] = rec["skip"] or "no username in the URL"
        rec["url"] = url.replace("{}", "{user}")
        probe = v.get("urlProbe")
        rec["probe"] = probe.replace("{}", "{user}") if probe else None
        rec["headers"], rec["secret_headers"] = clean_headers(v.get("headers"), rec["notes"])
        rec["regex"] = v.get("regexCheck")
        etype = v.get("errorType")
        prot = []
        comment = v.get("__comment__", "")
        if comment:
            prot += [p for p in protections_from_text(comment) if p != "login_wall"]
        if etype == "status_code":
            codes = [c for c in as_list(v.get("errorCode")) if not 200 <= c < 300 or c == 204]
            det = {"method": "status", "found_status": [200],
                   "absent_status": sorted(set([404, 410] + codes)),
                   "absent_strings": [], "present_strings": [], "blocked_strings": []}
        elif etype == "message":
            absent, blocked, bprot = split_blocking(as_list(v.get("errorMsg")))
            prot += bprot
            det = {"method": "message", "found_status": [200], "absent_status": [],
                   "absent_strings": absent, "present_strings": [], "blocked_strings": blocked}
        elif etype == "response_url":
            det = {"method": "redirect", "found_status": [200], "absent_status": [],
                   "absent_strings": [], "present_strings": [], "blocked_strings": []}
            if v.get("errorUrl"):
                det["absent_redirect"] = v["errorUrl"].replace("{}", "{user}")
        else:
            rec["skip"] = rec["skip"] or f"unknown errorType {etype!r}"
            det = None
        rec["detect"] = det
        rec["protection"] = prot
        rec["nsfw"] = bool(v.get("isNSFW"))
        rec["known"] = v.get("username_claimed")
        rec["absent"] = None
        out.append(rec)
    return out


def resolve_maigret(site, engines):
    d = dict(site)
    eng = site.get("engine")
    if eng:
        for k, ev in engines[eng]["site"].items():
            if isinstance(ev, list):
                d[k] = list(d.get(k, [])) + ev
            elif isinstance(ev, dict):
                merged = dict(d.get(k, {}))
                merged.update(ev)
                d[k] = merged
            else:
                d[k] = ev
    return d


def maigret_template(t, d):
    t = t.replace("{urlMain}", d.get("urlMain", "") or "")
    t = t.replace("{urlSubpath}", d.get("urlSubpath", "") or "")
    t = re.sub(r"(?<!:)/{2,}", "/", t)
    return t.replace("{username}", "{user}")


def read_maigret(path, commit):
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for name, raw in data["sites"].items():
        v = resolve_maigret(raw, data["engines"])
        rec = {"name": name.replace("{username}.", ""), "origin": "maigret", "source": f"maigret @{commit}", "notes": [],
               "skip": None, "tags": list(v.get("tags", [])), "rank": v.get("alexaRank"),
               "disabled": bool(v.get("disabled")), "engine": v.get("engine"),
               "url_main": v.get("urlMain")}
        if name in NOT_ACCOUNTS:
            rec["skip"] = NOT_ACCOUNTS[name]
        if v.get("type"):
            rec["skip"] = f"looks up a {v['type']}, not a username"
        if v.get("similarSearch"):
            rec["skip"] = "search results, not an exact account"
        if v.get("protocol") and v["protocol"] not in ("http", "https"):
            rec["skip"] = f"{v['protocol']} protocol"
        method = (v.get("requestMethod") or "GET").upper()
        if method not in ("GET", "HEAD"):
            rec["skip"] = f"needs a {method} request with a body"
        if v.get("activation"):
            rec["activation"] = True
        url = maigret_template(v.get("url", ""), v)
        if url.count("{user}") != 1 or not url.startswith("http"):
            rec["skip"] = rec["skip"] or "no username in the URL"
        rec["url"] = url
        probe = v.get("urlProbe")
        rec["probe"] = maigret_template(probe, v) if probe else None
        rec["headers"], rec["secret_headers"] = clean_headers(v.get("headers"), rec["notes"])
        rec["regex"] = v.get("regexCheck")
        prot = []
        for p in as_list(v.get("protection")):
            prot += PROTECTION_MAP.get(p, ["waf"])
        site_errors = dict(v.get("errors", {}))
        for flag, meaning in site_errors.items():
            prot += protections_from_text(meaning)
        ctype = v.get("checkType", "status_code")
        present = ordered_unique(as_list(v.get("presenseStrs")) + as_list(v.get("presenceStrs")))
        absent, blocked, bprot = split_blocking(as_list(v.get("absenceStrs")))
        prot += bprot
        blocked = ordered_unique(blocked + list(site_errors))
        ign403 = bool(v.get("ignore403"))
        if ctype == "status_code":
            det = {"method": "status", "found_status": [200],
                   "absent_status": [403, 404, 410] if ign403 else [404, 410],
                   "absent_strings": [], "present_strings": [], "blocked_strings": blocked}
        elif ctype == "message":
            det = {"method": "message", "found_status": [200, 403] if ign403 else [200],
                   "absent_status": [], "absent_strings": absent, "present_strings": present,
                   "blocked_strings": blocked}
        elif ctype == "response_url":
            det = {"method": "redirect", "found_status": [200], "absent_status": [],
                   "absent_strings": [], "present_strings": present,
                   "blocked_strings": blocked}
            if v.get("errorUrl"):
                det["absent_redirect"] = maigret_template(v["errorUrl"], v)
        else:
            rec["skip"] = rec["skip"] or f"unknown checkType {ctype!r}"
            det = None
        if det and ctype == "message" and not det["absent_strings"] and not present:
            rec["skip"] = rec["skip"] or "message check without any string"
        rec["detect"] = det
        rec["protection"] = prot
        rec["nsfw"] = bool(NSFW_TAGS & set(rec["tags"]))
        rec["known"] = v.get("usernameClaimed")
        rec["absent"] = v.get("usernameUnclaimed")
        out.append(rec)
    return out


def pick_absent(candidates, regex):
    tries = [c for c in candidates if c] + [
        ABSENT_FALLBACK, "noonewouldeveruse7", "nooneuses7x", "noone7x", "zqxj7", "Noonewould7",
        "NooneWouldEverUseThis7"]
    for c in tries:
        if regex is None or re.search(regex, c):
            return c
    return None


def check(doc):
    problems = []
    ids = [e["id"] for e in doc["sites"]]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    for e in doc["sites"]:
        for key in ("url", "probe"):
            if key in e and e[key].count("{user}") != 1:
                problems.append(f"{e['id']}: {key} has not exactly one {{user}}")
            if key in e and not e[key].startswith(("https://", "http://")):
                problems.append(f"{e['id']}: {key} is not an http(s) URL")
        rx = e.get("username")
        if rx:
            try:
                re.compile(rx)
            except re.error as err:
                problems.append(f"{e['id']}: regex does not compile: {err}")
                continue
            if LOOKAROUND.search(rx) or BACKREF.search(rx):
                problems.append(f"{e['id']}: regex not RE2-compatible")
            if e["known"] and not re.search(rx, e["known"]):
                problems.append(f"{e['id']}: known does not match the regex")
            if e["absent"] and not re.search(rx, e["absent"]):
                problems.append(f"{e['id']}: absent does not match the regex")
        if e["known"] and e["known"] == e["absent"]:
            problems.append(f"{e['id']}: known == absent")
    return problems
