"""The immutable records the catalog is made of. No I/O, no Flask."""
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..domain.questions import Option, Pair, QuestionSnapshot, QuestionType
from ..domain.scoring import Band, Grading, ResultKind
from .errors import ContentError

if TYPE_CHECKING:
    from .frameworks import Certification, Role, SkillFramework

CATEGORIES = {
    "foundations": "Foundations",
    "skill": "Skills",
    "core-duty": "Core duties",
    "methodology": "Methodologies",
    "certification": "Certifications",
}
LEVELS = ("beginner", "intermediate", "advanced")
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class Module:
    slug: str
    title: str
    summary: str
    category: str
    level: str
    tags: tuple[str, ...]
    minutes: int
    words: int
    prerequisites: tuple[str, ...]
    related: tuple[str, ...]
    contact_hours: float | None
    certifications: tuple[str, ...]
    body: str
    source: str  # path relative to the content folder's parent, for messages
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, 1)

    @property
    def category_name(self) -> str:
        return CATEGORIES[self.category]


@dataclass(frozen=True)
class LearningPath:
    slug: str
    title: str
    summary: str
    modules: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Task:
    id: str
    name: str


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    weight: float
    tasks: tuple[Task, ...] = ()


@dataclass(frozen=True)
class Break:
    after: int
    minutes: int


@dataclass(frozen=True)
class ExamBlueprint:
    id: str
    name: str
    body: str
    questions: int
    scored: int
    minutes: int
    breaks: tuple[Break, ...]
    domains: tuple[Domain, ...]
    result_kind: ResultKind
    pass_percent: float | None
    bands: tuple[Band, ...]
    approach_mix: str
    study_path: str | None  # the learning path that prepares for it
    notes: str
    source: str
    as_of: str
    file: str

    @property
    def grading(self) -> Grading:
        pass_percent = self.pass_percent if self.result_kind is ResultKind.PASS_MARK else None
        return Grading(pass_percent, self.bands, tuple(d.id for d in self.domains))

    def domain(self, domain_id: str) -> Domain | None:
        return next((d for d in self.domains if d.id == domain_id), None)

    @property
    def task_ids(self) -> set[str]:
        return {task.id for d in self.domains for task in d.tasks}


@dataclass(frozen=True, slots=True)  # slots: a catalog holds thousands
class Question:
    id: str
    bank: str
    type: QuestionType
    domain: str
    task: str | None
    approach: str | None
    style: str | None
    difficulty: str
    modules: tuple[str, ...]
    shuffle: bool
    stem: str
    title: str  # an editor's label (GIFT titles); "" when none
    options: tuple[Option, ...]
    pairs: tuple[Pair, ...]
    explanation: str
    version: str  # hash of everything a learner sees, so results can pin it
    source: str
    line: int

    def snapshot(self) -> QuestionSnapshot:
        """The question as a learner sees it, with its key: what an attempt stores."""
        return QuestionSnapshot(self.type, self.stem, self.explanation, self.options, self.pairs,
                                self.modules, self.task, self.difficulty)


@dataclass(frozen=True)
class Catalog:
    modules: dict[str, Module] = field(default_factory=dict)
    paths: dict[str, LearningPath] = field(default_factory=dict)
    exams: dict[str, ExamBlueprint] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)  # by id
    skills: "SkillFramework | None" = None  # None without skills.yaml
    roles: "dict[str, Role]" = field(default_factory=dict)  # career roles by id
    certifications: "dict[str, Certification]" = field(default_factory=dict)  # by id
    errors: tuple[ContentError, ...] = ()
    retired: frozenset[str] = frozenset()  # question ids taken out of use (kept for history)
    _banks: dict[str, list[Question]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        banks: dict[str, list[Question]] = {}
        for question in self.questions.values():
            if question.id not in self.retired:
                banks.setdefault(question.bank, []).append(question)
        object.__setattr__(self, "_banks", banks)

    def bank(self, bank: str) -> list[Question]:
        """The questions of one bank in use, in file order (indexed once, at load)."""
        return self._banks.get(bank, [])

    def in_use(self, question_id: str) -> Question | None:
        """A question that may be drawn and reviewed: it exists and is not retired."""
        return None if question_id in self.retired else self.questions.get(question_id)

    def bank_counts(self) -> dict[str, int]:
        return {bank: len(questions) for bank, questions in sorted(self._banks.items())}

    def paths_with(self, slug: str) -> list[LearningPath]:
        return [p for p in self.paths.values() if slug in p.modules]

    def summary(self) -> dict[str, Any]:
        return {
            "modules": len(self.modules),
            "paths": len(self.paths),
            "exams": len(self.exams),
            "questions": self.bank_counts(),
            "skills": len(self.skills.skills) if self.skills else 0,
            "roles": len(self.roles),
            "certifications": len(self.certifications),
            "errors": [e.as_dict() for e in self.errors],
        }
