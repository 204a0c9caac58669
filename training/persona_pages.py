"""Reading a saved page the way the offline corpus indexes it, for check_persona.py: its
columns (title, description, visible text, URL words) as folded tokens, the phrase matching of
the corpus searches, its canonical URL and JSON-LD blocks. Python 3 standard library only.
"""
import re
import unicodedata
from html.parser import HTMLParser


# Elements whose text the corpus index leaves out of a page's body (is_hidden_container in
# src/parse/html_page.cpp); <head> is handled apart.
SKIPPED_TEXT = {"script", "style", "template", "noscript", "title", "iframe", "object", "svg", "nav"}


# A quoted phrase of two or three words also matches as NEAR(w1 w2 [w3], 1) (positive_fts5 in
# src/search/query_syntax.cpp).
NEAR_DISTANCE = 1
NEAR_MIN_WORDS, NEAR_MAX_WORDS = 2, 3


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


def search_matches(column_tokens, phrase):
    """True when the corpus backend's quoted `phrase` matches this column (one FTS5 column).

    The exact phrase, or for two or three words FTS5's NEAR(..., 1) of the single words: one
    instance of each word, every one starting at most NEAR_DISTANCE + 1 positions before the
    last of them (fts5ExprNearIsMatch), in any order. Nothing else: no initials, no surname
    alone, no digraphs for umlauts.
    """
    words = tokens(phrase)
    if not words:
        return False
    if contains_phrase(column_tokens, phrase):
        return True
    if not NEAR_MIN_WORDS <= len(words) <= NEAR_MAX_WORDS:
        return False
    positions = {w: [i for i, t in enumerate(column_tokens) if t == w] for w in set(words)}
    if not all(positions.values()):
        return False
    for last in sorted({i for w in words for i in positions[w]}):
        first_allowed = last - NEAR_DISTANCE - 1
        if all(any(first_allowed <= i <= last for i in positions[w]) for w in words):
            return True
    return False


def initial_and_surname(text, first, last):
    """The first "I. Surname" / "SURNAME I." of the persona in `text`, as written, or None."""
    initial = tokens(first)[:1]
    surname = tokens(last)
    if not initial or not surname:
        return None
    initial = initial[0][:1]
    text = unicodedata.normalize("NFC", text)
    spans = [m.span() for m in re.finditer(r"[^\W_]+", text)]
    words = [fold(text[a:b]) for a, b in spans]
    n = len(surname)
    for i in range(len(words) - n + 1):
        if words[i:i + n] != surname:
            continue
        if i > 0 and words[i - 1] == initial:
            return text[spans[i - 1][0]:spans[i + n - 1][1]]
        if i + n < len(words) and words[i + n] == initial:
            return text[spans[i][0]:spans[i + n][1]]
    return None


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
