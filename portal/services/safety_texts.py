"""The emergency and crisis steps, in every language, from content/safety/responses.yml."""
from functools import lru_cache
from pathlib import Path

import yaml

from portal.config import Config


@lru_cache(maxsize=4)
def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _responses() -> dict:
    return _load(Path(Config.CONTENT_DIR) / "safety" / "responses.yml")


def _steps(kind: str, code: str, kiosk: bool) -> dict:
    by_language = _responses()[kind]
    entry = by_language.get(code) or by_language["en"]
    steps = list(entry["steps"])
    if kiosk:
        steps = list(entry.get("kiosk_steps", [])) + steps
    return {"title": entry["title"], "steps": steps}


def emergency_steps(code: str, kiosk: bool = False) -> dict:
    return _steps("emergency", code, kiosk)


def crisis_steps(code: str, kiosk: bool = False) -> dict:
    return _steps("crisis", code, kiosk)


def sources() -> list[dict]:
    return list(_responses().get("sources", []))


def reviewed() -> str:
    return str(_responses().get("reviewed", ""))
