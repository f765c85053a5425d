"""The bounded cache that keeps a worker's rendered pages and modules."""
from learnpm.recently_used import RecentlyUsed


def test_keeps_the_most_recently_used_within_its_bound():
    pages = RecentlyUsed[str, bytes](2)
    pages.put("a", b"A")
    pages.put("b", b"B")
    assert pages.get("a") == b"A"  # "a" is now the most recent
    pages.put("c", b"C")
    assert pages.get("b") is None and pages.get("a") == b"A" and pages.get("c") == b"C"
    assert len(pages) == 2
