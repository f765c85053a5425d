"""Reading rendered pages in tests."""


def section(page: str, start: str, end: str | None = None) -> str:
    """The part of `page` from `start` up to the next `end` (or to the end)."""
    begin = page.index(start)
    return page[begin:page.index(end, begin) if end else None]
