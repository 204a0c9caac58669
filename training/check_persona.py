#!/usr/bin/env python3
"""Check a training persona and the saved pages its labels point to.

Usage: training/check_persona.py [--root DIR] [--dev-set DIR] PERSONA_ID [PERSONA_ID ...]

Reads the persona <id>.json and its labels <id>.labels.json and, for every labels entry, the
saved page corpus/<file>, all below the root folder: training/ by default, or --root DIR.
Persona files are looked for in DIR/personas/ when DIR has that folder (training/ has), else
in DIR itself (training/template/ holds persona.json, persona.labels.json and corpus/: check
it with `--root training/template persona`). Prints one "file: problem" line per problem
(paths relative to the root) and exits 1 if there is any, 0 otherwise; 2 on bad usage.
Python 3 standard library only.

Checks:
  - the persona and labels files are JSON; each labels entry has the eight fields of the format
    (url, file, kind, about_subject, sensitive, pseudonym_link, job_link, why), and may have
    "why_fr", the "why" in French (a string); no other field, no URL twice;
  - every entry's file exists in corpus/;
  - every page is valid UTF-8 and parses (python3 html.parser; JSON-LD blocks are JSON);
  - the page's <link rel="canonical"> href equals the entry's url. A page without one is
    indexed under the URL its file path gives, so it passes only if that URL is the entry's;
  - every about_subject page can be found by one of the searches (docs/plan.md): each of them
    holds a quoted "First Last", an other name ("First Other" for a one-word one) or a
    pseudonym, so the page must match one of those phrases the way the corpus backend does
    (src/search/query_syntax.cpp, docs/corpus.md), in one of the columns it indexes (title,
    description, visible text without script/style/nav..., words of the page's URL): case,
    accents and punctuation ignored, and
      * the words in order ("Hélène Vasseur", "helene-vasseur"), or
      * for a phrase of two or three words, FTS5's NEAR(..., 1): the words in any order,
        within three consecutive words ("VASSEUR Hélène", "Vasseur, Helene", "Declan J.
        Ashworth"; "Noreen O'Mahony" is three words: "O'MAHONY Noreen" too).
    Nothing else: the searches do not find an initial and the surname ("D. Ashworth"), the
    surname alone, or German umlauts written as digraphs, even though the classifier scores
    those once it reads the page. Such a page is reported with the reason; a pseudonym-only
    page passes (the searches look for the pseudonym alone);
  - no name (first + last, either order, and other names), pseudonym or employer of a person of
    the evaluation dev set appears in the persona file or in any of its pages. That person's
    city is reported too, but only in a file (the persona file or one page) where one of those
    items of the same person appears: a city alone is shared by many people (Nantes, Lyon...)
    and is no leak, while beside a dev person's name it completes their identity and must be
    changed with it. The dev set is read at run time from --dev-set, else $EMPREINTE_DEV_SET,
    else /work/shared/eval/dev; when it is not there this check is skipped with a note on
    stderr (the dev names must never be copied into training/);
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

from persona_pages import Page, contains_phrase, initial_and_surname, search_matches, tokens, url_from_path

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
OPTIONAL_FIELDS = {
    "why_fr": str,
}


def persona_names(profile):
    """Full names the searches use: first + last, other names (a one-word one is a surname)."""
    first = profile.get("first_name", "")
    names = [first + " " + profile.get("last_name", "")]
    for other in profile.get("other_names", []):
        names.append(first + " " + other if len(other.split()) == 1 else other)
    return names


def dev_people(dev_dir):
    """(file name, [(term, what)]) for every dev person: names both ways, pseudonyms, employer,
    city (what is "name", "other name", "pseudonym", "employer" or "city")."""
    people = []
    for path in sorted(glob.glob(os.path.join(dev_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        p = data.get("profile", data)
        first, last = p.get("first_name", ""), p.get("last_name", "")
        terms = [(first + " " + last, "name"), (last + " " + first, "name")]
        for other in p.get("other_names", []):
            full = first + " " + other if len(other.split()) == 1 else other
            terms.append((full, "other name"))
            parts = full.split()
            if len(parts) == 2:
                terms.append((parts[1] + " " + parts[0], "other name"))
        for pseudo in p.get("pseudonyms", []):
            terms.append((pseudo, "pseudonym"))
        employer = p.get("job", {}).get("employer", "")
        if employer:
            terms.append((employer, "employer"))
        city = p.get("location", "").split(",")[0].strip()
        if city:
            terms.append((city, "city"))
        people.append((os.path.basename(path), [(t, w) for t, w in terms if tokens(t)]))
    return people


def check_dev_leaks(text_tokens, dev, where, problems):
    """Reports the dev people's items found in one file; a city only beside another item of
    the same person (see the module docstring)."""
    for who, terms in dev:
        found = [(t, w) for t, w in terms if contains_phrase(text_tokens, t)]
        if any(w != "city" for _, w in found):
            for term, what in found:
                problems.append((where, "contains '%s' (%s of %s in the dev set)" % (term, what, who)))


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


def unfindable(profile, phrases, columns):
    """Why an about_subject page matches none of the searches' phrases, and how to fix it."""
    searched = ", ".join('"%s"' % x for x in phrases)
    first, last = profile.get("first_name", ""), profile.get("last_name", "")
    fix = ("write the name in a form the search matches (\"%s\" or \"%s %s\", any case and accents) "
           "in its title, description or text, or drop the entry: the searches never return this page"
           % (first + " " + last, last.upper(), first))
    for where, col in columns.items():
        form = initial_and_surname(col, first, last)
        if form:
            return ("about the subject but no search finds it: it names the persona only as an initial "
                    "and the surname ('%s', in its %s), which the searches (%s) do not match; %s"
                    % (form, where, searched, fix))
    if any(contains_phrase(tokens(col), last) for col in columns.values()):
        return ("about the subject but no search finds it: it gives only the surname '%s', which the "
                "searches (%s) do not match; %s" % (last, searched, fix))
    return ("about the subject but no search finds it: it names neither the persona nor an other name "
            "or pseudonym (searched: %s); %s" % (searched, fix))


