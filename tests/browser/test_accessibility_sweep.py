"""Every page, for every kind of visitor, on the kiosk and on a phone, in English and in Arabic
(right to left), passes axe-core's WCAG 2.2 A and AA rules. The pages are listed in pages.py."""
from urllib.parse import urlsplit

import pytest

from portal.web.access import API_TOKEN, PUBLIC, rule_for
from tests.browser import journeys
from tests.browser.accessibility import describe, violations_on
from tests.browser.pages import VISITORS, endpoint_for, is_page, listed_endpoints

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "ar")  # Arabic for right-to-left; the other six share English's direction
LINKS = "els => els.map(a => a.href)"
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("device", ["kiosk", "phone"])
@pytest.mark.parametrize("visitor", VISITORS, ids=lambda visitor: visitor.name)
def test_every_page_meets_wcag_2_2_aa(open_page, portal, visitor, device, language):
    page = open_page(device)
    script_errors = []  # scripts that failed, or that our Content-Security-Policy refused

    def note_refusal(message):
        if "Content Security Policy" in message.text:
            script_errors.append(f"{page.url}: {message.text}")

    page.on("pageerror", lambda error: script_errors.append(f"{page.url}: {error}"))
    page.on("console", note_refusal)

    if visitor.sign_in:
        visitor.sign_in(page)
    else:
        page.goto("/")
    journeys.choose_language(page, language)

    listed = listed_endpoints(portal.app, visitor)
    problems, unlisted = [], {}
    for visit in visitor.pages:
        visit.open(page, portal.app)
        where = f"{visit.label} (at {urlsplit(page.url).path})"
        if page.locator("html").get_attribute("lang") != language:
            problems.append(f"{where}: the page is not in the chosen language {language!r}")
        if not page.locator("aside.emergency-strip").is_visible():
            problems.append(f"{where}: the emergency strip is missing")
        if page.evaluate(SIDEWAYS) > 1:
            problems.append(f"{where}: the page is wider than the screen, so it scrolls sideways (WCAG 1.4.10)")
        violations = violations_on(page)
        if violations:
            problems.append(f"{where}:\n{describe(violations)}")
        for href in page.locator("a[href]").evaluate_all(LINKS):
            if not href.startswith(portal.url + "/") or urlsplit(href).path == urlsplit(page.url).path:
                continue  # another site, or a place on this page (the skip link)
            endpoint = endpoint_for(portal.app, href)
            if endpoint is None:
                problems.append(f"{where}: links to {href}, which does not exist")
            elif is_page(endpoint) and endpoint not in listed:
                unlisted.setdefault(urlsplit(href).path, where)

    assert not problems, f"{visitor.name} on the {device} in {language}:\n" + "\n".join(problems)
    assert not unlisted, (
        f"pages linked for {visitor.name} but missing from VISITORS in tests/browser/pages.py, so never checked: "
        + ", ".join(f"{path} (linked from {source})" for path, source in unlisted.items())
    )
    assert not script_errors, "\n".join(script_errors)


def test_every_page_in_the_url_map_is_listed(portal):
    """A route someone adds is checked by the sweep only once it is in pages.py: this says when it is not."""
    app = portal.app
    missing = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not is_page(rule.endpoint):
            continue
        access = rule_for(app, rule.endpoint)
        if access == API_TOKEN:
            continue
        for visitor in VISITORS:
            may_open = visitor.role is None if access == PUBLIC else visitor.role in access
            if may_open and rule.endpoint not in listed_endpoints(app, visitor):
                missing.append(f"{rule.rule} for {visitor.name}")
    assert not missing, "add these to VISITORS in tests/browser/pages.py: " + ", ".join(missing)
