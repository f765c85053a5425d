"""Ranked full-text search over modules (Okapi BM25), built once per catalog load.

The library is up to a few thousand documents held in memory, so an in-process index beats
a database full-text engine that would differ between SQLite and PostgreSQL. Each module's
entry is a few compact arrays (its terms as numbers, with each term's weighted count and the
first prose paragraph that has it), a few bytes a term, so a thousand long modules take a
few MiB; a search looks its terms up in each entry. Sentences are not kept: a hit's snippet
is cut from its paragraph when shown.
"""
import itertools
import math
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .entries import Module
from .gc_pause import cycle_collector_paused

WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "how", "in",
    "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when",
    "where", "which", "who", "why", "will", "with", "you", "your",
})
# A title or tag match says more about a module than a passing mention in the body.
FIELD_WEIGHTS = {"title": 4, "tags": 3, "summary": 2, "body": 1}
K1, B = 1.2, 0.75
HEADING = re.compile(r"(?m)^#.*$")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _term(word: str) -> str:
    """The search term a word counts as ("" for a stopword, which counts as none)."""
    return "" if word in STOPWORDS else _stem(word)


def tokens(text: str) -> list[str]:
    return [term for term in map(_term, WORD.findall(text.lower())) if term]


@dataclass(frozen=True)
class Hit:
    slug: str
    score: float
    snippet: str


class _Tokens:
    """`tokens()`, with each word's stem worked out once while an index is built."""

    def __init__(self) -> None:
        self.stems: dict[str, str] = {}  # "" for a stopword

    def __call__(self, text: str) -> list[str]:
        words = WORD.findall(text.lower())
        stems = self.stems
        for word in set(words).difference(stems):
            stems[word] = _term(word)
        return [stem for stem in map(stems.__getitem__, words) if stem]


@dataclass(frozen=True, slots=True)
class _Entry:
    """One module in the index: its terms (as numbers, ascending) with, for each, its
    weighted count (0 when only its prose has it) and the number of the first prose
    paragraph that has it (-1: none); and where those paragraphs lie in the module's body.
    Sentences are not kept: a snippet is cut from its paragraph when shown."""

    terms: "array[int]"
    counts: "array[int]"
    firsts: "array[int]"
    starts: "array[int]"
    ends: "array[int]"

    def find(self, term: int) -> int | None:
        """The position of `term` in the arrays, or None."""
        at = bisect_left(self.terms, term)
        return at if at < len(self.terms) and self.terms[at] == term else None


def _array(values: Iterable[int], low: int, high: int) -> "array[int]":
    """`values` (all within low..high) as an array of 2-byte items when they fit, as they
    nearly always do, else of 4 or 8."""
    for code in ("hiq" if low < 0 else "HIQ"):
        limit = 2 ** (8 * array(code).itemsize - (1 if low < 0 else 0))
        if -limit <= low and high < limit:
            return array(code, list(values))  # from a list: twice as fast as from `map`
    raise OverflowError("a search index value does not fit in 8 bytes")


