"""Errors of the export layer; user errors are BordermapErrors, printed as
one line by the CLI."""

from __future__ import annotations

from gazetteer.errors import BordermapError


class OutputFileError(BordermapError):
    """An output file that cannot be written: no such folder, no permission,
    a folder in its place, or a file type the exporter does not know."""

    exit_code = 2

    def __init__(self, path, message: str):
        self.path = str(path)
        self.message = message
        super().__init__(f"cannot write {self.path}: {message}")


class MissingDependencyError(BordermapError):
    """A package a file format needs is not installed."""

    exit_code = 3

    def __init__(self, package: str, what: str):
        self.package = package
        super().__init__(f"{what} needs the '{package}' package: pip install {package}")
