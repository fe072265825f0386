"""A user mistake in an input file, told as file, line and field so it can be fixed without a debugger."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_MESSAGE = 400


@dataclass
class InputError(Exception):
    file: Path | str
    message: str
    line: int | None = None
    field: str | None = None

    def __post_init__(self) -> None:
        """One line of readable length, whatever the input quoted in it holds (a CSV cell's line breaks)."""
        message = self.message.replace("\r", "\\r").replace("\n", "\\n")
        self.message = message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"

    def __reduce__(self) -> tuple:
        """Crosses from a validating worker process intact (a dataclass exception has no ``args``)."""
        return (InputError, (self.file, self.message, self.line, self.field))

    def __str__(self) -> str:
        where = str(self.file) + (f":{self.line}" if self.line else "")
        what = f" [{self.field}]" if self.field else ""
        return f"{where}:{what} {self.message}"
