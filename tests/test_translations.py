"""Every interface string exists in all eight languages; Arabic and Urdu read right to left."""
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from portal.services import languages

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
CATALOG_LANGUAGES = [code for code in languages.CODES if code != "en"]  # English is the source


def _catalog(code):
    path = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"no catalog for {code}"
    with path.open("rb") as handle:
        return read_po(handle, locale=code)


def test_catalogs_exist_for_every_language():
    assert {p.name for p in TRANSLATIONS.iterdir() if p.is_dir()} >= set(CATALOG_LANGUAGES)


@pytest.mark.parametrize("code", CATALOG_LANGUAGES)
def test_catalog_is_complete_and_has_nothing_fuzzy(code):
    template = read_po((TRANSLATIONS / "messages.pot").open("rb"))
    catalog = _catalog(code)
    problems = []
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id)
        if translated is None:
            problems.append(f"missing: {message.id!r}")
            continue
        if translated.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        strings = translated.string if isinstance(translated.string, tuple) else (translated.string,)
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
    assert problems == []


@pytest.mark.parametrize("code", CATALOG_LANGUAGES)
def test_translations_keep_every_placeholder(code):
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]")
    for message in _catalog(code):
        if not message.id or not message.string:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for translated in strings:
            # A plural form for exactly one may say "one" in words instead of the number.
            needed = set(placeholder.findall(source)) - ({"%(num)d"} if isinstance(message.id, tuple) else set())
            assert needed <= set(placeholder.findall(translated)), (code, source, translated)


def test_the_pot_file_is_up_to_date_with_the_templates():
    """A string added to a template but never extracted would stay English: `make translations`."""
    import re

    pot = {message.id if isinstance(message.id, str) else message.id[0]
           for message in read_po((TRANSLATIONS / "messages.pot").open("rb"))}
    templates = Path(__file__).resolve().parent.parent / "portal" / "templates"
    call = re.compile(r'''\b_\(\s*"((?:[^"\\]|\\.)*)"''')
    missing = []
    for template in templates.rglob("*.html"):
        for text in call.findall(template.read_text(encoding="utf-8")):
            if text.replace('\\"', '"') not in pot:
                missing.append((template.name, text))
    assert missing == []


@pytest.mark.parametrize(("code", "direction"), [(lang.code, lang.direction) for lang in languages.LANGUAGES])
def test_pages_render_in_each_language_with_its_direction(client, code, direction):
    client.post("/language", data={"lang": code})  # CSRF is checked: this must not change anything
    page = client.get("/", headers={"Accept-Language": code}).get_data(as_text=True)
    assert f'<html lang="{code}" dir="{direction}">' in page


def test_language_choice_is_remembered_for_the_visitor(client):
    from tests.support import csrf_token_from

    token = csrf_token_from(client.get("/").get_data(as_text=True))
    client.post("/language", data={"lang": "ur", "next": "/auth/sign-in", "csrf_token": token})
    assert 'lang="ur" dir="rtl"' in client.get("/").get_data(as_text=True)


def test_language_choice_is_stored_on_the_account(demo, auth, client, db):
    from sqlmodel import select

    from portal.models import Person
    from tests.support import csrf_token_from

    auth.sign_in("staff@example.org")
    token = csrf_token_from(client.get("/staff/").get_data(as_text=True))
    client.post("/language", data={"lang": "cy", "csrf_token": token})
    staff = db.exec(select(Person).where(Person.email == "staff@example.org")).one()
    db.refresh(staff)
    assert staff.locale == "cy"


@pytest.mark.parametrize("code", ["ar", "ur"])
def test_numbers_in_arabic_and_urdu_strings_are_isolated_so_they_keep_their_order(code):
    """"116 123" inside Arabic would show as "123 116": the catalog carries the isolate marks."""
    unisolated = []
    for message in _catalog(code):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        unisolated += [s for s in strings if message.id and s and languages.isolate_ltr_runs(s, code) != s]
    assert not unisolated, ("run languages.isolate_ltr_runs over these msgstr (e.g. with babel's read_po/write_po): "
                            f"{unisolated}")


@pytest.mark.parametrize("text, isolated", [
    ("اتصل بالرقم 116 123 مجانًا", "اتصل بالرقم \u2066116 123\u2069 مجانًا"),
    ("الهاتف 0113 496 0500.", "الهاتف \u20660113 496 0500\u2069."),
    ("من 10:00–12:00", "من \u206610:00–12:00\u2069"),
    ("العنوان 12 Park Road, Leeds LS1 2AB", "العنوان \u206612 Park Road, Leeds LS1 2AB\u2069"),
    ("افتح /my/plan هنا", "افتح \u2066/my/plan\u2069 هنا"),
    ("اتصل بالرقم 999", "اتصل بالرقم 999"),  # a lone number keeps its order by itself
    ("على الرقم \u2066116 123\u2069،", "على الرقم \u2066116 123\u2069،"),  # never twice
    ("بقي %(num)d يوم", "بقي %(num)d يوم"),
])
def test_left_to_right_runs_are_isolated_in_right_to_left_text(text, isolated):
    assert languages.isolate_ltr_runs(text, "ar") == isolated
    assert languages.isolate_ltr_runs(text.replace("\u2066", "").replace("\u2069", ""), "en") == \
        text.replace("\u2066", "").replace("\u2069", "")  # left-to-right text is left alone
