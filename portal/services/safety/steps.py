"""The emergency and crisis steps, and the "if it is happening now" line, in every language.

Read from content/safety/responses.yml (the assistant's action server reads the same file). On a
kiosk the cell bell and the Listener come first: nobody in a cell can call 999 themselves.
"""
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .. import languages, paths

RESPONSES_FILE = paths.CONTENT / "safety" / "responses.yml"
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Steps:
    kind: str  # "emergency" or "crisis"
    language: str
    title: str
    steps: tuple[str, ...]

    def as_text(self) -> str:
        return "\n".join([self.title, *(f"• {step}" for step in self.steps)])


@lru_cache(maxsize=4)
def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def responses(path: Path | None = None) -> dict:
    return _load(path or RESPONSES_FILE)


def _shown(text: str, code: str) -> str:
    """Numbers keep their order inside Arabic and Urdu steps ("116 123", not "123 116")."""
    return languages.isolate_ltr_runs(str(text), code)


def _language(section: dict, code: str) -> str:
    return code if code in section else DEFAULT_LANGUAGE


def steps_for(kind: str, code: str, kiosk: bool = False, path: Path | None = None) -> Steps:
    data = responses(path)
    code = _language(data[kind], code)
    entry = data[kind][code]
    steps = list(entry["steps"])
    if kind == "emergency" and code in data.get("self", {}):
        steps.insert(1, data["self"][code])  # right after "call 999": for whoever took too much
    if kiosk:
        steps = list(entry.get("kiosk_steps", [])) + steps
    return Steps(kind, code, _shown(entry["title"], code), tuple(_shown(step, code) for step in steps))


def emergency_steps(code: str, kiosk: bool = False) -> Steps:
    return steps_for("emergency", code, kiosk)


def crisis_steps(code: str, kiosk: bool = False) -> Steps:
    return steps_for("crisis", code, kiosk)


def question_line(topic: str, code: str, path: Path | None = None) -> str:
    section = responses(path)["question"]
    code = _language(section, code)
    return _shown(section[code][topic], code)


def sources() -> list[dict]:
    return list(responses().get("sources", []))


def reviewed() -> str:
    return str(responses().get("reviewed", ""))
