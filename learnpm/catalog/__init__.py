"""The content catalog: modules, paths, exams and questions read from files. No DB, no Flask."""
from .entries import Catalog, ExamBlueprint, LearningPath, Module, Question
from .errors import ContentError
from .loader import load

__all__ = ["Catalog", "ContentError", "ExamBlueprint", "LearningPath", "Module", "Question", "load"]
