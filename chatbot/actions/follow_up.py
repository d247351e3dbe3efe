"""Follow-ups: a message with no topic of its own ("how do I use it?", "where is it?", "what time?")
is answered from the topic just discussed.

The topic is what the last answer was about: a guidance page id, "appointments" (the list of
appointments), "release-plan" or "champion"; the actions keep it in the slot `topic`. `resolve`
decides from the message, the conversation's language, the NLU ranking and that topic; it reads
its cue words from content/assistant/follow_ups.yml and imports nothing from Rasa, so it is tested
on its own (tests/test_follow_up.py).

A message is a follow-up when it asks something about a topic (an aspect: use, get, place, time,
who, bring, miss, contact, family, signs, cost, more), names no other topic, and either points back
(a pronoun: "it", "one", "them"), or is an aspect alone ("what time?"), or the NLU is unsure of it
and it is short or joins on ("and", "too", "we"). An aspect is not enough when the NLU is sure of
another intent: "where will I live?" after naloxone is about housing. A safety intent keeps its steps
unless the message is plainly a follow-up (it points back or is an aspect alone, names nothing, and
the model is not sure of the alarm); then it is answered, with the urgent-help line after it.
chatbot/README.md ("Follow-ups") gives the rules with their thresholds.
"""
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .content import content_root

APPOINTMENTS = "appointments"
RELEASE_PLAN = "release-plan"
CHAMPION = "champion"
PERSONAL_TOPICS = (APPOINTMENTS, RELEASE_PLAN, CHAMPION)

ASPECTS = ("use", "get", "place", "time", "who", "bring", "miss", "contact", "family", "signs", "cost", "more")
SAFETY_INTENTS = ("report_emergency", "express_crisis")
# Greeting, thanking, yes or no: a follow-up only when the message also asks something ("thanks, where is it?").
OWN_ANSWER_INTENTS = ("greet", "goodbye", "thank", "affirm", "deny")
# Intents that name no topic: read in a conversation about something, they are the NLU's shrug.
NO_TOPIC_INTENTS = ("out_of_scope", "nlu_fallback")

BARE = 2              # words: an aspect alone ("what time?", "unde e?", "kitne baje?") is always a follow-up
SHORT = 4             # words: "whats the address", "where do i go"
UNSURE = 0.6          # a short message the NLU is less sure of than this is read against the topic
LOW_CONFIDENCE = 0.35  # any message with an aspect the NLU is this unsure of is read against the topic
SAFETY_SURE = 0.9     # a safety intent the NLU is this sure of always gets the steps
SAFETY_UNSURE = 0.5   # below this, a safety intent on a message pointing back is read against the topic

# The group each topic belongs to, as named in the `names` of follow_ups.yml: a message naming its own
# topic's group ("where do I get naloxone?" after naloxone) is still read against the topic.
TOPIC_GROUPS = {
    "naloxone": "naloxone", "getting-naloxone": "naloxone", "family-naloxone": "naloxone",
    "recognising-overdose": "overdose", "mixing-substances": "overdose", "safer-use": "overdose",
    "tolerance-and-overdose-risk": "tolerance",
    "housing": "housing", "money-and-benefits": "money", "registering-with-a-gp": "gp",
    "medication-continuity": "medication", "treatment-services": "treatment", "mutual-aid": "mutual-aid",
    "probation": "probation", "release-day": "release", "first-week": "release",
    "recovery-champions": "champion", "champion-role-and-boundaries": "champion",
    APPOINTMENTS: "appointments", RELEASE_PLAN: "release", CHAMPION: "champion",
}
# After the champion, "when is the meeting?" (the word for an appointment in most of our languages) is
# still about the champion; after the appointments, "what if I miss probation?" still about them.
ALSO_ABOUT = {CHAMPION: {"appointments"}, RELEASE_PLAN: {"appointments", "probation"},
              APPOINTMENTS: {"probation"}}
# Between the personal topics a name moves the follow-up: after the appointments, "and my champion, when
# do I see him?" is about the champion.
NAMED_PERSONAL = {"champion": CHAMPION, "appointments": APPOINTMENTS}

