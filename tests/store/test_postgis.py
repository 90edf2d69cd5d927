"""The PostGIS store against a real server: its own schema, GiST indexes,
clear one-line errors for a server that cannot be reached or written."""

from __future__ import annotations

import pytest

from maps.errors import StoreError
from maps.ingest import ingest
from maps.store import open_store, read_store_events
from maps.store.postgis import safe_url, split_url


def test_urls():
    assert split_url("postgresql://u@h/db?schema=news&sslmode=disable") == (
        "postgresql://u@h/db?sslmode=disable", "news")
    assert split_url("postgresql://u@h/db") == ("postgresql://u@h/db", "bordermap")
    assert safe_url("postgresql://me:secret@h:5432/db") == "postgresql://me:***@h:5432/db"


def test_no_server_fails_at_once_without_the_password():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://me:secret@127.0.0.1:1/none")
    message = str(info.value)
    assert message.startswith("cannot use the store postgresql://me:***@127.0.0.1:1/none: ")
    assert "secret" not in message and "\n" not in message


@pytest.mark.db
def test_tables_and_spatial_indexes(pg_url, corpus):
    import psycopg

    ingest([corpus], pg_url)
    base, schema = split_url(pg_url)
    with psycopg.connect(base) as conn:
        tables = {row[0] for row in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (schema,))}
        assert tables == {"articles", "mentions", "events", "incidents", "shapes", "bordermap_meta"}
        gist = {row[0] for row in conn.execute(
            "SELECT tablename FROM pg_indexes WHERE schemaname = %s AND indexdef LIKE '%%USING gist%%'",
            (schema,))}
        assert gist == {"mentions", "events", "incidents", "shapes"}
        srids = {row[0] for row in conn.execute(
            "SELECT srid FROM geometry_columns WHERE f_table_schema = %s", (schema,))}
        assert srids == {4326}
        (valid,) = conn.execute(f'SELECT bool_and(ST_IsValid(geom)) FROM "{schema}".events').fetchone()
        assert valid


@pytest.mark.db
def test_a_store_that_cannot_be_written_fails_before_any_work(postgres_server, corpus):
    import psycopg

    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS bordermap_reader")
        conn.execute("CREATE ROLE bordermap_reader LOGIN")
        conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    reader = postgres_server.replace("postgres@", "bordermap_reader@")
    with pytest.raises(StoreError, match="permission denied") as info:
        ingest([corpus], f"{reader}?schema=cannot_write", on_bad_record=pytest.fail)
    assert info.value.exit_code == 2
    with pytest.raises(StoreError, match="no bordermap store in schema 'nothing_here'"):
        read_store_events(f"{postgres_server}?schema=nothing_here")


@pytest.mark.db
def test_bad_urls_and_read_only_roles_fail_before_any_work(postgres_server, pg_url, corpus):
    import psycopg

    ingest([corpus], pg_url)
    base, schema = split_url(pg_url)
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS bordermap_viewer")
        conn.execute("CREATE ROLE bordermap_viewer LOGIN")
        conn.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO bordermap_viewer')
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO bordermap_viewer')
    viewer = pg_url.replace("postgres@", "bordermap_viewer@")
    port = postgres_server.rsplit(":", 1)[1].split("/")[0]
    for url, message in ((viewer, "permission denied for table bordermap_meta"),
                         (base.rsplit("/", 1)[0] + "/no_such_db", 'database "no_such_db" does not exist'),
                         (base.replace(port, "notaport"), 'invalid integer value "notaport"'),
                         (f"{base}?sslmode=sometimes", "sslmode")):
        with pytest.raises(StoreError, match=message) as info:
            ingest([corpus], url, on_bad_record=pytest.fail)
        assert info.value.exit_code == 2 and "\n" not in str(info.value)
    assert len(read_store_events(viewer)) == len(read_store_events(pg_url)) > 0, "reading needs no more"
