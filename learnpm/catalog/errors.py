"""Problems found in content files, each pinned to a file and line."""
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def as_dict(self) -> dict[str, str | int]:
        return {"path": self.path, "line": self.line, "message": self.message}


class ContentProblems:
    """Collects every problem in one pass, so an author sees them all at once."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def add(self, path: str, line: int, message: str) -> None:
        self.errors.append(ContentError(path, line, message))

    def __len__(self) -> int:
        return len(self.errors)
