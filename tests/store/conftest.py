"""Fixtures of the store tests: synthetic corpora, and a throw-away
PostgreSQL server with PostGIS on 127.0.0.1 (a free port, a temporary data
folder, started once per session as the ``postgres`` user when run as root,
stopped and removed at the end; never the system's own cluster).

Without PostgreSQL or PostGIS installed, the PostGIS tests are skipped with
the reason, unless ``CI`` is set: there they fail, since the project's set-up
(``make test`` → ``make postgres``) installs both.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

SMALL = 150  # articles in the small synthetic corpus
MISSING = ("PostgreSQL with PostGIS is not installed (`make postgres`, or apt-get install postgresql "
           "postgresql-15-postgis-3)")


def server_binaries() -> Path | None:
    """The folder of initdb/pg_ctl/postgres, when PostgreSQL and PostGIS are installed."""
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                     key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0)
    which = shutil.which("initdb")
    if which:
        folders.append(str(Path(which).resolve().parent))
    for folder in reversed(folders):
        bindir = Path(folder)
        if not (bindir / "initdb").exists() or not (bindir / "pg_ctl").exists():
            continue
        try:
            share = subprocess.run([str(bindir / "pg_config"), "--sharedir"], capture_output=True, text=True,
                                   check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            share = f"/usr/share/postgresql/{bindir.parent.name}"
        if (Path(share) / "extension" / "postgis.control").exists():
            return bindir
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server with PostGIS, for this session only."""
    bindir = server_binaries()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail(f"{MISSING}; under CI the set-up must install it")
        pytest.skip(MISSING)
    root = Path(tempfile.mkdtemp(prefix="bordermap-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: the server runs as postgres
        import pwd

        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    data, log = root / "data", root / "server.log"

    def run(*args):
        return subprocess.run([*prefix, *map(str, args)], capture_output=True, text=True, timeout=120)

    done = run(bindir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
    if done.returncode == 0:
        done = run(bindir / "pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o",
                   f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
                   "start")
    if done.returncode != 0:
        text = done.stderr + (log.read_text() if log.exists() else "")
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start a PostgreSQL server: {text}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(bindir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_server):
    """A store URL of its own (a fresh schema), dropped after the test."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    yield f"{postgres_server}?schema={schema}"
    import psycopg

    with contextlib.suppress(psycopg.Error), psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["gpkg", pytest.param("postgis", marks=pytest.mark.db)])
def db(request, tmp_path):
    """A new store of each backend: a GeoPackage path, a PostGIS URL."""
    if request.param == "gpkg":
        return str(tmp_path / "events.gpkg")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, gaz):
    """A JSONL file of SMALL synthetic articles."""
    from maps.store.synthetic import write_jsonl

    return str(write_jsonl(tmp_path_factory.mktemp("corpus") / "news.jsonl", SMALL, seed=7, gazetteer=gaz,
                           per_day=10))


@pytest.fixture(scope="session")
def corpus_frame(corpus, gaz):
    """The events of ``corpus`` as ``maps.geo_events`` gives them (every
    article grouped at once): what a store must hold after ingesting it."""
    from maps import geo_events

    return geo_events([corpus], gazetteer=gaz)
