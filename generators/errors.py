"""The one error type for bad input data, with a code and the place it was found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """Where in the input something was found; every part is optional."""

    file: str = ""
    line: int | None = None
    column: str = ""

    def __str__(self) -> str:
        parts = [self.file] if self.file else []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column:
            parts.append(f'column "{self.column}"')
        return ", ".join(parts)


class DataError(Exception):
    """Bad input: says where, what was expected, what was found, and a code.

    >>> str(DataError("negative-denominator", "expected a positive number, found \\"-3\\"",
    ...               Place("data/smoking.csv", 14, "Denominator")))
    'data/smoking.csv, line 14, column "Denominator": expected a positive number, found "-3" [negative-denominator]'
    """

    def __init__(self, code: str, message: str, place: Place | None = None) -> None:
        self.code = code
        self.message = message
        self.place = place or Place()
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.place)
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.message} [{self.code}]"


def raise_all(errors: list[DataError]) -> None:
    """Stop with the one error, or with all of them together; do nothing when there are none."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise DataErrors(errors)


class DataErrors(DataError):
    """Several data errors collected before stopping, reported together."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.code, first.message, first.place)

    def __str__(self) -> str:
        shown = [str(e) for e in self.errors[:60]]
        more = len(self.errors) - len(shown)
        if more:
            shown.append(f"... and {more} more")
        return "\n".join(shown)
