"""Every page the browser tests visit, for each kind of visitor: the one list to extend.

When a feature adds a page, add a `Visit` for it to each visitor who can open it. Two checks keep
this list complete: `test_every_page_in_the_url_map_is_listed` compares it with the app's routes,
and the sweep fails when a page it visits links to a page that is not listed here.

A visit's path is either a plain path ("/chat/") or a route with a variable
("/staff/people/<int:person_id>"). The latter is reached from the page `via` by following the first
link to it (through the routes listed after `via`'s first path, if any), so ids come from the demo
data. `then` brings the page into a state worth checking: a form showing its errors, the language
menu open, a chat after a message.
"""
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask
from playwright.sync_api import Page
from werkzeug.exceptions import HTTPException

from portal.models import Role
from tests.browser import journeys


@dataclass(frozen=True)
class Visit:
    path: str
    via: str | tuple[str, ...] = ()
    then: Callable[[Page], None] | None = None
    state: str = ""

    @property
    def label(self) -> str:
        return f"{self.path} [{self.state}]" if self.state else self.path

    def open(self, page: Page, app: Flask) -> None:
        steps = (self.via,) if isinstance(self.via, str) else self.via
        if steps:
            page.goto(steps[0])
            for rule in (*steps[1:], self.path):
                endpoint = endpoint_of_rule(app, rule)
                journeys.follow_first_link(page, lambda url, wanted=endpoint: endpoint_for(app, url) == wanted)
        else:
            page.goto(self.path)
        if self.then:
            self.then(page)
        # A form sent by `then` navigates: measure nothing until its stylesheet has loaded too.
        page.wait_for_load_state("load")


@dataclass(frozen=True)
class Visitor:
    name: str
    role: Role | None  # None: not signed in
    sign_in: Callable[[Page], None] | None
    pages: tuple[Visit, ...]
    # Pages this visitor can open that look the same as they do for another visitor, checked there.
    same_as_checked_elsewhere: tuple[Visit, ...] = ()


def _password(identifier: str) -> Callable[[Page], None]:
    return lambda page: journeys.sign_in_with_password(page, identifier)



# Pages everyone signed in reaches from the navigation, the home page and the emergency strip. They
# look the same for every role in a layout, so they are checked for one person per layout (the
# prisoner on the kiosk layout, the released person on the phone layout), which keeps the sweep fast;
# the other roles visit their own pages and /guidance/ (whose list depends on who reads it).
def signed_in_shared(topics_via: str = "/guidance/") -> tuple[Visit, ...]:
    return (
        Visit("/guidance/"),
        Visit("/guidance/<topic_id>", via=topics_via),
        Visit("/services/"),
        Visit("/chat/"),
        Visit("/chat/", then=journeys.send_chat_message, state="message kept while the assistant is down"),
        Visit("/help/emergency"),
    )


SHARED = signed_in_shared()


PUBLIC_PAGES = (
    Visit("/"),
    Visit("/", then=journeys.open_language_picker, state="language menu open"),
    Visit("/auth/kiosk"),
    Visit("/auth/kiosk", then=journeys.submit_empty_form, state="nothing filled in"),
    Visit("/auth/kiosk", then=journeys.submit_wrong_kiosk_pin, state="details do not match"),
    Visit("/auth/sign-in"),
    Visit("/auth/sign-in", then=journeys.submit_empty_form, state="nothing filled in"),
    Visit("/auth/sign-in", then=journeys.submit_wrong_sign_in, state="details do not match"),
    Visit("/help/emergency"),
    Visit("/chat/"),
    Visit("/chat/", then=journeys.send_chat_message, state="message kept while the assistant is down"),
    Visit("/guidance/"),
    Visit("/guidance/?for=released"),
    Visit("/guidance/search?q=naloxone"),
    Visit("/guidance/<topic_id>", via="/guidance/?for=released"),
    Visit("/guidance/<topic_id>", via="/guidance/?for=released", then=journeys.send_page_feedback,
          state="feedback sent"),
    Visit("/services/"),
    Visit("/services/", then=journeys.show_services_in_an_area, state="services in an area"),
    Visit("/auth/activate"),
    Visit("/auth/activate", then=journeys.submit_empty_form, state="nothing filled in"),
    Visit("/no-such-page", state="not found"),
)

