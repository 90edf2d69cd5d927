"""User-facing errors. Each one prints as a single line; the CLI maps them to
exit codes and never shows a traceback for them."""

from __future__ import annotations


class BordermapError(Exception):
    """Base of every error caused by what the user asked or gave."""

    exit_code = 1


class NoMatchError(BordermapError):
    """A name that the gazetteer does not know."""

    exit_code = 1

    def __init__(self, query: str, suggestions: tuple[str, ...] = ()):
        self.query = query
        self.suggestions = tuple(suggestions)
        text = f"no match for {query!r}"
        if self.suggestions:
            text += "; did you mean: " + "; ".join(self.suggestions)
        super().__init__(text)


class InvalidCoordinateError(BordermapError):
    """A latitude or longitude that is not a number or out of range."""

    exit_code = 2


class InputFileError(BordermapError):
    """A file the user gave that cannot be read; names the file and line."""

    exit_code = 2

    def __init__(self, path, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class GazetteerDataError(BordermapError):
    """The packaged gazetteer files are missing or damaged."""

    exit_code = 3
