"""The plan on a result: what to read and practise next for the weakest tasks."""
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .results import TaskResult, weakest

MODULES_PER_TASK = 2
TARGETED_SET = 10  # questions in a one-click targeted practice set


@dataclass(frozen=True)
class TaskAdvice:
    result: TaskResult
    modules: tuple[str, ...]  # module slugs that teach the task, most relevant first
    practice_available: int  # unseen or missed questions on this task


@dataclass(frozen=True)
class RemediationPlan:
    tasks: tuple[TaskAdvice, ...]
    practice_size: int  # questions in the targeted set for all these tasks together
    reviews_due: int

    @property
    def task_ids(self) -> tuple[str, ...]:
        return tuple(a.result.task for a in self.tasks)

    @property
    def empty(self) -> bool:
        return not self.tasks and not self.reviews_due


def teaching_modules(missed_modules: Iterable[Sequence[str]], read: set[str],
                     limit: int = MODULES_PER_TASK) -> tuple[str, ...]:
    """Modules named by the missed questions of a task, the most named first; unread before
    read (a read module still helps, but a new one is the better next step)."""
    counts = Counter(slug for modules in missed_modules for slug in modules)
    ranked = sorted(counts, key=lambda slug: (slug in read, -counts[slug], slug))
    return tuple(ranked[:limit])


def plan(results: Sequence[TaskResult], missed_modules: Mapping[str, Sequence[Sequence[str]]],
         read: set[str], available: Mapping[str, int], reviews_due: int,
         limit: int = 3) -> RemediationPlan:
    """For the `limit` weakest tasks: the modules that teach them and how much targeted
    practice there is; and today's review.

    `missed_modules`: per task, the module lists of the questions missed on it.
    `available`: per task, how many unseen or missed questions the bank holds.
    """
    advice = tuple(TaskAdvice(r, teaching_modules(missed_modules.get(r.task, []), read),
                              available.get(r.task, 0))
                   for r in weakest(results, limit))
    size = min(TARGETED_SET, sum(a.practice_available for a in advice))
    return RemediationPlan(advice, size, reviews_due)
