from pathlib import Path

from learnpm.catalog import Module, load
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


def module(slug, body, title="A module", summary="The summary.", tags=()):
    return Module(slug=slug, title=title, summary=summary, category="skill", level="beginner",
                  tags=tuple(tags), minutes=1, words=len(body.split()), prerequisites=(),
                  related=(), contact_hours=None, certifications=(), body=body,
                  source=f"content/modules/skill/{slug}.md")


def test_the_snippet_is_the_first_prose_sentence_with_a_query_term():
    body = ("## Intro\n\nNothing here. Still nothing.\n\n- a list mentioning gantt\n\n"
            "| gantt | table |\n\nA later paragraph. Draw a **Gantt** chart. Then a GANTT.\n")
    hit = SearchIndex([module("m", body)]).search("gantt")[0]
    assert hit.snippet == "Draw a Gantt chart."


def test_a_term_only_in_the_title_gives_the_summary():
    hit = SearchIndex([module("m", "Plain text.\n", title="Kanban")]).search("kanban")[0]
    assert hit.snippet == "The summary."


def test_prose_keeps_words_that_markup_split():
    # In prose snake_case reads "snakecase", a word the scored body text does not have.
    index = SearchIndex([module("m", "Use snake_case names.\n"), module("n", "About names.\n")])
    assert index.search("snakecase") == []
    hits = {h.slug: h.snippet for h in index.search("names snakecase")}
    assert hits == {"m": "Use snakecase names.", "n": "About names."}


def test_equal_scores_are_ranked_by_slug_and_limited():
    index = SearchIndex([module(slug, "Risk.\n") for slug in ("c", "a", "b")])
    assert [h.slug for h in index.search("risk")] == ["a", "b", "c"]
    assert [h.slug for h in index.search("risk", limit=2)] == ["a", "b"]
