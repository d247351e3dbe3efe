"""What one piece of free text means for safety: an emergency now, a crisis, a question about them, or nothing.

The phrases (phrases.py) and the trained model (model.py) both read every text. Recall comes
first: an emergency or crisis phrase is an alarm unless it was asked as a question, and the model
raises an alarm on its own for wording no list has. A question gets the guidance with "if it is
happening now, call 999" on top, and no urgent task: alarms that are not real make staff slower
on the ones that are.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from . import language as language_detection
from . import model, phrases

EMERGENCY = "emergency"
CRISIS = "crisis"
QUESTION = "question"
ALARMS = (EMERGENCY, CRISIS)
MAX_TEXT = 2000

# Chosen by cross-validation on the training examples (not on the independent sets): a lower bar for
# an alarm than for "question", because a needless alarm costs a staff member a minute and a missed
# one can cost a life.
ALARM_THRESHOLD = 0.35
PHRASE_AS_QUESTION = 0.5  # the model must be this sure of a question to read a listed topic word as one
# How sure the model must be that a text is ordinary (not about overdose or crisis at all) for the
# assistant's own safety intent to show the steps without paging staff: Rasa's intents fire on idioms
# ("my phone died") and on unrelated requests. Chosen on independent set 2, checked on set 3.
ORDINARY = 0.90
QUESTION_OVERRIDE = 0.80  # the model must be this sure of an emergency to overrule "asked as a question"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Assessment:
    kind: str | None  # EMERGENCY, CRISIS, QUESTION or None
    language: str | None  # the language the text is written in, when it can be told
    source: str | None = None  # "phrase", "model" or None: which layer decided
    detail: str = ""  # the phrase, or the model's score, for the audit trail and the evaluation
    ordinary: bool = False  # no phrase, and the model is sure the text is about something else entirely

    @property
    def alarm(self) -> bool:
        return self.kind in ALARMS

    @property
    def topic(self) -> str:
        """The subject of the steps or guidance: emergency (overdose) or crisis."""
        return CRISIS if self.kind == CRISIS or self.detail.startswith("crisis") else EMERGENCY


def clean(text: str) -> str:
    """The text as the layer reads it: no NUL or other control characters, at most MAX_TEXT characters."""
    return CONTROL_CHARACTERS.sub(" ", text or "")[:MAX_TEXT]


def assess(text: str, model_file: Path | None = None, phrases_file: Path | None = None) -> Assessment:
    text = clean(text)
    if not text.strip():
        return Assessment(None, None)
    scores = model.kind_scores(text, model_file) or {}
    match = phrases.check(text, phrases_file)
    kind, source, detail = decide(match, scores)
    if kind is None:
        return Assessment(None, None, ordinary=match is None and scores.get("none", 0) >= ORDINARY)
    # The writer's language matters only when there is something to show: the steps or a guidance line.
    language = language_detection.detect(text, model.language_of(text, model_file))
    return Assessment(kind, language, source, detail)


def decide(match, scores: dict) -> tuple[str | None, str | None, str]:
    """(kind, which layer decided, detail) from the phrase match and the model's scores."""
    emergency, crisis, question = scores.get(EMERGENCY, 0), scores.get(CRISIS, 0), scores.get(QUESTION, 0)
    if match and match.topic and not match.question and question >= PHRASE_AS_QUESTION \
            and max(emergency, crisis) < ALARM_THRESHOLD:
        # A word that only names the subject ("overdose", "suicide") in what the model reads as a question
        # about it. A state ("not breathing") is never read so: "how do I use naloxone, he's not breathing".
        return QUESTION, "phrase", f"{match.kind}: {match.phrase} (question {question:.2f})"
    if match and not match.question:
        # The model may know better which alarm: "I took too much" is an overdose, not a crisis.
        kind = EMERGENCY if match.kind == CRISIS and emergency > crisis + 0.3 else match.kind
        return kind, "phrase", match.phrase
    if match and match.question:
        if emergency >= QUESTION_OVERRIDE:
            return EMERGENCY, "model", f"{EMERGENCY} {emergency:.2f}"
        return QUESTION, "phrase", f"{match.kind}: {match.phrase}"
    if max(emergency, crisis) >= ALARM_THRESHOLD:
        kind = EMERGENCY if emergency >= crisis else CRISIS
        return kind, "model", f"{kind} {max(emergency, crisis):.2f}"
    if question >= 0.5:
        topic = CRISIS if crisis > emergency else EMERGENCY
        return QUESTION, "model", f"{topic}: question {question:.2f}"
    return None, None, ""
