"""YAML parsing: libyaml's fast path gives exactly what PyYAML's own parser gives, lines
included, and PyYAML has the last word on what is invalid and how that is worded."""
import pytest

from learnpm.catalog import yamltext
from learnpm.catalog.yamltext import LineMap, YamlSyntaxError, load_yaml

needs_libyaml = pytest.mark.skipif(yamltext._CLoader is None, reason="PyYAML without libyaml")


def reference(text, offset=0):
    """PyYAML's pure-Python parser: what load_yaml must always agree with."""
    return yamltext._python_parse(text, offset)


def shape(value):
    """A value with the lines of every mapping, for comparing two parses."""
    if isinstance(value, LineMap):
        return ("map", value.line, sorted(value.key_lines.items()),
                [(shape(k), shape(v)) for k, v in value.items()])
    if isinstance(value, list):
        return [shape(item) for item in value]
    return (type(value).__name__, value)


def outcome(parse, text):
    try:
        return shape(parse(text, 2))
    except YamlSyntaxError as exc:
        return ("error", exc.line, exc.message)


DOCUMENTS = [
    "questions:\n  - id: q-1\n    modules: [a, b]\n    stem: |\n      Why?\n    shuffle: false\n",
    "a: 1\nb: 2.5\nc: null\nd: 2026-11-27\ne: yes\nf: 'quoted'\ng: \"x\\ty\"\nh: ~\n",
    "base: &base {x: 1, y: two}\nother:\n  <<: *base\n  y: 3\nlist: [*base, *base]\n",
    "- {id: t1, name: \"Develop: a vision\"}\n- [1, [2, 3], {k: v}]\n- !!str 12\n- !!binary aGk=\n",
    "text: >\n  folded\n  lines\n\n  kept\nkeep: |+\n  a\n\nstrip: |-\n  b\n",
    "", "# only a comment\n", "just a string\n", "=: value\n",
    "o: !!omap [{a: 1}, {b: 2}]\ns: !!set {x, y}\np: !!pairs [{k: {n: 1}}]\nm: !!map {a: b}\n",
]


@needs_libyaml
@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_fast_path_gives_pyyamls_values_and_lines(text):
    assert outcome(yamltext.load_yaml, text) == outcome(reference, text)


# Texts libyaml takes but PyYAML refuses, and errors libyaml words differently.
INVALID = [
    "a: b\tc\n",  # a tab inside a line
    "tasks:\n  - {id: t1, name: Sprint Backlog?? and Goal}\n",  # '?' in a flow mapping
    "tags: [a, b?]\n",
    "stem: |#comment\n  text\n",  # a comment glued to a block scalar's header
    "a: b\ufeff\n",  # a byte order mark inside the text
    "tags: [a, b: c]: d\n",
    "a: [b\nc: d\n",
    "a: *nowhere\n",
    "a: &x [*x]\n",
]


@pytest.mark.parametrize("text", INVALID)
def test_pyyaml_decides_what_is_invalid_and_says_where(text):
    assert outcome(yamltext.load_yaml, text) == outcome(reference, text)


def test_syntax_errors_keep_pyyamls_words_and_the_file_line():
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml("title: x\nsummary: [unclosed\ncategory: skill\n", offset=1)
    assert (caught.value.line, caught.value.message) == (
        4, "invalid YAML: expected ',' or ']', but got ':'")
