#!/usr/bin/env python3
"""Check a training persona and the saved pages its labels point to.

Usage: training/check_persona.py [--dev-set DIR] PERSONA_ID [PERSONA_ID ...]

Reads training/personas/<id>.json and <id>.labels.json and, for every labels entry, the page
training/corpus/<file>. Prints one "file: problem" line per problem (paths relative to
training/) and exits 1 if there is any, 0 otherwise; 2 on bad usage. Python 3 standard library
only.

Checks:
  - the persona and labels files are JSON; each labels entry has the eight fields of the format
    (url, file, kind, about_subject, sensitive, pseudonym_link, job_link, why), no URL twice;
  - every entry's file exists in training/corpus/;
  - every page is valid UTF-8 and parses (python3 html.parser; JSON-LD blocks are JSON);
  - the page's <link rel="canonical"> href equals the entry's url. A page without one is
    indexed under the URL its file path gives, so it passes only if that URL is the entry's;
  - every about_subject page names the persona in its visible text (title, description or
    body): first + last name as consecutive words, compared the way the corpus index does
    (case and accents ignored, punctuation between words ignored). A page naming the persona
    only by an other name or a pseudonym passes too, since the searches look for those alone
    (pseudonym-only pages are about the subject but tie nothing to the real name);
  - no name (first + last, either order, and other names), pseudonym, employer or city of a
    person of the evaluation dev set appears in the persona file or in any of its pages. The
    dev set is read at run time from --dev-set, else $EMPREINTE_DEV_SET, else
    /work/shared/eval/dev; when it is not there this check is skipped with a note on stderr
    (the dev names must never be copied into training/);
  - no page uses a real person's name as its subject. No script can tell a real name from an
    invented one; what is checked is that every subject a page declares is named after the
    persona (a word of its names or pseudonyms, in its name or alternateName: the persona, a
    namesake or a noise page), not after someone else: the Person of a JSON-LD ProfilePage
    (mainEntity), a top-level JSON-LD Person, the `about` of any JSON-LD item, and the title
    of an og:type=profile page. Authors and people merely mentioned are not subjects.
"""

import argparse
import glob
import html
import json
import os
import re
import sys
import unicodedata
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DEV_SET = "/work/shared/eval/dev"
LABEL_FIELDS = {
    "url": str,
    "file": str,
    "kind": str,
    "about_subject": bool,
    "sensitive": list,
    "pseudonym_link": bool,
    "job_link": bool,
    "why": str,
}
SKIPPED_TEXT = {"script", "style", "template", "noscript", "title"}


def fold(text):
    """Lower case without accents, as the index's unicode61 remove_diacritics tokenizer."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text):
    return re.findall(r"[^\W_]+", fold(text))


def contains_phrase(haystack_tokens, phrase):
    """True when the words of `phrase` follow each other in the token list."""
    words = tokens(phrase)
    if not words:
        return False
    return (" " + " ".join(words) + " ") in (" " + " ".join(haystack_tokens) + " ")


class Page(HTMLParser):
    """Collects what the corpus index reads from a page, plus JSON-LD and og:type."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.canonical = None
        self.title = None
        self.og_title = None
        self.og_type = None
        self.description = None
        self.og_description = None
        self.h1 = None
        self.body_parts = []
        self.jsonld = []
        self._stack = []
        self._in_head = False
        self._seen_head = False
        self._title_parts = None
        self._h1_parts = None
        self._jsonld_parts = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "head":
            self._in_head = True
            self._seen_head = True
        elif tag == "body":
            self._in_head = False
        elif tag == "link" and self.canonical is None:
            if "canonical" in a.get("rel", "").lower().split():
                self.canonical = a.get("href", "").strip()
        elif tag == "meta":
            name = a.get("name", "").lower()
            prop = a.get("property", "").lower()
            content = a.get("content", "")
            if name == "description" and self.description is None:
                self.description = content
            elif prop == "og:description" and self.og_description is None:
                self.og_description = content
            elif prop == "og:title" and self.og_title is None:
                self.og_title = content
            elif prop == "og:type" and self.og_type is None:
                self.og_type = content.strip().lower()
        elif tag == "title" and self.title is None:
            self._title_parts = []
        elif tag == "h1" and self.h1 is None:
            self._h1_parts = []
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._jsonld_parts = []
        if tag in SKIPPED_TEXT:
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag == "title" and self._title_parts is not None:
            self.title = "".join(self._title_parts)
            self._title_parts = None
        elif tag == "h1" and self._h1_parts is not None:
            self.h1 = "".join(self._h1_parts)
            self._h1_parts = None
        elif tag == "script" and self._jsonld_parts is not None:
            self.jsonld.append("".join(self._jsonld_parts))
            self._jsonld_parts = None
        if tag in SKIPPED_TEXT and tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._title_parts is not None:
            self._title_parts.append(data)
        if self._jsonld_parts is not None:
            self._jsonld_parts.append(data)
        if self._h1_parts is not None:
            self._h1_parts.append(data)
        if not self._stack and not self._in_head:
            self.body_parts.append(data)

    def page_title(self):
        for t in (self.title, self.og_title, self.h1):
            if t and t.strip():
                return t.strip()
        return ""

    def page_description(self):
        for d in (self.description, self.og_description):
            if d and d.strip():
                return d.strip()
        return ""

    def visible_text(self):
        return " ".join(p.strip() for p in self.body_parts if p.strip())


