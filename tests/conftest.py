"""Fixtures: a real database (SQLite by default, PostgreSQL when TEST_DATABASE_URL is set),
migrated with Alembic once per run and emptied before each test; the app; a client; sign-in helpers."""
import os
from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import Session, SQLModel

from portal import create_app, demo_data, migrations_runner
from portal.db import make_engine
from portal.services.assistant import relay
from portal.services.clock import today_in_london
from tests.support import AuthActions


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        url = url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    migrations_runner.upgrade(url)
    return url


@pytest.fixture
def app(database_url):
    app = create_app("testing", {"DATABASE_URL": database_url, "RASA_URL": "http://127.0.0.1:9"})
    engine = app.extensions["db_engine"]
    _empty_tables(engine)
    relay.forget_status()
    yield app
    engine.dispose()


def _empty_tables(engine) -> None:
    with engine.begin() as connection:
        for table in reversed(SQLModel.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def db(app):
    with Session(app.extensions["db_engine"], expire_on_commit=False) as session:
        yield session


@pytest.fixture
def demo(db) -> date:
    """The demo people in their two prisons, with bare release plans, an empty inbox and no open requests;
    returns the day it was seeded for."""
    today = today_in_london()
    demo_data.seed(db, today, plan_details=False, activity=False)
    return today


@pytest.fixture
def full_demo(db) -> date:
    """The demo data exactly as `make run` loads it, checklists and appointments included."""
    today = today_in_london()
    demo_data.seed(db, today)
    return today


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def auth(client):
    return AuthActions(client)