PERSON = "/staff/people/<int:person_id>"
CASEWORK = (
    Visit("/staff/"),
    Visit(PERSON, via="/staff/"),
    Visit(PERSON + "/release-card", via=("/staff/", PERSON)),
    Visit(PERSON + "/appointments/new", via=("/staff/", PERSON)),
    Visit(PERSON + "/champion-request", via=("/staff/", PERSON)),
    Visit(PERSON + "/appointments/<int:appointment_id>", via=("/staff/", PERSON)),
    Visit("/staff/tasks"),
    Visit("/staff/requests"),
    Visit("/staff/champions"),
    Visit("/staff/champions/<int:champion_id>", via="/staff/champions"),
    Visit("/staff/matches/<int:match_id>", via="/staff/champions"),
    Visit("/staff/guidance"),
)

VISITORS = (
    Visitor("visitor", None, None, PUBLIC_PAGES),
    Visitor("prisoner", Role.PRISONER, journeys.sign_in_on_kiosk, (
        Visit("/kiosk/"),
        Visit("/kiosk/", then=journeys.open_language_picker, state="language menu open"),
        Visit("/my-plan"),
        Visit("/my-champion"),
        *signed_in_shared(),
    )),
    Visitor("released", Role.RELEASED, _password("released@example.org"), (
        Visit("/my/"),
        Visit("/my-plan"),
        Visit("/my-champion"),
        *signed_in_shared(),
    )),
    Visitor("family", Role.FAMILY, _password("family@example.org"), (
        Visit("/family/"),
        Visit("/my-champion"),
        Visit("/guidance/"),
    ), same_as_checked_elsewhere=SHARED),
    Visitor("champion", Role.CHAMPION, _password("champion@example.org"), (
        Visit("/champion/"),
        Visit("/champion/profile"),
        Visit("/champion/availability"),
        Visit("/champion/matches/<int:match_id>", via="/champion/"),
        Visit("/guidance/"),
    ), same_as_checked_elsewhere=SHARED),
    Visitor("staff", Role.STAFF, _password("staff@example.org"), (
        *CASEWORK,
        Visit("/guidance/"),
    ), same_as_checked_elsewhere=SHARED),
    Visitor("admin", Role.ADMIN, _password("admin@example.org"), (
        Visit("/admin/"),
        Visit("/staff/"),  # the whole caseload; the casework pages look as they do for staff
    ), same_as_checked_elsewhere=SHARED + CASEWORK),
)

# Routes that are not pages to check: files (calendar entries too), JSON for partner systems, and
# addresses that only redirect (the idle kiosk's way out, the person's pages' old addresses).
NOT_PAGES = {"static", "auth.session_ended", "person.moved", "person.appointment_calendar",
             "person.all_appointments_calendar"}
NOT_PAGE_PREFIXES = ("api.",)
# "/" takes a signed-in person home; so do /my-plan and /my-champion (the assistant's links) for anyone
# without a plan or a champion of their own.
REDIRECTS_WHEN_SIGNED_IN = {"main.index", "person.plan", "person.champion"}
# Pages the demo data gives no way to reach yet: add a Visit (and the demo data) when it does.
NOT_YET_REACHABLE: dict[str, str] = {}


def is_page(endpoint: str) -> bool:
    return not (endpoint in NOT_PAGES or endpoint in NOT_YET_REACHABLE or endpoint.startswith(NOT_PAGE_PREFIXES))


def endpoint_for(app: Flask, url: str) -> str | None:
    """The endpoint that serves a same-site URL's path for GET, or None (not ours, or no such page)."""
    parts = urlsplit(url)
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, _args = adapter.match(parts.path, method="GET")
    except HTTPException:
        return None
    return endpoint


def endpoint_of_rule(app: Flask, rule_text: str) -> str:
    rules = [rule for rule in app.url_map.iter_rules() if rule.rule == rule_text and "GET" in rule.methods]
    assert rules, f"tests/browser/pages.py lists {rule_text}, but the app has no such route"
    return rules[0].endpoint


def listed_endpoints(app: Flask, visitor: Visitor) -> set[str]:
    listed = set()
    for visit in (*visitor.pages, *visitor.same_as_checked_elsewhere):
        endpoint = endpoint_of_rule(app, visit.path) if "<" in visit.path else endpoint_for(app, visit.path)
        if endpoint:
            listed.add(endpoint)
    if visitor.role is not None:
        listed |= REDIRECTS_WHEN_SIGNED_IN
    return listed
