"""Alembic environment: the portal's SQLModel tables, the URL from the portal's config."""
from alembic import context
from sqlmodel import SQLModel

import portal.models  # noqa: F401  (registers every table)
from portal.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def include_name(name, type_, parent_names):
    """Only the portal's own tables: Rasa keeps its tracker ("events") in the same database."""
    if type_ == "table":
        return name in target_metadata.tables or name == "alembic_version"
    return True


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is None:
        engine = make_engine(config.get_main_option("sqlalchemy.url"))
        with engine.connect() as connection:
            _run(connection)
        engine.dispose()
    else:
        _run(connectable)


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      compare_type=True, include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