class SearchIndex:
    def __init__(self, modules: list[Module]):
        self._modules = {m.slug: m for m in modules}
        self._slugs = list(self._modules)
        self._ids: dict[str, int] = {}  # every term, numbered
        self._entries: list[_Entry] = []
        lengths: list[int] = []
        with cycle_collector_paused():
            self._index(lengths)
        average = (sum(lengths) / len(lengths)) if modules else 1
        # BM25's length normalisation, once per module rather than once per search.
        self._norms = array("d", (K1 * (1 - B + B * length / average) for length in lengths))

    def _index(self, lengths: list[int]) -> None:
        tokenize = _Tokens()
        for module in self._modules.values():
            weighted = Counter(tokenize(module.body))
            for name, weight in FIELD_WEIGHTS.items():
                if name != "body":
                    value = " ".join(module.tags) if name == "tags" else getattr(module, name)
                    for term, count in Counter(tokenize(value)).items():
                        weighted[term] += count * weight
            lengths.append(sum(weighted.values()))
            self._entries.append(self._entry(module.body, weighted, tokenize))

    def _entry(self, body: str, weighted: Counter[str], tokenize: _Tokens) -> _Entry:
        starts, ends = array("I"), array("I")
        firsts: dict[str, int] = {}
        in_body = _BodyOffsets(body)
        for number, (start, end, prose) in enumerate(_prose(HEADING.sub("", body))):
            starts.append(in_body.start(start))
            ends.append(in_body.end(end))
            # A paragraph's terms are those of its sentences: sentences break at spaces.
            firsts.update(dict.fromkeys(set(tokenize(prose)).difference(firsts), number))
        # Terms in prose only are kept too, for snippets (e.g. snake_case reads snakecase).
        terms = weighted.keys() | firsts.keys()
        ids = self._ids
        ids.update(zip(sorted(terms.difference(ids)), itertools.count(len(ids))))
        ordered = sorted(terms, key=ids.__getitem__)
        return _Entry(_array(map(ids.__getitem__, ordered), 0, len(ids)),
                      _array(map(weighted.get, ordered, itertools.repeat(0)), 0,
                             max(weighted.values(), default=0)),
                      _array(map(firsts.get, ordered, itertools.repeat(-1)), -1, len(starts)),
                      starts, ends)

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        terms = list(dict.fromkeys(tokens(query)))
        if not terms:
            return []
        total = len(self._slugs)
        scores: dict[int, float] = {}
        for term in terms:
            term_id = self._ids.get(term)
            if term_id is None:
                continue
            having = []  # (module, count) for each module that has the term
            for number, entry in enumerate(self._entries):
                if (at := entry.find(term_id)) is not None and entry.counts[at]:
                    having.append((number, entry.counts[at]))
            idf = math.log(1 + (total - len(having) + 0.5) / (len(having) + 0.5))
            for number, tf in having:
                norm = self._norms[number]
                scores[number] = scores.get(number, 0.0) + idf * tf * (K1 + 1) / (tf + norm)
        ranked = sorted(((n, score) for n, score in scores.items() if score),
                        key=lambda item: (-item[1], self._slugs[item[0]]))[:limit]
        return [Hit(self._slugs[n], score, self._snippet(n, terms)) for n, score in ranked]

    def _snippet(self, number: int, terms: list[str]) -> str:
        """The first prose sentence with a term of the query, else the module's summary."""
        module, entry = self._modules[self._slugs[number]], self._entries[number]
        paragraphs = [entry.firsts[at] for term in terms
                      if (term_id := self._ids.get(term)) is not None
                      and (at := entry.find(term_id)) is not None and entry.firsts[at] >= 0]
        if paragraphs:
            first = min(paragraphs)
            text = HEADING.sub("", module.body[entry.starts[first]:entry.ends[first]])
            wanted = set(terms)
            for sentence in _split_sentences(text):
                if wanted.intersection(tokens(sentence)):
                    return _shorten(sentence)
        return module.summary


class _BodyOffsets:
    """Where a position in a body without its headings lies in the body itself. A paragraph
    starts and ends at a line break, so its span in the body, without headings, is the
    paragraph (a heading inside a paragraph would have split it)."""

    def __init__(self, body: str) -> None:
        self.at: list[int] = []  # where each heading was, in the text without headings
        self.before: list[int] = [0]  # characters removed before each
        for match in HEADING.finditer(body):
            self.at.append(match.start() - self.before[-1])
            self.before.append(self.before[-1] + match.end() - match.start())

    def start(self, position: int) -> int:
        """A heading removed right there stays in: it is removed again when cut out."""
        return position + self.before[bisect_left(self.at, position)]

    def end(self, position: int) -> int:
        return position + self.before[bisect_right(self.at, position)]


def _prose(text: str) -> Iterator[tuple[int, int, str]]:
    """The prose paragraphs of a module body without headings: (start, end, plain text)."""
    start = 0
    for end, after in [*((m.start(), m.end()) for m in PARAGRAPH_BREAK.finditer(text)),
                       (len(text), len(text))]:
        paragraph = text[start:end]
        # tables, HTML, lists and call-outs make poor snippets
        if not paragraph.lstrip().startswith(("|", "<", "-", "*", "!!!")) and (
                prose := _plain(paragraph)):
            yield start, end, prose
        start = after


def _split_sentences(paragraph: str) -> list[str]:
    return [sentence for sentence in SENTENCE_BREAK.split(_plain(paragraph)) if sentence]


def _shorten(sentence: str, limit: int = 220) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 3].rsplit(" ", 1)[0] + "…"


LINE_MARK = re.compile(r"(?m)^\s{0,3}(#+|!!!|[-*]|\d+\.|\|)\s*")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
INLINE_MARKUP = re.compile(r"<[^>]+>|[*_`\[\]]")
SPACES = re.compile(r"\s+")


def _plain(markdown_text: str) -> str:
    """Markdown reduced to prose for snippets: no headings, markup or link targets."""
    text = LINE_MARK.sub(" ", markdown_text)
    text = LINK_TARGET.sub("]", text)
    text = INLINE_MARKUP.sub("", text)
    return SPACES.sub(" ", text).strip()
