"""Writing results safely, and reporting skipped records."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import click


@contextlib.contextmanager
def atomic_output(path: str | None, newline: str | None = None):
    """Standard output, or a file that appears only when writing succeeded
    (a temporary file beside it, renamed at the end): an interrupted run
    never leaves a half-written file in place of the old one."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise click.UsageError(f"cannot write {path}: no folder {folder}")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise click.UsageError(f"cannot write {path}: permission denied")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as f:
            yield f
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def report_bad_records(error: Exception) -> int:
    click.echo(f"bordermap: {error}", err=True)
    return 1
