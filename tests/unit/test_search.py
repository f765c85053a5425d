from pathlib import Path

from learnpm.catalog import load
from learnpm.catalog.search import SearchIndex, tokens

CATALOG = load(Path(__file__).parent.parent / "fixtures" / "content" / "valid")


def index():
    return SearchIndex(list(CATALOG.modules.values()))


def test_title_matches_rank_above_body_mentions():
    hits = index().search("risk register")
    assert [h.slug for h in hits][0] == "risks"


def test_plural_and_case_do_not_matter():
    assert tokens("Registers RISKS") == tokens("register risk")
    assert [h.slug for h in index().search("REGISTERS")][0] == "risks"


def test_snippet_shows_a_sentence_with_the_term():
    hit = index().search("critical path")[0]
    assert hit.slug == "scheduling"
    assert "critical path" in hit.snippet.lower()


def test_stopwords_only_and_unknown_words_find_nothing():
    assert index().search("the and of") == []
    assert index().search("zeppelin") == []
