"""Numbers in sentences: '1 question', '3 questions', 'no problems'."""


def plural(count: int, word: str, many: str | None = None, zero: str | None = None) -> str:
    """`count` and the right form of `word` (`many` for irregular plurals)."""
    form = word if count == 1 else (many or f"{word}s")
    return f"{zero if count == 0 and zero else count} {form}"
