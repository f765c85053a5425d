"""Ranked full-text search over modules (Okapi BM25), built once per catalog load.

The library is a few hundred documents held in memory, so an in-process index beats
a database full-text engine that would differ between SQLite and PostgreSQL.
"""
import math
import re
from collections import Counter
from dataclasses import dataclass

from .entries import Module

WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "how", "in",
    "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when",
    "where", "which", "who", "why", "will", "with", "you", "your",
})
# A title or tag match says more about a module than a passing mention in the body.
FIELD_WEIGHTS = {"title": 4, "tags": 3, "summary": 2, "body": 1}
K1, B = 1.2, 0.75


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def tokens(text: str) -> list[str]:
    return [_stem(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS]


@dataclass(frozen=True)
class Hit:
    slug: str
    score: float
    snippet: str


class SearchIndex:
    def __init__(self, modules: list[Module]):
        self._modules = {m.slug: m for m in modules}
        self._terms: dict[str, Counter[str]] = {}
        for module in modules:
            weighted: Counter[str] = Counter()
            for name, weight in FIELD_WEIGHTS.items():
                value = " ".join(module.tags) if name == "tags" else getattr(module, name)
                for term in tokens(value):
                    weighted[term] += weight
            self._terms[module.slug] = weighted
        self._lengths = {slug: sum(c.values()) for slug, c in self._terms.items()}
        self._average = (sum(self._lengths.values()) / len(self._lengths)) if modules else 1
        self._df = Counter(term for counts in self._terms.values() for term in counts)
        self._sentences = {m.slug: _sentences(m.body) for m in modules}

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        terms = list(dict.fromkeys(tokens(query)))
        if not terms:
            return []
        total = len(self._terms)
        scores = {}
        for slug, counts in self._terms.items():
            score = 0.0
            for term in terms:
                tf = counts.get(term, 0)
                if not tf:
                    continue
                idf = math.log(1 + (total - self._df[term] + 0.5) / (self._df[term] + 0.5))
                norm = K1 * (1 - B + B * self._lengths[slug] / self._average)
                score += idf * tf * (K1 + 1) / (tf + norm)
            if score:
                scores[slug] = score
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [Hit(slug, score, self._snippet(slug, terms)) for slug, score in ranked]

    def _snippet(self, slug: str, terms: list[str]) -> str:
        wanted = set(terms)
        for sentence, words in self._sentences[slug]:
            if words & wanted:
                return _shorten(sentence)
        return self._modules[slug].summary


def _sentences(body: str) -> list[tuple[str, frozenset[str]]]:
    """Prose sentences of a module with their search tokens, prepared once per load."""
    found = []
    without_headings = re.sub(r"(?m)^#.*$", "", body)
    for paragraph in re.split(r"\n\s*\n", without_headings):
        if paragraph.lstrip().startswith(("|", "<", "-", "*", "!!!")):
            continue  # tables, HTML, lists and call-outs make poor snippets
        for sentence in re.split(r"(?<=[.!?])\s+", _plain(paragraph)):
            if sentence:
                found.append((sentence, frozenset(tokens(sentence))))
    return found


def _shorten(sentence: str, limit: int = 220) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 3].rsplit(" ", 1)[0] + "…"


def _plain(markdown_text: str) -> str:
    """Markdown reduced to prose for snippets: no headings, markup or link targets."""
    text = re.sub(r"(?m)^\s{0,3}(#+|!!!|[-*]|\d+\.|\|)\s*", " ", markdown_text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>|[*_`\[\]]", "", text)
    return re.sub(r"\s+", " ", text).strip()
