"""The one Markdown renderer for content files.

Modules are written by the project's authors and trusted, but their HTML still passes
through a generous allow-list (nh3), which also re-balances tags: a stray `</main>` or an
unclosed `<div>` in a module cannot break the page around it, and scripts never run.
User-written text goes through the much stricter `learnpm.text.render_user_markdown`.
"""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

LinkResolver = Callable[[str, str], str]  # (scheme, target) -> URL

EXTENSIONS = ["extra", "admonition", "sane_lists", "toc"]
CONTENT_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark",
    "ol", "p", "pre", "section", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
CONTENT_ATTRIBUTES = {"*": {"class", "id", "title"}, "a": {"href"}, "img": {"src", "alt"},
                      "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"},
                      "ol": {"start"}}
EXTENSION_CONFIGS = {
    "toc": {"permalink": "#", "permalink_title": "Link to this section", "toc_depth": "2-3"},
}


TocEntry = tuple[str, str, int]  # (anchor, title, level)


@dataclass(frozen=True)
class RenderedModule:
    html: str
    toc: tuple[TocEntry, ...]


class _ContentLinks(Treeprocessor):
    """Turn `module:slug#anchor` and `practice:bank/domain` hrefs into site URLs."""

    def __init__(self, md: markdown.Markdown, resolve: LinkResolver):
        super().__init__(md)
        self.resolve = resolve

    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            scheme, _, rest = href.partition(":")
            if scheme in ("module", "practice") and rest:
                target, _, anchor = rest.partition("#")
                link.set("href", self.resolve(scheme, target) + (f"#{anchor}" if anchor else ""))


class _ContentLinksExtension(Extension):
    def __init__(self, resolve: LinkResolver):
        super().__init__()
        self.resolve = resolve

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        md.treeprocessors.register(_ContentLinks(md, self.resolve), "learnpm_links", 5)


def _flatten(tokens: list[dict[str, Any]], out: list[TocEntry]) -> list[TocEntry]:
    for token in tokens:
        out.append((token["id"], token["name"], token["level"]))
        _flatten(token["children"], out)
    return out


def sanitise(html: str) -> str:
    """Content HTML through the allow-list: module bodies, question text, imported HTML."""
    return str(nh3.clean(html, tags=CONTENT_TAGS, attributes=CONTENT_ATTRIBUTES,
                         url_schemes={"http", "https", "mailto"}, link_rel="noopener"))


def render_module(body: str, resolve: LinkResolver) -> RenderedModule:
    md = markdown.Markdown(extensions=[*EXTENSIONS, _ContentLinksExtension(resolve)],
                           extension_configs=EXTENSION_CONFIGS, output_format="html")
    html = sanitise(md.convert(body))
    tokens: list[dict[str, Any]] = getattr(md, "toc_tokens", [])  # set by the toc extension
    return RenderedModule(html=html, toc=tuple(_flatten(tokens, [])))
