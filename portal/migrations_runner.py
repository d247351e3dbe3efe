"""Running Alembic from the portal, with the portal's database URL."""
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from portal.config import REPO_ROOT


def alembic_config(database_url: str) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(REPO_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def new_revision(database_url: str, message: str) -> None:
    command.revision(alembic_config(database_url), message=message, autogenerate=True)


def differences(engine: Engine, metadata: MetaData | None = None) -> list:
    """What the models have that the migrated database does not (empty when they agree)."""
    import portal.models  # noqa: F401

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            # Rasa's tracker tables may share the database: only the portal's own are compared.
            "include_name": lambda name, type_, _parents: type_ != "table" or name in SQLModel.metadata.tables
            or name == "alembic_version"})
        return compare_metadata(context, metadata if metadata is not None else SQLModel.metadata)
