"""Write the Rasa endpoints for this deployment, from the same settings the portal reads.

- Tracker store: the portal's SQL database (`DATABASE_URL`, PostgreSQL when configured); with the
  default SQLite portal database, a SQLite file beside it (two writers on one SQLite file would
  only get in each other's way). Several Rasa instances then share conversations.
- Lock store: Redis when `REDIS_URL` is set, so several Rasa instances never handle one
  conversation at the same time; in memory otherwise (one instance).

    python runtime_endpoints.py > .endpoints.runtime.yml
"""
import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent


def tracker_store(database_url: str) -> dict:
    if not database_url or database_url.startswith("sqlite"):
        path = REPO / "var" / "rasa-tracker.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        return {"type": "SQL", "dialect": "sqlite", "db": str(path)}
    parts = urlsplit(database_url.replace("postgresql+psycopg://", "postgresql://").replace("postgres://", "postgresql://"))
    store = {"type": "SQL", "dialect": "postgresql", "url": parts.hostname or "127.0.0.1",
             "port": parts.port or 5432, "db": parts.path.lstrip("/")}
    if parts.username:
        store["username"] = unquote(parts.username)
    if parts.password:
        store["password"] = unquote(parts.password)
    return store


def lock_store(redis_url: str) -> dict | None:
    if not redis_url:
        return None
    parts = urlsplit(redis_url)
    store = {"type": "redis", "url": parts.hostname or "127.0.0.1", "port": parts.port or 6379,
             "db": int(parts.path.lstrip("/") or 0), "key_prefix": "throughcare"}
    if parts.password:
        store["password"] = unquote(parts.password)
    return store


def endpoints(environ: dict) -> dict:
    config = {
        "action_endpoint": {"url": environ.get("ACTIONS_URL", "http://127.0.0.1:5055/webhook")},
        "tracker_store": tracker_store(environ.get("DATABASE_URL", "")),
    }
    lock = lock_store(environ.get("REDIS_URL", ""))
    if lock:
        config["lock_store"] = lock
    return config


if __name__ == "__main__":
    yaml.safe_dump(endpoints(dict(os.environ)), sys.stdout, sort_keys=False)
