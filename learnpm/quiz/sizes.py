"""The lengths a simulation comes in, and how they are named on forms and assignments."""
from wtforms import SelectChoice

from ..catalog import ExamBlueprint
from ..domain.drawing import scaled_minutes


def simulation_sizes(exam: ExamBlueprint) -> list[int]:
    """The full exam, then a half, a quarter and ten questions (where shorter)."""
    full = exam.questions
    return sorted({full} | {n for n in (full // 2, full // 4, 10) if 5 <= n < full},
                  reverse=True)


def minutes_for(exam: ExamBlueprint, size: int) -> int:
    return exam.minutes if size == exam.questions else scaled_minutes(
        exam.minutes, exam.questions, size)


def exam_sizes(exam: ExamBlueprint) -> list[SelectChoice]:
    """Choices for the simulation form, each with its time at the real exam's pace."""
    return [SelectChoice(n, f"{'Full exam' if n == exam.questions else 'Short'}: {n} "
                            f"questions, {minutes_for(exam, n)} minutes")
            for n in simulation_sizes(exam)]


def assignable_sizes(exam: ExamBlueprint) -> list[int]:
    """What a mentor can ask for: the same lengths a learner can choose."""
    return simulation_sizes(exam)


def exam_size_label(exam: ExamBlueprint, size: int | None) -> str:
    if size is None:
        return f"{exam.name}: exam simulation"
    if size >= exam.questions:
        return f"{exam.name}: full exam simulation ({exam.questions} questions)"
    return f"{exam.name}: exam simulation of at least {size} questions"
