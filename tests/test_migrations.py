"""The migrations build exactly the tables the models describe."""
from portal import migrations_runner


def test_models_and_migrations_agree(app):
    differences = migrations_runner.differences(app.extensions["db_engine"])
    assert differences == [], f"run `flask db-revision` to write a migration for: {differences}"


def test_a_model_change_without_a_migration_is_detected(app):
    from sqlalchemy import Column, Integer, MetaData
    from sqlmodel import SQLModel

    changed = MetaData()
    for table in SQLModel.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["prisons"].append_column(Column("not_migrated", Integer))
    differences = migrations_runner.differences(app.extensions["db_engine"], changed)
    assert [diff[0] for diff in differences] == ["add_column"]
