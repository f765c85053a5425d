"""Reading rendered pages in tests and benchmarks: text sections, forms as a browser sees them."""
from dataclasses import dataclass, field
from html.parser import HTMLParser


def section(page: str, start: str, end: str | None = None) -> str:
    """The part of `page` from `start` up to the next `end` (or to the end)."""
    begin = page.index(start)
    return page[begin:page.index(end, begin) if end else None]


@dataclass
class Form:
    """One <form>: where it posts, the values a browser would send as they stand,
    the choices each radio, checkbox or select offers, and the submit buttons."""
    action: str
    method: str
    id: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)


class _FormReader(HTMLParser):
    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.form = Form(a.get("action") or self.url, a.get("method", "get").lower(),
                             a.get("id"))
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input":
            self._input(self.form, a)
        elif tag == "button" and a.get("type", "submit") == "submit":
            self.form.buttons.append((a.get("name", ""), a.get("value", "")))
        elif tag == "select":
            self.select = a.get("name")
            if self.select:
                self.form.choices.setdefault(self.select, [])
        elif tag == "option" and self.select:
            self.form.choices[self.select].append(a.get("value", ""))
            if "selected" in a or self.select not in self.form.values:
                self.form.values[self.select] = a.get("value", "")
        elif tag == "textarea":
            self.textarea = a.get("name")
            if self.textarea:
                self.form.values[self.textarea] = ""

    def _input(self, form: Form, a: dict[str, str]) -> None:
        name, kind = a.get("name"), a.get("type", "text")
        if not name:
            return
        if kind in ("radio", "checkbox"):
            form.choices.setdefault(name, []).append(a.get("value", "on"))
            if "checked" in a:
                form.values[name] = a.get("value", "on")
        elif kind == "submit":
            form.buttons.append((name, a.get("value", "")))
        else:
            form.values[name] = a.get("value", "")

    def handle_data(self, data: str) -> None:
        if self.form is not None and self.textarea:
            self.form.values[self.textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def forms(page: str, url: str = "") -> list[Form]:
    """Every form on `page`; a form with no action posts to `url`, as in a browser."""
    reader = _FormReader(url)
    reader.feed(page)
    reader.close()
    return reader.forms


def form(page: str, action_part: str = "", url: str = "") -> Form:
    """The first form whose action contains `action_part`; KeyError when there is none."""
    for found in forms(page, url):
        if action_part in found.action:
            return found
    raise KeyError(f"no form posting to {action_part!r} on the page")


def csrf_token(page: str) -> str:
    """The CSRF token of the first form that carries one."""
    for found in forms(page):
        if "csrf_token" in found.values:
            return found.values["csrf_token"]
    raise KeyError("no CSRF token on the page")
