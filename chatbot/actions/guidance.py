"""Answers from the guidance pages in content/<lang>/<topic-id>.md (the one source of truth).

Each page has YAML front matter (id, title, summary, key_steps, related, ...) and a Markdown
body; the assistant gives the summary and key steps and links to /guidance/<topic-id>, where
the portal shows the whole page.
"""
from dataclasses import dataclass, field

from rasa_sdk import Action

from . import topics
from .content import content_root, read_page
from .conversation import button, conversation_language
from .texts import DEFAULT_LANGUAGE, text

INTENT_TOPICS = {
    "ask_naloxone": "naloxone",
    "get_naloxone": "getting-naloxone",
    "ask_overdose_signs": "recognising-overdose",
    "ask_tolerance": "tolerance-and-overdose-risk",
    "ask_housing": "housing",
    "ask_benefits": "money-and-benefits",
    "ask_gp": "registering-with-a-gp",
    "ask_medication": "medication-continuity",
    "ask_treatment_service": "treatment-services",
    "ask_mutual_aid": "mutual-aid",
    "ask_family_support": "family-supporting-recovery",
}
TOPIC_INTENTS = {topic: intent for intent, topic in INTENT_TOPICS.items()}

# At most this many related pages are offered as buttons, so kiosk screens stay readable.
RELATED_BUTTONS = 2


@dataclass
class GuidancePage:
    id: str
    language: str
    title: str
    summary: str
    key_steps: list = field(default_factory=list)
    related: list = field(default_factory=list)

    @property
    def link(self):
        return f"/guidance/{self.id}"


def read_front_matter(path):
    page = read_page(path)
    return page[0] if page else None


def load_page(topic_id, language):
    """The page in language, or None if that language has no (readable) page."""
    path = content_root() / language / f"{topic_id}.md"
    if not path.is_file():
        return None
    data = read_front_matter(path)
    if not data or not data.get("summary"):
        return None
    return GuidancePage(
        id=str(data.get("id") or topic_id),
        language=language,
        title=str(data.get("title") or topic_id),
        summary=str(data["summary"]).strip(),
        key_steps=[str(step) for step in data.get("key_steps") or []],
        related=[str(r) for r in data.get("related") or []],
    )


def find_page(topic_id, language):
    """(page, in_english_instead): the page in language, else the English page."""
    page = load_page(topic_id, language)
    if page:
        return page, False
    if language != DEFAULT_LANGUAGE:
        page = load_page(topic_id, DEFAULT_LANGUAGE)
        if page:
            return page, True
    return None, False


def answer_text(page, language, in_english_instead):
    lines = []
    if in_english_instead:
        lines += [text("guidance_english_only", language), ""]
    lines += [page.title, page.summary, ""]
    lines += [f"{number}. {step}" for number, step in enumerate(page.key_steps, start=1)]
    lines += ["", text("guidance_read_more", language, link=page.link)]
    return "\n".join(lines).replace("\n\n\n", "\n\n").strip()


def next_step_buttons(page, language):
    """Related pages the assistant can answer about, then a person."""
    buttons = []
    for related_id in page.related:
        intent = TOPIC_INTENTS.get(related_id)
        if not intent:
            continue
        related_page, _ = find_page(related_id, language)
        if related_page:
            buttons.append(button(related_page.title, intent))
        if len(buttons) == RELATED_BUTTONS:
            break
    buttons.append(button(text("btn_talk_to_person", language), "human_handoff"))
    return buttons


def send_page(dispatcher, tracker, topic_id):
    """The page's summary, key steps and link, then next steps; the page becomes the topic."""
    language = conversation_language(tracker)
    page, in_english_instead = find_page(topic_id, language) if topic_id else (None, False)
    if not page:
        dispatcher.utter_message(
            text=text("guidance_missing", language),
            buttons=[button(text("btn_talk_to_person", language), "human_handoff")],
        )
        return []
    dispatcher.utter_message(text=answer_text(page, language, in_english_instead))
    dispatcher.utter_message(
        text=text("guidance_next_step", language),
        buttons=next_step_buttons(page, language),
    )
    return topics.remember(page.id)


class ActionAnswerFromGuidance(Action):
    def name(self):
        return "action_answer_from_guidance"

    def run(self, dispatcher, tracker, domain):
        events = topics.answer_follow_up(dispatcher, tracker)
        if events is not None:
            return events
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        return send_page(dispatcher, tracker, INTENT_TOPICS.get(intent))
