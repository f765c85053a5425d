"""Progress through learning paths, and what to read next."""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PathProgress:
    slug: str
    done: int
    total: int
    next_slug: str | None  # first module in path order not yet completed

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def started(self) -> bool:
        return self.done > 0

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done == self.total


def path_progress(slug: str, modules: Sequence[str], completed: set[str]) -> PathProgress:
    done = sum(1 for m in modules if m in completed)
    next_slug = next((m for m in modules if m not in completed), None)
    return PathProgress(slug, done, len(modules), next_slug)


def neighbours(modules: Sequence[str], slug: str) -> tuple[str | None, str | None]:
    """The modules before and after `slug` in a path's order."""
    if slug not in modules:
        return None, None
    index = list(modules).index(slug)
    before = modules[index - 1] if index > 0 else None
    after = modules[index + 1] if index + 1 < len(modules) else None
    return before, after


def suggest_next(progress: Iterable[PathProgress], recent_paths: Sequence[str],
                 default_path: str | None) -> tuple[str, str] | None:
    """(path slug, module slug) to read next.

    Prefer the path the learner touched most recently that is not finished, then any
    started path, then the default starting path.
    """
    by_slug = {p.slug: p for p in progress}
    candidates = [by_slug[s] for s in recent_paths if s in by_slug]
    candidates += [p for p in by_slug.values() if p.started]
    if default_path in by_slug:
        candidates.append(by_slug[default_path])
    for path in candidates:
        if path.next_slug:
            return path.slug, path.next_slug
    return None