def check_persona(pid, dev, problems, root=HERE):
    folder = "personas/" if os.path.isdir(os.path.join(root, "personas")) else ""
    persona_rel = "%s%s.json" % (folder, pid)
    labels_rel = "%s%s.labels.json" % (folder, pid)
    corpus = os.path.join(root, "corpus")
    try:
        with open(os.path.join(root, persona_rel), encoding="utf-8") as f:
            persona_text = f.read()
        profile = json.loads(persona_text)
    except (OSError, ValueError) as e:
        problems.append((persona_rel, "cannot read persona: %s" % e))
        return 0
    try:
        with open(os.path.join(root, labels_rel), encoding="utf-8") as f:
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

    check_dev_leaks(tokens(persona_text), dev, persona_rel, problems)

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
        for key, typ in OPTIONAL_FIELDS.items():
            if key in entry and not isinstance(entry[key], typ):
                problems.append((labels_rel, "entry %d: '%s' is not a %s" % (n, key, typ.__name__)))
                bad = True
        for key in sorted(set(entry) - set(LABEL_FIELDS) - set(OPTIONAL_FIELDS)):
            problems.append((labels_rel, "entry %d: unknown field '%s'" % (n, key)))
        if bad:
            continue
        url, rel = entry["url"], entry["file"]
        if url in seen_urls:
            problems.append((labels_rel, "entry %d: url labelled twice: %s" % (n, url)))
        seen_urls.add(url)
        page_rel = "corpus/" + rel
        path = os.path.normpath(os.path.join(corpus, rel))
        if not path.startswith(corpus + os.sep):
            problems.append((where, "file is outside corpus/: %s" % rel))
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

        indexed_url = page.canonical if re.match(r"(?i)https?://", page.canonical or "") else url_from_path(rel)
        columns = {
            "title": page.page_title(),
            "description": page.page_description(),
            "text": page.visible_text(),
            "URL": indexed_url,
        }
        if entry["about_subject"]:
            phrases = names + pseudonyms
            if not any(search_matches(tokens(col), x) for col in columns.values() for x in phrases):
                problems.append((page_rel, unfindable(profile, phrases, columns)))

        check_dev_leaks(tokens(html.unescape(text)), dev, page_rel, problems)

        for subject in declared_subjects(page, problems, page_rel):
            if not subject_words.intersection(tokens(subject)):
                problems.append((page_rel, "declared subject '%s' is not named after the persona: make sure it is not a real person" % subject))
    return checked


def main():
    ap = argparse.ArgumentParser(description="Check a training persona's labels and pages.")
    ap.add_argument("personas", nargs="+", metavar="PERSONA_ID")
    ap.add_argument("--root", default=HERE,
                    help="folder holding personas/ (or the persona files themselves) and corpus/ "
                         "(default: training/, the script's folder)")
    ap.add_argument("--dev-set", default=os.environ.get("EMPREINTE_DEV_SET", DEFAULT_DEV_SET),
                    help="folder of the dev set's <person>.json files (default: %(default)s)")
    args = ap.parse_args()

    if not os.path.isdir(args.root):
        ap.error("--root %s is not a folder" % args.root)
    root = os.path.abspath(args.root)

    dev = []
    if os.path.isdir(args.dev_set) and glob.glob(os.path.join(args.dev_set, "*.json")):
        try:
            dev = dev_people(args.dev_set)
        except (OSError, ValueError) as e:
            print("note: cannot read the dev set (%s): dev-name check skipped" % e, file=sys.stderr)
    else:
        print("note: no dev set at %s: dev-name check skipped" % args.dev_set, file=sys.stderr)

    problems = []
    for pid in args.personas:
        checked = check_persona(pid, dev, problems, root)
        print("%s: %d page(s) checked" % (pid, checked), file=sys.stderr)
    for where, what in problems:
        print("%s: %s" % (where, what))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
