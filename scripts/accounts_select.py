"""Choosing the sites for make-accounts.py: Sherlock and Maigret entries paired by host or name,
the stronger detection of a pair kept, each site's category, audience and entry, and the rule
that puts a site in the default set (default_reasons).

Standard library only; not run at build or test time.
"""
import collections
import re
from urllib.parse import urlsplit

from accounts_upstream import (
    PROTECTION_ORDER,
    host_of,
    maigret_template,
    ordered_unique,
    pick_absent,
    re2_regex,
    reg_domain,
)


# Default set: popularity bound for the Maigret rank of the site.
DEFAULT_MAX_RANK = 25_000


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
