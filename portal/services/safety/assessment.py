"""What one piece of free text means for safety: an emergency now, a crisis, a question about them, or nothing.

The phrases (phrases.py) and the trained model (model.py) both read every text. Recall comes
first: an emergency or crisis phrase is an alarm unless it was asked as a question, and the model
raises an alarm on its own for wording no list has. A question gets the guidance with "if it is
happening now, call 999" on top, and no urgent task: alarms that are not real make staff slower
on the ones that are.

Two kinds of alarm, because showing the steps costs a reader a glance and paging staff costs them
a minute each time:
- a sure one (`urgent`): the steps, and an urgent task that pages staff;
- a possible one: the model finds an alarm somewhat likely, or a phrase fired where the model
  doubts it. The person gets the same steps at once (recall comes first), and staff get a task to
  check, not a page; a second alarm from the same person or chat within two hours makes it urgent
  (screening.py).
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
PHRASE_AS_QUESTION = 0.6  # the model must be this sure of a question to read a listed topic word as one ("help overdose now" is not)
# When the layer raised nothing but the assistant's own safety intent fires, the person sees the steps
# either way; staff are paged only if the model finds an alarm at least this likely (or there is no
# model to ask). Rasa's intents fire on idioms ("my phone died") and on unrelated requests: with the
# old rule (page unless the model was 0.90 sure the text was ordinary) they doubled the false alarms.
# Chosen on sets 2 and 3, checked on set 4 (README, "Safety layer").
ASSISTANT_ALARM_SUPPORT = 0.10
# A crisis or topic phrase the model reads as calm (alarm below CALM_ALARM, question and ordinary together
# at least CALM_OTHER) is guidance, not an alarm. Chosen on sets 2 and 3, checked on set 4 (README).
CALM_ALARM = 0.10
CALM_OTHER = 0.80
# Sure or possible (chosen on sets 2-4 after the third round of examples, checked blind on set 5; README):
POSSIBLE_ALARM = 0.08  # the model's alarm score from which the steps are shown even though nothing else fired
POSSIBLE_IN_QUESTION = 0.10  # the same, for a text read as a question about the subject
URGENT_MODEL = 0.90  # an alarm the model alone raised pages staff from this score
URGENT_PHRASE = 0.20  # an alarm phrase pages staff when the model finds an alarm at least this likely
QUESTION_OVERRIDE = 0.80  # the model must be this sure of an emergency to overrule "asked as a question"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Assessment:
    kind: str | None  # EMERGENCY, CRISIS, QUESTION or None
    language: str | None  # the language the text is written in, when it can be told
    source: str | None = None  # "phrase", "model" or None: which layer decided
    detail: str = ""  # the phrase, or the model's score, for the audit trail and the evaluation
    suspicion: float | None = None  # the model's likeliest alarm when nothing fired; None without a model
    urgent: bool = False  # a sure alarm: staff are paged (a possible one gets the steps and a task to check)

    @property
    def alarm(self) -> bool:
        return self.kind in ALARMS

    @property
    def backs_an_alarm_from_elsewhere(self) -> bool:
        """Whether an alarm only the assistant's intents read should page staff (the steps are shown anyway)."""
        return self.kind is None and (self.suspicion is None or self.suspicion >= ASSISTANT_ALARM_SUPPORT)

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
    kind, source, detail, urgent = verdict(match, scores)
    if kind is None:
        return Assessment(None, None, suspicion=max(scores.get(EMERGENCY, 0), scores.get(CRISIS, 0)) if scores else None)
    # The writer's language matters only when there is something to show: the steps or a guidance line.
    language = language_detection.detect(text, model.language_of(text, model_file))
    return Assessment(kind, language, source, detail, urgent=urgent)


def verdict(match, scores: dict) -> tuple[str | None, str | None, str, bool]:
    """(kind, which layer decided, detail, urgent) from the phrase match and the model's scores: the whole
    decision, apart from reading the text (bench/safety_layer_sets.py replays it over stored scores)."""
    kind, source, detail = decide(match, scores)
    urgent = kind in ALARMS and is_sure(source, match, scores)
    if kind not in ALARMS:
        kind, source, detail = possible(kind, source, detail, scores)
    return kind, source, detail, urgent


def is_sure(source: str | None, match, scores: dict) -> bool:
    """Whether an alarm pages staff: without a model every alarm does (the phrases alone cannot weigh it)."""
    if not scores:
        return True
    alarm = max(scores.get(EMERGENCY, 0), scores.get(CRISIS, 0))
    if source == "phrase" and match is not None:
        return alarm >= URGENT_PHRASE
    return alarm >= URGENT_MODEL


def possible(kind: str | None, source: str | None, detail: str, scores: dict) -> tuple[str | None, str | None, str]:
    """A possible alarm in a text nothing else read as one: (kind, source, detail), unchanged when there is none."""
    if not scores:
        return kind, source, detail
    emergency, crisis = scores.get(EMERGENCY, 0), scores.get(CRISIS, 0)
    if max(emergency, crisis) >= (POSSIBLE_IN_QUESTION if kind == QUESTION else POSSIBLE_ALARM):
        alarm = EMERGENCY if emergency >= crisis else CRISIS
        return alarm, "model", f"possible {alarm} {max(emergency, crisis):.2f}"
    return kind, source, detail


def decide(match, scores: dict) -> tuple[str | None, str | None, str]:
    """(kind, which layer decided, detail) from the phrase match and the model's scores."""
    emergency, crisis, question = scores.get(EMERGENCY, 0), scores.get(CRISIS, 0), scores.get(QUESTION, 0)
    if match and match.topic and not match.question and question >= PHRASE_AS_QUESTION \
            and max(emergency, crisis) < ALARM_THRESHOLD:
        # A word that only names the subject ("overdose", "suicide") in what the model reads as a question
        # about it. A state ("not breathing") is never read so: "how do I use naloxone, he's not breathing".
        return QUESTION, "phrase", f"{match.kind}: {match.phrase} (question {question:.2f})"
    if match and (match.topic or match.kind == CRISIS) and max(emergency, crisis) < CALM_ALARM \
            and question + scores.get("none", 0) >= CALM_OTHER:
        # A crisis word or a topic word where the model is sure nothing is happening now: said in the past
        # or denied ("a few months ago I thought about killing myself, I'm better now; can I keep my
        # counsellor?", "my friend used to self-harm, how do I support her?"). Guidance with the
        # emergency line on top, no page. A state ("not breathing", "unconscious") is never read so.
        return QUESTION, "phrase", f"{match.kind}: {match.phrase} (calm {question + scores.get('none', 0):.2f})"
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
