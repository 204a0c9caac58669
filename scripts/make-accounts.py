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
"""
import argparse
import collections
import json
import pathlib
import re
import sys
from urllib.parse import urlsplit

SHERLOCK_COMMIT = "4e2a4f6b66433849abe46cae76ed557c6c8313c8"
MAIGRET_COMMIT = "149acb17832862857c67facf99ea7094d16a3969"
WMN_COMMIT = "e62338e4fc88536a330733d355a9d33a3a1697c6"

TOTAL_CAP = 600
# Maigret-only sites need at least this popularity (alexaRank, lower is more popular) unless
# they are tagged for France.
MAIGRET_MAX_RANK = 100_000
# Default set: popularity bound for the Maigret rank of the site.
DEFAULT_MAX_RANK = 25_000

ABSENT_FALLBACK = "noonewouldeverusethis7"

# Country tags of Maigret that count as "European or English-speaking audience". A site with
# country tags and none of these is left out of the Maigret-only additions and of the defaults.
AUDIENCE_TAGS = {
    "fr", "be", "ch", "lu", "ca", "gb", "ie", "us", "au", "nz", "de", "at", "es", "it", "nl",
    "pt", "pl", "se", "no", "dk", "fi", "cz", "sk", "gr", "hu", "ro", "bg", "hr", "si", "lt",
    "lv", "ee", "global",
}

# Maigret tags -> category, first match wins.
CATEGORY_RULES = [
    ("adult", {"porn", "erotic", "webcam"}),
    ("dating", {"dating"}),
    ("social", {"mastodon", "lemmy"}),
    ("dev", {"coding"}),
    ("gaming", {"gaming"}),
    ("music", {"music"}),
    ("video", {"video", "streaming", "movies"}),
    ("photo", {"photo"}),
    ("art", {"art", "design", "3d"}),
    ("blog", {"blog", "writing"}),
    ("books", {"books", "reading"}),
    ("professional", {"career", "freelance", "professional"}),
    ("shopping", {"shopping", "classified"}),
    ("finance", {"finance", "crypto", "trading", "stock", "fintech", "nft", "gambling"}),
    ("education", {"education", "science", "research"}),
    ("forum", {"forum", "discussion", "q&a"}),
    ("news", {"news"}),
    ("travel", {"travel", "maps", "geosocial"}),
    ("sport", {"sport"}),
    ("links", {"links", "bookmarks"}),
    ("messaging", {"messaging"}),
    ("social", {"social", "networking"}),
]
NSFW_TAGS = {"porn", "erotic", "webcam"}
FORUM_ENGINES = {"XenForo", "phpBB", "phpBB/Search", "phpBB2/Search", "vBulletin", "uCoz",
                 "Discourse", "DiscourseJson", "Flarum"}

# Categories fixed by hand where the tags mislead (general knowledge of the site), or for the
# Sherlock sites that Maigret does not list. Keyed by output id.
CATEGORY_OVERRIDES = {
    "twitch": "video", "xing": "professional", "pinterest": "social", "patreon": "social",
    "keybase": "social", "mastodon-social": "social", "chaos-social": "social",
    "mastodon-xyz": "social", "linkedin": "professional", "strava": "sport",
    "cracked-forum": "forum", "hackthebox": "dev", "periscope": "video", "x": "social",
    "twitter": "social", "yandexmusic": "music", "threads": "social", "toster": "dev",
    "bongacams": "adult", "slides": "other", "github": "dev", "gitlab": "dev",
    "google-play": "dev", "aparat": "video", "chaos": "social", "mastodon-cloud": "social",
    "eyeem": "photo", "spacehey": "social", "themoviedb": "video", "digitalspy": "forum",
    "eintracht-frankfurt-forum": "forum", "tumblr": "blog", "weebly": "blog", "wix": "blog",
    "jimdo": "blog", "webnode": "blog", "bluesky": "social", "snapchat": "social",
    "clubhouse": "social", "myanimelist": "video", "untappd": "other", "kik": "messaging",
    "deviantart": "art", "archive-org": "other", "issuu": "blog", "patientslikeme": "health",
}

# Well-known sites that Maigret gives no popularity rank: counted as popular (general
# knowledge), so that the default set does not miss them.
POPULAR_UNRANKED = {
    "gravatar", "docker-hub", "scratch", "osu", "fosstodon", "carrd", "credly", "crowdin",
    "curseforge", "mydealz", "chollometro", "tenor", "python-org-discussions", "monkeytype",
}

# Sites that upstream does not flag but whose content is mostly adult (general knowledge).
NSFW_OVERRIDES = {"mym-fans"}

# Probe hosts on another registrable domain than the profile that belong to the same service
# (official APIs and short domains), so they do not count as third parties.
OFFICIAL_OTHER_HOSTS = {
    "api.geekdo.com",                 # BoardGameGeek's own API domain
    "www.buymeacoffee.com",           # buymeacoff.ee is its short domain
    "hacker-news.firebaseio.com",     # the official Hacker News API
    "ws2.kik.com",                    # kik.me is Kik's short domain
    "registry.npmjs.org",             # the npm registry API
    "us-central1-hackernoon-app.cloudfunctions.net",  # HackerNoon's profile API
}
# Viewers, mirrors and trackers run by someone else than the site itself.
THIRD_PARTY_DOMAINS = {"imginn.com", "twitchtracker.com", "stats.fm", "privacydev.net"}

# Pages that are not a person's account (a workspace, a campaign, a brand): kept, never default.
NOT_PERSONAL = {
    "slack": "workspace names, not personal accounts",
    "gofundme": "fundraiser pages, not accounts",
    "weedmaps": "brand pages, not personal accounts",
}
# Categories never in the default set: they reveal sensitive data (GDPR Art. 9, sex life).
# health and politics: GDPR Art. 9 as well.
SENSITIVE_CATEGORIES = {"adult", "dating", "health", "politics"}

# Protection that upstream does not record in its data (keyed by output id).
MANUAL_PROTECTION = {
    "linkedin": (["waf"], "LinkedIn answers HTTP 999 to clients it takes for bots (Maigret's "
                 "checker special-cases that status)"),
    "facebook": (["login_wall"], "Facebook often shows a login page instead of the profile to "
                 "clients that are not logged in (general knowledge)"),
}

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


# ---------------------------------------------------------------------------------------------
# Regexes: make them RE2-compatible (and keep Python re compatible).

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


# ---------------------------------------------------------------------------------------------
# Reading the upstream lists into one shape.

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


# ---------------------------------------------------------------------------------------------
# Pairing and merging.

def keys_of(rec):
    keys = {host_of(rec["url"])}
    if rec.get("url_main"):
        keys.add(host_of(maigret_template(rec["url_main"], {}) if "{" in rec["url_main"]
                         else rec["url_main"]))
    keys.discard(None)
    return keys


def template_key(url):
    u = url.lower().replace("http://", "https://").replace("://www.", "://")
    return u.rstrip("/")


def norm_name(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())


def pair(sherlock, maigret):
    """Returns {sherlock index: maigret index}. Best match first: same URL template, then
    same URL host (and name), then same host of the main URL, then same name."""
    def tmpl(rec):
        u = rec["url"].lower().replace("://www.", "://").rstrip("/")
        return u.replace("http://", "https://")
    scores = []
    by_host = collections.defaultdict(list)
    for j, m in enumerate(maigret):
        if m["detect"] is None:
            continue
        for k in keys_of(m):
            by_host[k].append(j)
    mnames = collections.defaultdict(list)
    for j, m in enumerate(maigret):
        mnames[norm_name(m["name"])].append(j)
    for i, s in enumerate(sherlock):
        cands = set()
        for k in keys_of(s):
            cands.update(by_host.get(k, []))
        cands.update(mnames.get(norm_name(s["name"]), []))
        for j in cands:
            m = maigret[j]
            score = 0
            if tmpl(s) == tmpl(m):
                score += 8
            if host_of(s["url"]) == host_of(m["url"]):
                score += 4
            if keys_of(s) & keys_of(m):
                score += 1
            if norm_name(s["name"]) == norm_name(m["name"]):
                score += 3
            if m["skip"]:
                score -= 2
            scores.append((score, i, j))
    scores.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_s, used_m, out = set(), set(), {}
    for score, i, j in scores:
        if score < 3 or i in used_s or j in used_m:
            continue
        out[i] = j
        used_s.add(i)
        used_m.add(j)
    return out


def strength(rec):
    """How much a check can be trusted, from its shape: -1 unusable, 0 goes through a
    third party or needs a token, 1 status only, 2 strings / redirect / own API, 3 both
    absence and presence strings."""
    d = rec["detect"]
    if d is None or rec["skip"]:
        return -1
    if third_party(rec) or rec["secret_headers"] or rec.get("activation"):
        return 0
    if d["method"] == "message":
        return 3 if d["absent_strings"] and d["present_strings"] else 2
    if d["method"] == "redirect":
        return 2
    return 2 if rec["probe"] and rec["probe"] != rec["url"] else 1


def merge(s, m):
    """One record for a site listed by both; the stronger usable detection wins, Maigret on a
    tie; a check that Maigret disables is taken from Sherlock."""
    if m is None:
        return dict(s, both=False, maigret=None)
    use_m = not m["disabled"] and strength(m) >= strength(s) and strength(m) >= 0
    if s["skip"] and not m["skip"] and not m["disabled"]:
        use_m = True
    base = dict(m if use_m else s)
    other = s if use_m else m
    base["both"] = True
    base["maigret"] = m
    base["name"] = s["name"]
    base["source"] = f"{s['source']}; {m['source']}"
    base["tags"] = m["tags"]
    base["rank"] = m["rank"]
    base["disabled"] = m["disabled"]
    base["engine"] = m["engine"]
    base["nsfw"] = s["nsfw"] or m["nsfw"]
    base["protection"] = s["protection"] + m["protection"]
    base["notes"] = list(base["notes"])
    base["detect_from"] = "maigret" if use_m else "sherlock"
    base["alt_known"] = other["known"]
    if not base.get("absent"):
        base["absent"] = m["absent"]
    if s["skip"] and m["skip"]:
        base["skip"] = s["skip"]
    elif not base["skip"]:
        base["skip"] = None
    return base


# ---------------------------------------------------------------------------------------------
# Building entries.

def category_of(rec, sid):
    if sid in CATEGORY_OVERRIDES:
        return CATEGORY_OVERRIDES[sid]
    tags = set(rec["tags"])
    if rec["nsfw"]:
        return "adult"
    if rec.get("engine") in FORUM_ENGINES:
        return "forum"
    for cat, tagset in CATEGORY_RULES:
        if tags & tagset:
            return cat
    return "other"


def pick_absent(candidates, regex):
    tries = [c for c in candidates if c] + [
        ABSENT_FALLBACK, "noonewouldeveruse7", "nooneuses7x", "noone7x", "zqxj7", "Noonewould7",
        "NooneWouldEverUseThis7"]
    for c in tries:
        if regex is None or re.search(regex, c):
            return c
    return None


def audience_ok(tags):
    countries = {t for t in tags if len(t) == 2 or t == "global"}
    return not countries or bool(countries & AUDIENCE_TAGS)


def build_entry(rec, sid):
    notes = list(rec["notes"])
    regex = rec["regex"]
    if regex:
        new = re2_regex(regex, notes)
        if new is None:
            notes.append("upstream username regex has a lookaround; dropped")
        regex = new
    known = rec["known"]
    if known and regex and not re.search(regex, known):
        alt = rec.get("alt_known")
        if alt and re.search(regex, alt):
            known = alt
        else:
            notes.append("the known example does not match the username regex; regex dropped")
            regex = None
    absent = pick_absent([rec.get("absent")], regex)
    if absent == known:
        absent = pick_absent([], regex)
    det = dict(rec["detect"])
    # absent_redirect: scheme-less prefix; dropped when it is the profile URL itself or on
    # another site.
    ar = det.pop("absent_redirect", None)
    if ar:
        if "://" not in ar:
            ar = "https://" + ar
        same_as_url = ar.rstrip("/") in (rec["url"].rstrip("/"), (rec["probe"] or "").rstrip("/"))
        ar_host = urlsplit(ar.replace("{user}", "x")).hostname or ""
        url_host = urlsplit(rec["url"].replace("{user}", "x")).hostname or ""
        if not same_as_url and ar_host and reg_domain(ar_host) == reg_domain(url_host):
            rest = ar.split("://", 1)[1]
            det["absent_redirect"] = rest[4:] if rest.startswith("www.") else rest
    # Blocked strings of the page are also an absence/presence hint upstream: keep them apart.
    det["absent_strings"] = ordered_unique(det["absent_strings"])
    det["present_strings"] = ordered_unique(det["present_strings"])
    det["blocked_strings"] = ordered_unique(
        [b for b in det["blocked_strings"]
         if b not in det["absent_strings"] and b not in det["present_strings"]])
    prot = set(rec["protection"])
    if sid in MANUAL_PROTECTION:
        prot.update(MANUAL_PROTECTION[sid][0])
        notes.append(MANUAL_PROTECTION[sid][1])
    prot = [p for p in PROTECTION_ORDER if p in prot]
    nsfw = rec["nsfw"] or sid in NSFW_OVERRIDES
    if sid in NSFW_OVERRIDES and not rec["nsfw"]:
        notes.append("marked nsfw here: mostly adult content (general knowledge)")
    entry = {
        "id": sid,
        "name": rec["name"],
        "category": "adult" if nsfw else category_of(rec, sid),
        "nsfw": nsfw,
        "url": rec["url"],
    }
    if rec["probe"] and rec["probe"] != rec["url"]:
        entry["probe"] = rec["probe"]
    if rec["headers"]:
        entry["headers"] = dict(sorted(rec["headers"].items(), key=lambda kv: kv[0].lower()))
    if regex:
        entry["username"] = regex
    entry["detect"] = det
    entry["known"] = known
    entry["absent"] = absent
    entry["protection"] = prot
    entry["default"] = False
    entry["source"] = rec["source"]
    return entry, notes


def third_party(entry):
    """The request goes to another site than the one the account is on (a mirror, a tracker,
    a viewer): it tells that site the name, and fails when the mirror dies."""
    u = urlsplit(entry["url"].replace("{user}", "x")).hostname or ""
    hosts = [u]
    if entry.get("probe"):
        p = urlsplit(entry["probe"].replace("{user}", "x")).hostname or ""
        if reg_domain(p) != reg_domain(u) and p not in OFFICIAL_OTHER_HOSTS:
            return True
        hosts.append(p)
    return any(reg_domain(h) in THIRD_PARTY_DOMAINS or h.startswith("nitter.") for h in hosts)


def default_reasons(entry, rec):
    """Why a site is NOT in the default set (empty list: it is)."""
    why = []
    if entry["nsfw"]:
        why.append("nsfw")
    elif entry["category"] in SENSITIVE_CATEGORIES:
        why.append("sensitive category")
    if entry["id"] in NOT_PERSONAL:
        why.append("not a personal account")
    if rec["disabled"]:
        why.append("disabled in Maigret")
    if entry["protection"]:
        why.append("protected: " + ", ".join(entry["protection"]))
    if third_party(entry):
        why.append("checked through a third-party host")
    if rec["secret_headers"] or rec.get("activation"):
        why.append("needs a token")
    if not entry["known"] or not entry["absent"]:
        why.append("no known/absent example")
    if not audience_ok(rec["tags"]):
        why.append("audience outside Europe and English-speaking countries")
    french = "fr" in rec["tags"] and rec.get("engine") not in FORUM_ENGINES
    popular = entry["id"] in POPULAR_UNRANKED or (
        rec["rank"] is not None and rec["rank"] <= DEFAULT_MAX_RANK)
    if not popular and not french:
        why.append(f"Maigret rank missing or above {DEFAULT_MAX_RANK}")
    if entry["detect"]["method"] == "message" and not (
            entry["detect"]["absent_strings"] or entry["detect"]["present_strings"]):
        why.append("message check without strings")
    return why


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


if __name__ == "__main__":
    sys.exit(main())
