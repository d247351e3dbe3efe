import re
import string

from actions.texts import LANGUAGE_NAMES, LANGUAGES, SAFETY_FALLBACK, all_texts, by_key, text


def placeholders(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_exists_in_all_eight_languages():
    missing = [
        f"{key}:{code}" for key, by_language in all_texts().items()
        for code in LANGUAGES if not (by_language.get(code) or "").strip()
    ]
    assert missing == []


def test_translations_keep_the_same_placeholders():
    for key, by_language in all_texts().items():
        expected = placeholders(by_language["en"])
        for code in LANGUAGES:
            assert placeholders(by_language[code]) == expected, (key, code)


def test_translations_keep_links_and_phone_numbers():
    for key, by_language in all_texts().items():
        english = by_language["en"]
        for marker in re.findall(r"/[a-z-]+(?:/[a-z-]+)?|\b\d{3}(?: \d{3})?\b", english):
            for code in LANGUAGES:
                assert marker in by_language[code], (key, code, marker)


def test_built_in_safety_texts_cover_every_language():
    for kind in ("emergency", "crisis"):
        for code in LANGUAGES:
            entry = SAFETY_FALLBACK[kind][code]
            assert entry["title"].strip() and len(entry["steps"]) >= 3, (kind, code)
            assert any("999" in step for step in entry["steps"]), (kind, code)
        assert all(SAFETY_FALLBACK["crisis"][c]["kiosk_steps"] for c in LANGUAGES)


def test_every_language_has_its_own_name():
    assert set(LANGUAGE_NAMES) == set(LANGUAGES)


def test_text_falls_back_to_english_for_an_unknown_language():
    assert text("goodbye", "xx") == by_key("goodbye")["en"]
    assert text("release_date_is", "pl", name="Ania", date="1 grudnia 2026") == \
        "Ania, data twojego wyjścia to 1 grudnia 2026."