def url_from_path(relative):
    """The URL the corpus index gives a page that has no canonical link (see corpus_index.cpp)."""
    if "/" not in relative:
        return ""
    host, rest = relative.split("/", 1)
    rest = "/" + rest
    last = rest.rfind("/")
    name = rest[last + 1:]
    if name.lower() in ("index.html", "index.htm"):
        rest = rest[: last + 1]
    else:
        dot = name.rfind(".")
        if dot > 0:
            rest = rest[: last + 1 + dot]
    return "https://" + host + rest


def persona_names(profile):
    """Full names the searches use: first + last, other names (a one-word one is a surname)."""
    first = profile.get("first_name", "")
    names = [first + " " + profile.get("last_name", "")]
    for other in profile.get("other_names", []):
        names.append(first + " " + other if len(other.split()) == 1 else other)
    return names


def dev_terms(dev_dir):
    """(term, what) pairs for every dev person: names both ways, pseudonyms, employer, city."""
    terms = []
    for path in sorted(glob.glob(os.path.join(dev_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        p = data.get("profile", data)
        first, last = p.get("first_name", ""), p.get("last_name", "")
        who = os.path.basename(path)
        terms.append((first + " " + last, "name from " + who))
        terms.append((last + " " + first, "name from " + who))
        for other in p.get("other_names", []):
            full = first + " " + other if len(other.split()) == 1 else other
            terms.append((full, "other name from " + who))
            parts = full.split()
            if len(parts) == 2:
                terms.append((parts[1] + " " + parts[0], "other name from " + who))
        for pseudo in p.get("pseudonyms", []):
            terms.append((pseudo, "pseudonym from " + who))
        employer = p.get("job", {}).get("employer", "")
        if employer:
            terms.append((employer, "employer from " + who))
        city = p.get("location", "").split(",")[0].strip()
        if city:
            terms.append((city, "city from " + who))
    return [(t, w) for t, w in terms if tokens(t)]


def declared_subjects(page, problems, where):
    """Names of the people a page says it is about (see the module docstring)."""
    names = []

    def person_label(node):
        """The name, with the alternateName(s) (a handle) the page gives for the same person."""
        alt = node.get("alternateName", [])
        alt = [alt] if isinstance(alt, str) else [a for a in alt if isinstance(a, str)] if isinstance(alt, list) else []
        return " / ".join([node["name"]] + alt)

    def person_names(node):
        if isinstance(node, list):
            out = []
            for n in node:
                out += person_names(n)
            return out
        if isinstance(node, dict):
            types = node.get("@type", [])
            types = types if isinstance(types, list) else [types]
            if "Person" in types and isinstance(node.get("name"), str):
                return [person_label(node)]
        return []

    def walk(node, top):
        if isinstance(node, list):
            for n in node:
                walk(n, top)
            return
        if not isinstance(node, dict):
            return
        if "@graph" in node:
            walk(node["@graph"], True)
        types = node.get("@type", [])
        types = types if isinstance(types, list) else [types]
        if top and "Person" in types and isinstance(node.get("name"), str):
            names.append(person_label(node))
        if "ProfilePage" in types:
            names.extend(person_names(node.get("mainEntity")))
        names.extend(person_names(node.get("about")))
        for key, value in node.items():
            if key not in ("about", "mainEntity", "@graph"):
                walk(value, False)

    for i, block in enumerate(page.jsonld, 1):
        try:
            data = json.loads(block)
        except ValueError as e:
            problems.append((where, "JSON-LD block %d is not JSON: %s" % (i, e)))
            continue
        walk(data, True)
    if page.og_type == "profile" and page.og_title:
        names.append(page.og_title)
    elif page.og_type == "profile":
        names.append(page.page_title())
    return names


def check_persona(pid, dev, problems):
    persona_rel = "personas/%s.json" % pid
    labels_rel = "personas/%s.labels.json" % pid
    try:
        with open(os.path.join(HERE, persona_rel), encoding="utf-8") as f:
            persona_text = f.read()
        profile = json.loads(persona_text)
    except (OSError, ValueError) as e:
        problems.append((persona_rel, "cannot read persona: %s" % e))
        return 0
    try:
        with open(os.path.join(HERE, labels_rel), encoding="utf-8") as f:
            labels = json.load(f)
    except (OSError, ValueError) as e:
        problems.append((labels_rel, "cannot read labels: %s" % e))
        return 0
    if not isinstance(labels, list):
        problems.append((labels_rel, "labels file is not a JSON array"))
        return 0

    names = persona_names(profile)
    pseudonyms = profile.get("pseudonyms", [])
    subject_words = set(tokens(profile.get("first_name", "")) + tokens(profile.get("last_name", "")))
    for p in pseudonyms + profile.get("other_names", []):
        subject_words.update(tokens(p))

    persona_tokens = tokens(persona_text)
    for term, what in dev:
        if contains_phrase(persona_tokens, term):
            problems.append((persona_rel, "contains '%s' (%s of the dev set)" % (term, what)))

    seen_urls = set()
    checked = 0
    for n, entry in enumerate(labels, 1):
        where = "%s: entry %d" % (labels_rel, n)
        if not isinstance(entry, dict):
            problems.append((labels_rel, "entry %d is not an object" % n))
            continue
        bad = False
        for key, typ in LABEL_FIELDS.items():
            if not isinstance(entry.get(key), typ):
                problems.append((labels_rel, "entry %d: '%s' missing or not a %s" % (n, key, typ.__name__)))
                bad = True
        for key in sorted(set(entry) - set(LABEL_FIELDS)):
            problems.append((labels_rel, "entry %d: unknown field '%s'" % (n, key)))
        if bad:
            continue
        url, rel = entry["url"], entry["file"]
        if url in seen_urls:
            problems.append((labels_rel, "entry %d: url labelled twice: %s" % (n, url)))
        seen_urls.add(url)
        page_rel = "corpus/" + rel
        path = os.path.normpath(os.path.join(HERE, "corpus", rel))
        if not path.startswith(os.path.join(HERE, "corpus") + os.sep):
            problems.append((where, "file is outside training/corpus: %s" % rel))
            continue
        if not os.path.isfile(path):
            problems.append((page_rel, "missing (labelled in %s)" % labels_rel))
            continue
        checked += 1
        with open(path, "rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append((page_rel, "not valid UTF-8 (byte %d)" % e.start))
            continue
        page = Page()
        try:
            page.feed(text)
            page.close()
        except Exception as e:  # html.parser raises little, but a crash is a problem
            problems.append((page_rel, "does not parse: %s" % e))
            continue

        if page.canonical is None:
            derived = url_from_path(rel)
            if derived != url:
                problems.append((page_rel, "no canonical link and its path gives %s, not %s" % (derived, url)))
        elif page.canonical != url:
            problems.append((page_rel, "canonical %s differs from the labelled url %s" % (page.canonical, url)))

        title, description, body = page.page_title(), page.page_description(), page.visible_text()
        columns = [tokens(title), tokens(description), tokens(body)]
        if entry["about_subject"]:
            if not any(contains_phrase(col, name) for col in columns for name in names[:1]):
                others = [x for x in names[1:] + pseudonyms if any(contains_phrase(col, x) for col in columns)]
                if not others:
                    problems.append((page_rel, "about the subject but never names '%s' (nor an other name or pseudonym)" % names[0]))

        all_tokens = tokens(html.unescape(text))
        for term, what in dev:
            if contains_phrase(all_tokens, term):
                problems.append((page_rel, "contains '%s' (%s)" % (term, what)))

        for subject in declared_subjects(page, problems, page_rel):
            if not subject_words.intersection(tokens(subject)):
                problems.append((page_rel, "declared subject '%s' is not named after the persona: make sure it is not a real person" % subject))
    return checked


def main():
    ap = argparse.ArgumentParser(description="Check a training persona's labels and pages.")
    ap.add_argument("personas", nargs="+", metavar="PERSONA_ID")
    ap.add_argument("--dev-set", default=os.environ.get("EMPREINTE_DEV_SET", DEFAULT_DEV_SET),
                    help="folder of the dev set's <person>.json files (default: %(default)s)")
    args = ap.parse_args()

    dev = []
    if os.path.isdir(args.dev_set) and glob.glob(os.path.join(args.dev_set, "*.json")):
        try:
            dev = dev_terms(args.dev_set)
        except (OSError, ValueError) as e:
            print("note: cannot read the dev set (%s): dev-name check skipped" % e, file=sys.stderr)
    else:
        print("note: no dev set at %s: dev-name check skipped" % args.dev_set, file=sys.stderr)

    problems = []
    for pid in args.personas:
        checked = check_persona(pid, dev, problems)
        print("%s: %d page(s) checked" % (pid, checked), file=sys.stderr)
    for where, what in problems:
        print("%s: %s" % (where, what))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
