"""The guidance content itself: every required topic in all eight languages, complete and readable."""

import pytest
import textstat

from portal.services import languages
from portal.services.content import guidance
from tests.support import REPO

CONTENT = REPO / "content"
REQUIRED_TOPICS = {
    "release-day", "first-week", "tolerance-and-overdose-risk", "recognising-overdose", "naloxone",
    "getting-naloxone", "mixing-substances", "safer-use", "medication-continuity", "treatment-services",
    "registering-with-a-gp", "housing", "money-and-benefits", "probation", "mutual-aid", "recovery-champions",
    "mental-health-and-crisis", "family-preparing-for-release", "family-supporting-recovery", "family-naloxone",
    "family-looking-after-yourself", "family-keeping-in-touch", "champion-role-and-boundaries",
}
MIN_READING_EASE = 60


@pytest.fixture(scope="module")
def library():
    # Loading parses every page: a malformed page (bad YAML, missing field, wrong id) fails here.
    return guidance.GuidanceLibrary(CONTENT, languages.CODES)


@pytest.mark.parametrize("code", languages.CODES)
def test_every_required_topic_exists_in_each_language(library, code):
    assert REQUIRED_TOPICS - library.topic_ids(code) == set()


def test_every_language_has_the_same_set_of_pages(library):
    english = library.topic_ids("en")
    for code in languages.CODES:
        assert library.topic_ids(code) == english, code


@pytest.mark.parametrize("code", languages.CODES)
def test_pages_have_sources_summary_and_a_reviewed_date(library, code):
    for topic in library.topic_ids(code):
        page, fallback = library.page(topic, code)
        assert not fallback
        assert page.sources, (code, topic)
        assert page.summary and page.reviewed, (code, topic)
        assert set(page.related) <= library.topic_ids("en"), (code, topic)


def test_translations_share_front_matter_that_must_not_differ(library):
    for topic in library.topic_ids("en"):
        english = library.page(topic, "en")[0]
        for code in languages.CODES:
            page = library.page(topic, code)[0]
            assert (page.audience, page.related, page.reviewed) == (english.audience, english.related, english.reviewed), (code, topic)
            assert len(page.key_steps) == len(english.key_steps), (code, topic, "every key step must be kept")


@pytest.mark.parametrize("topic", sorted(REQUIRED_TOPICS))
def test_english_pages_are_easy_to_read(library, topic):
    page = library.page(topic, "en")[0]
    score = textstat.flesch_reading_ease(page.plain_text)
    assert score >= MIN_READING_EASE, f"{topic} scores {score:.0f}: shorter sentences, plainer words"


def test_safety_numbers_survive_translation(library):
    for topic in library.topic_ids("en"):
        english = library.page(topic, "en")[0]
        numbers = {n for n in ("999", "116 123", "111") if n in english.body_markdown + " ".join(english.key_steps)}
        for code in languages.CODES:
            page = library.page(topic, code)[0]
            text = page.body_markdown + " ".join(page.key_steps)
            assert all(n in text for n in numbers), (code, topic, numbers)


def test_a_page_without_sources_is_refused(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.md").write_text("---\nid: x\ntitle: X\naudience: [family]\nsummary: S.\nreviewed: 2026-01-01\n---\nBody\n")
    with pytest.raises(guidance.ContentError, match="sources"):
        guidance.GuidanceLibrary(tmp_path, ("en",))


def test_a_page_whose_id_differs_from_its_file_name_is_refused(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.md").write_text(
        "---\nid: y\ntitle: X\naudience: [family]\nsummary: S.\nreviewed: 2026-01-01\n"
        "sources:\n  - {title: NHS, url: 'https://www.nhs.uk/'}\n---\nBody\n")
    with pytest.raises(guidance.ContentError, match="does not match"):
        guidance.GuidanceLibrary(tmp_path, ("en",))
