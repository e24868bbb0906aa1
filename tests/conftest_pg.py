"""Office-database fixtures (a pytest plugin): a throwaway PostgreSQL cluster and fresh office databases.

Load it with ``pytest_plugins = ["tests.conftest_pg"]`` (in tests/conftest.py). Fixtures:

* ``pg_cluster`` (session): the running :class:`tests.pg.PgCluster`, started on first use, stopped and
  removed at the end of the session (also on failure; atexit as a backup).
* ``pg_url`` (session): superuser URL of the database ``kiosk_test`` on it (shared by the session).
* ``empty_pg_url``: a fresh empty database ``t_<random>``, dropped after the test.
* ``office_pg`` / ``office_sqlite``: URL of a fresh office database upgraded to head (PostgreSQL: a copy
  of a database upgraded once per session, dropped after the test; an ``office.sqlite`` in ``tmp_path``).
* ``office_url``: parametrised over both (ids ``sqlite``, ``postgresql``); ``empty_office_url``: the same,
  not upgraded (for migration tests); ``office_db``: an Engine on ``office_url``, disposed afterwards.

Without PostgreSQL server binaries the PostgreSQL fixtures skip, naming the Debian package (postgresql);
with ``KIOSK_TEST_REQUIRE_POSTGRES=1`` (CI) they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from sync.db import default_office_url, office_engine, upgrade
from tests.pg import MISSING, PgCluster, find_bindir

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("KIOSK_TEST_REQUIRE_POSTGRES") not in (None, "", "0"):
            pytest.fail(MISSING, pytrace=False)
        pytest.skip(MISSING)
    cluster = PgCluster(bindir)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_url(pg_cluster: PgCluster) -> str:
    """Superuser URL (``postgresql+psycopg://postgres@127.0.0.1:PORT/kiosk_test``), shared by the session."""
    pg_cluster.create_database("kiosk_test")
    return pg_cluster.url("kiosk_test")


@pytest.fixture
def empty_pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """Superuser URL of a fresh, empty database, dropped (connections and all) after the test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    pg_cluster.create_database(name)
    try:
        yield pg_cluster.url(name)
    finally:
        pg_cluster.drop_database(name)


@pytest.fixture(scope="session")
def office_pg_template(pg_cluster: PgCluster) -> str:
    """The name of a database upgraded to head once per session, copied by ``office_pg`` (never connect
    to it: CREATE DATABASE … TEMPLATE needs it idle)."""
    name = "office_template"
    pg_cluster.create_database(name)
    upgrade(pg_cluster.url(name))  # disposes its engine: no connection stays open
    return name


@pytest.fixture
def office_pg(pg_cluster: PgCluster, office_pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL office database at head (superuser URL), dropped after the test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    pg_cluster.create_database(name, template=office_pg_template)
    try:
        yield pg_cluster.url(name)
    finally:
        pg_cluster.drop_database(name)


@pytest.fixture
def empty_sqlite_url(tmp_path: Path) -> str:
    return default_office_url(tmp_path)


@pytest.fixture
def office_sqlite(empty_sqlite_url: str) -> str:
    """A fresh office.sqlite in tmp_path at head."""
    upgrade(empty_sqlite_url)
    return empty_sqlite_url


@pytest.fixture(params=BACKENDS)
def office_url(request: pytest.FixtureRequest) -> str:
    """A fresh office database at head, on each backend in turn."""
    url: str = request.getfixturevalue(f"office_{'pg' if request.param == 'postgresql' else 'sqlite'}")
    return url


@pytest.fixture(params=BACKENDS)
def empty_office_url(request: pytest.FixtureRequest) -> str:
    """A fresh, empty (not migrated) office database, on each backend in turn."""
    url: str = request.getfixturevalue(f"empty_{'pg' if request.param == 'postgresql' else 'sqlite'}_url")
    return url


@pytest.fixture
def office_db(office_url: str) -> Iterator[Engine]:
    """An engine (sync.db.office_engine) on a fresh office database at head, on each backend in turn."""
    engine = office_engine(office_url)
    try:
        yield engine
    finally:
        engine.dispose()