# What a follow-up about a guidance page is answered with: another page for some aspects, else the same page.
NALOXONE_ASPECTS = {"use": "naloxone", "get": "getting-naloxone", "place": "getting-naloxone",
                    "cost": "getting-naloxone", "family": "family-naloxone", "signs": "recognising-overdose"}
PAGE_ASPECTS = {
    "naloxone": NALOXONE_ASPECTS,
    "getting-naloxone": NALOXONE_ASPECTS,
    "family-naloxone": NALOXONE_ASPECTS,
    "recognising-overdose": {"use": "naloxone", "get": "getting-naloxone"},
    "tolerance-and-overdose-risk": {"signs": "recognising-overdose", "use": "naloxone", "get": "getting-naloxone"},
}
# Missing an appointment (or a licence condition): the probation page says what happens and what to do.
MISSED_APPOINTMENT_PAGE = "probation"


@dataclass(frozen=True)
class Resolution:
    """A follow-up: what it is about and what answers it."""

    topic: str   # the topic followed up
    aspect: str  # what is asked about it
    urgent_line: bool = False  # the NLU read a safety intent: the answer ends with the urgent-help line

    @property
    def answer(self) -> tuple[str, str]:
        """("page", page id), or ("appointments" | "release-plan" | "champion", aspect)."""
        if self.topic in PERSONAL_TOPICS:
            if self.aspect == "miss":
                return ("page", MISSED_APPOINTMENT_PAGE)
            return (self.topic, self.aspect)
        return ("page", PAGE_ASPECTS.get(self.topic, {}).get(self.aspect, self.topic))


# --- Reading the words ----------------------------------------------------------------------------

# Letters typed several ways: Polish ł, Arabic and Urdu heh, yeh, kaf and noon forms (an Urdu writer on an
# Arabic keyboard and the reverse), ta marbuta as heh; apostrophes as '.
FOLD = str.maketrans({
    "ł": "l", "ß": "ss",
    "ة": "ه", "ہ": "ه", "ھ": "ه", "ۀ": "ه", "ۂ": "ه",
    "ی": "ي", "ى": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي", "ئ": "ي",
    "ک": "ك", "ں": "ن", "ؤ": "و", "ٱ": "ا",
    "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
    "\u0640": None,  # tatweel
})
# For the words pointing back, ta marbuta stays itself: "بشوفه" (I see him) ends in a pronoun, "الجلسة" (the
# session) does not, though people often type the second as "الجلسه".
FOLD_KEEPING_TA_MARBUTA = {**FOLD, ord("ة"): "ة"}
WORD = re.compile(r"[\w']+")


def normalise(text, fold=FOLD):
    """Lower case, accents and short vowels dropped, letter variants folded."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare).translate(fold)


def words(text, fold=FOLD):
    return [word.strip("'") for word in WORD.findall(normalise(text, fold)) if word.strip("'")]


@dataclass(frozen=True)
class Cue:
    parts: tuple  # one pattern per word: "word", "prefix*", "*suffix" or "*infix*"

    @classmethod
    def parse(cls, phrase):
        parts = []
        for part in str(phrase).split():
            head, tail = part.startswith("*"), part.endswith("*") and len(part) > 1
            core = normalise(part.strip("*")).strip("'")
            parts.append(("*" if head else "") + core + ("*" if tail else ""))
        return cls(tuple(parts))

    @property
    def weight(self):
        """How much text the cue matches: the longer cue wins between aspects."""
        return sum(len(part.strip("*")) for part in self.parts) + len(self.parts) - 1

    def matches(self, tokens):
        size = len(self.parts)
        return any(all(_word_matches(part, token) for part, token in zip(self.parts, tokens[i:i + size]))
                   for i in range(len(tokens) - size + 1))


def _word_matches(pattern, token):
    core = pattern.strip("*")
    if pattern.startswith("*") and pattern.endswith("*"):
        return core in token
    if pattern.endswith("*"):
        return token.startswith(core)
    if pattern.startswith("*"):
        # An attached pronoun ("أستخدمه"): the word must have a stem of its own before it.
        return token.endswith(core) and len(token) >= len(core) + 3
    return token == pattern


@dataclass(frozen=True)
class LanguageCues:
    refers: tuple  # pronouns pointing back: a follow-up whatever the NLU reads
    joins: tuple   # "and", "too", "we": a follow-up when the NLU is unsure
    aspects: dict  # aspect -> cues
    names: dict    # topic group -> cues


def _cues(entries):
    return tuple(Cue.parse(entry) for entry in entries or [])


@lru_cache(maxsize=1)
def _all_cues():
    path = content_root() / "assistant" / "follow_ups.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        language: LanguageCues(
            refers=_cues(entry.get("refers")),
            joins=_cues(entry.get("joins")),
            aspects={aspect: _cues(entry.get("aspects", {}).get(aspect)) for aspect in ASPECTS},
            names={group: _cues(cues) for group, cues in (entry.get("names") or {}).items()},
        )
        for language, entry in data.items()
    }


def cues_for(language):
    """The language's cues, then English ones (people mix in English words)."""
    cues = _all_cues()
    return [cues[code] for code in dict.fromkeys((language, "en")) if code in cues]


