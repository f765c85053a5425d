"""An assignment in words, for e-mails and calendars (the pages use a template)."""
from ..catalog import Catalog
from ..models import Assignment, AssignmentKind
from ..quiz.sizes import exam_size_label


def work_title(item: Assignment, catalog: Catalog) -> str:
    if item.kind is AssignmentKind.MODULE and item.target in catalog.modules:
        return f"Read “{catalog.modules[item.target].title}”"
    if item.kind is AssignmentKind.PATH and item.target in catalog.paths:
        return f"The path “{catalog.paths[item.target].title}”"
    if item.target in catalog.exams:
        exam = catalog.exams[item.target]
        return (exam_size_label(exam, item.size) if item.kind is AssignmentKind.EXAM
                else f"{exam.name}: practice quiz")
    return item.target
