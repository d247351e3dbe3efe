"""The deterministic part of the safety layer: phrases that mean an overdose or a crisis, in every language.

Fast and auditable: every decision names the phrase that made it. Matching ignores case and
accents and needs whole words ("oded" matches, "good" does not). Two refinements keep false
alarms down without losing real ones:

- a crisis or emergency phrase right after a negation ("I don't want to die", "nie chcę umrzeć")
  does not count as that phrase (phrases that contain the negation, "don't want to live", still do);
- a phrase inside a question *about* overdose or crisis ("how do I know if someone is
  overdosing?", "signs of an overdose") is reported as a question (`QUESTION`), not an alarm.

This module imports nothing from the portal, so the chatbot's evaluation (Python 3.10) loads the
very same file to count what the net catches (chatbot/evaluation/heldout.py).
"""
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

try:
    from .. import paths

    PHRASES_FILE = paths.CONTENT / "safety" / "phrases.yml"
except ImportError:  # loaded on its own, by file, from Rasa's environment (chatbot/evaluation/heldout.py)
    PHRASES_FILE = Path(__file__).resolve().parents[3] / "content" / "safety" / "phrases.yml"
EMERGENCY = "emergency"
CRISIS = "crisis"
NEGATION_WINDOW = 2  # words before a phrase in which a negation cancels it


@dataclass(frozen=True)
class SafetyMatch:
    kind: str  # EMERGENCY or CRISIS
    phrase: str
    question: bool = False  # the phrase sits in a question about the subject, not a report of it
    topic: bool = False  # the phrase only names the subject ("overdose", "suicide"), not a state ("not breathing")


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes dropped, runs of space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    without_marks = re.sub(r"[’'`´]", "", without_marks)
    return re.sub(r"\s+", " ", without_marks).strip()


def _alternation(phrases) -> tuple[re.Pattern | None, dict[str, str]]:
    originals = {}
    for phrase in phrases:
        folded = fold(str(phrase))
        if folded:
            originals.setdefault(folded, str(phrase))
    if not originals:
        return None, {}
    # Longest first, so the reported phrase is the most specific one that matched.
    alternation = "|".join(re.escape(f) for f in sorted(originals, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), originals


@dataclass(frozen=True)
class _Lists:
    kinds: list  # [(kind, pattern, originals)], emergencies first
    negations: frozenset
    question: re.Pattern | None
    topics: tuple[str, ...]


@lru_cache(maxsize=2)
def _lists(path: Path) -> _Lists:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    kinds = []
    # Emergencies first: "he overdosed and I want to die too" needs the overdose steps at once.
    for kind in (EMERGENCY, CRISIS):
        pattern, originals = _alternation(p for phrases in data[kind].values() for p in phrases)
        kinds.append((kind, pattern, originals))
    negations = frozenset(fold(str(word)) for words in (data.get("negations") or {}).values() for word in words)
    question, _ = _alternation(p for cues in (data.get("questions") or {}).values() for p in cues)
    topics = tuple(fold(str(stem)) for stems in (data.get("topics") or {}).values() for stem in stems)
    return _Lists(kinds, negations, question, topics)


def _negated(folded: str, start: int, negations: frozenset) -> bool:
    before = re.findall(r"\w+", folded[:start])[-NEGATION_WINDOW:]
    return any(word in negations for word in before)


def check(message: str, phrases_file: Path | None = None) -> SafetyMatch | None:
    lists = _lists(phrases_file or PHRASES_FILE)
    folded = fold(message)
    for kind, pattern, originals in lists.kinds:
        if pattern is None:
            continue
        for found in pattern.finditer(folded):
            if _negated(folded, found.start(), lists.negations):
                continue
            question = bool(lists.question and lists.question.search(folded))
            topic = any(stem in found.group(0) for stem in lists.topics)
            return SafetyMatch(kind, originals[found.group(0)], question, topic)
    return None
