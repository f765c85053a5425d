"""Column types shared by the models."""
from ..extensions import db


def enum_type(kind):
    """Store a Python enum by its value in a plain string column (portable across databases)."""
    return db.Enum(kind, native_enum=False, length=20,
                   values_callable=lambda e: [m.value for m in e])


class Labelled:
    """Mixin for status enums: 'exam_booked' reads as 'Exam booked'."""

    value: str

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()
