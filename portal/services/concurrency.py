"""Optimistic locking: a save succeeds only if nobody saved the row since the form was opened."""
from sqlalchemy import update
from sqlmodel import Session, SQLModel

from portal.services.clock import now_utc
from portal.services.errors import StaleEdit


def save_versioned(session: Session, row: SQLModel, expected_version: int, changes: dict) -> None:
    """Write `changes` to `row` if its version in the database is still `expected_version`.

    The check and the write are one UPDATE ... WHERE version = :expected, so two people saving
    at the same moment cannot both win; the loser gets StaleEdit and keeps their input.
    The caller commits, together with its audit record, so a change is never saved unaudited.
    """
    table = type(row)
    values = {**changes, "version": expected_version + 1}
    if "updated_at" in table.model_fields:
        values["updated_at"] = now_utc()
    result = session.execute(
        update(table).where(table.id == row.id, table.version == expected_version).values(**values)
    )
    if result.rowcount != 1:
        session.rollback()
        raise StaleEdit("stale_edit")
    session.refresh(row)