def aspect_of(tokens, language):
    """The aspect whose matching cue covers the most text, or None."""
    best, best_weight = None, 0
    for cues in cues_for(language):
        for aspect in ASPECTS:
            for cue in cues.aspects[aspect]:
                if cue.weight > best_weight and cue.matches(tokens):
                    best, best_weight = aspect, cue.weight
    return best


def refers_back(text, language):
    tokens = words(text, FOLD_KEEPING_TA_MARBUTA)
    return any(cue.matches(tokens) for cues in cues_for(language) for cue in cues.refers)


def joins_on(tokens, language):
    return any(cue.matches(tokens) for cues in cues_for(language) for cue in cues.joins)


def named_groups(tokens, language):
    return {group for cues in cues_for(language) for group, named in cues.names.items()
            if any(cue.matches(tokens) for cue in named)}


# --- Deciding -------------------------------------------------------------------------------------

def top_intent(ranking):
    """(name, confidence) of the NLU's best guess that is not nlu_fallback."""
    for guess in ranking or []:
        if guess.get("name") and guess["name"] != "nlu_fallback":
            return guess["name"], float(guess.get("confidence") or 0)
    return None, 0.0


def resolve(text, language, ranking, topic):
    """The follow-up this message is, or None when it is a question of its own (or nothing was discussed)."""
    if not topic or not _is_page_id(topic):
        return None
    intent, confidence = top_intent(ranking)
    if intent in NO_TOPIC_INTENTS:
        confidence = 0.0  # "out of scope" in a conversation about something is the sign of a follow-up
    tokens = words(text)
    if intent == "change_language" or not tokens or text.lstrip().startswith("/"):
        return None  # a button ("/get_naloxone") says what it wants
    named = named_groups(tokens, language)
    others = named - {TOPIC_GROUPS.get(topic, topic)} - ALSO_ABOUT.get(topic, set())
    if topic in PERSONAL_TOPICS and len(others) == 1 and next(iter(others)) in NAMED_PERSONAL:
        topic, others = NAMED_PERSONAL[others.pop()], set()
    if others:
        return None  # "what about housing?": a topic of its own
    aspect = aspect_of(tokens, language)
    points_back = refers_back(text, language)
    joined = joins_on(tokens, language)
    short = len(tokens) <= SHORT
    if aspect is None:
        # "and?", "what about that?", "do I need ID for that?": more of the same, unless the NLU is sure of
        # something else; a greeting or thanks stays one.
        if intent in OWN_ANSWER_INTENTS or named or not (points_back or joined and len(tokens) <= BARE):
            return None
        if confidence >= (UNSURE if short else LOW_CONFIDENCE):
            return None
        aspect = "more"

    if intent in SAFETY_INTENTS:
        plainly = (points_back or len(tokens) <= BARE) and not named and (
            (short and confidence < SAFETY_SURE) or confidence < SAFETY_UNSURE)
        return Resolution(topic, aspect, urgent_line=True) if plainly else None
    if points_back or len(tokens) <= BARE or ((short or joined) and confidence < UNSURE) \
            or confidence < LOW_CONFIDENCE:
        return Resolution(topic, aspect)
    return None


def _is_page_id(topic):
    """Topics are guidance page ids or the three personal topics, all written like page ids."""
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", topic))
