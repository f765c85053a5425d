from learnpm.domain.progress import neighbours, path_progress, suggest_next


def test_path_progress_counts_only_the_paths_modules():
    progress = path_progress("p", ["a", "b", "c", "d"], {"a", "c", "elsewhere"})
    assert (progress.done, progress.total, progress.percent) == (2, 4, 50)
    assert progress.next_slug == "b" and progress.started and not progress.finished


def test_finished_and_empty_paths():
    assert path_progress("p", ["a"], {"a"}).finished
    empty = path_progress("p", [], set())
    assert empty.percent == 0 and not empty.finished and empty.next_slug is None


def test_neighbours():
    assert neighbours(["a", "b", "c"], "a") == (None, "b")
    assert neighbours(["a", "b", "c"], "b") == ("a", "c")
    assert neighbours(["a", "b", "c"], "c") == ("b", None)
    assert neighbours(["a"], "z") == (None, None)


def test_suggest_next_prefers_recent_unfinished_path():
    one = path_progress("one", ["a", "b"], {"a", "b"})
    two = path_progress("two", ["c", "d"], {"c"})
    start = path_progress("start", ["s"], set())
    assert suggest_next([one, two, start], ["one", "two"], "start") == ("two", "d")


def test_suggest_next_falls_back_to_the_starting_path():
    start = path_progress("start", ["s", "t"], set())
    assert suggest_next([start], [], "start") == ("start", "s")
    assert suggest_next([path_progress("x", ["s"], {"s"})], [], "start") is None
