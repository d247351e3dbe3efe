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
def _patterns(path: Path) -> list[tuple[str, re.Pattern, dict[str, str]]]:
    """One alternation per kind (a single scan of the message), and the phrase each folded form came from."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    patterns = []
    # Emergencies first: "he overdosed and I want to die too" needs the overdose steps at once.
    for kind in (EMERGENCY, CRISIS):
        originals = {}
        for phrases in data[kind].values():
            for phrase in phrases:
                folded = fold(str(phrase))
                if folded:
                    originals.setdefault(folded, str(phrase))
        # Longest first, so the reported phrase is the most specific one that matched.
        alternation = "|".join(re.escape(f) for f in sorted(originals, key=len, reverse=True))
        patterns.append((kind, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), originals))
    return patterns


def check(message: str, phrases_file: Path | None = None) -> SafetyMatch | None:
    folded = fold(message)
    for kind, pattern, originals in _patterns(phrases_file or PHRASES_FILE):
        found = pattern.search(folded)
        if found:
            return SafetyMatch(kind, originals[found.group(0)])
    return None
