"""The deterministic safety net: phrases that mean an overdose or a crisis, in every language.

It runs on every chat message before anything else, so it works even when the assistant is down.
Matching ignores case and accents and needs whole words ("oded" matches, "good" does not).
This module imports nothing from the portal, so the chatbot's evaluation (Python 3.10) loads the
very same file to count what the net catches (chatbot/evaluation/heldout.py).
"""
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml


PHRASES_FILE = Path(__file__).resolve().parents[2] / "content" / "safety" / "phrases.yml"
EMERGENCY = "emergency"
CRISIS = "crisis"


@dataclass(frozen=True)
class SafetyMatch:
    kind: str  # EMERGENCY or CRISIS
    phrase: str


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes dropped, runs of space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    without_marks = re.sub(r"[’'`´]", "", without_marks)
    return re.sub(r"\s+", " ", without_marks).strip()


@lru_cache(maxsize=2)
def _patterns(path: Path) -> list[tuple[str, str, re.Pattern]]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    patterns = []
    # Emergencies first: "he overdosed and I want to die too" needs the overdose steps at once.
    for kind in (EMERGENCY, CRISIS):
        for phrases in data[kind].values():
            for phrase in phrases:
                folded = fold(str(phrase))
                if folded:
                    patterns.append((kind, phrase, re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)")))
    return patterns


def check(message: str, phrases_file: Path | None = None) -> SafetyMatch | None:
    folded = fold(message)
    for kind, phrase, pattern in _patterns(phrases_file or PHRASES_FILE):
        if pattern.search(folded):
            return SafetyMatch(kind, phrase)
    return None
