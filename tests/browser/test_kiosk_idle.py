"""A kiosk left alone warns with a countdown, then signs out, so the next prisoner sees nothing."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser import journeys
from tests.browser.accessibility import describe, violations_on
from tests.browser.conftest import live_portal

pytestmark = pytest.mark.browser

IDLE_SECONDS = 6
WARNING_SECONDS = 4


# The countdown reads "m:ss".
SECONDS_LEFT = """() => {
  const [minutes, seconds] = document.getElementById("idle-countdown").textContent.trim().split(":").map(Number);
  return minutes * 60 + seconds;
}"""


def seconds_left(page) -> int:
    return page.evaluate(SECONDS_LEFT)


@pytest.fixture(scope="module")
def impatient_portal(tmp_path_factory):
    """A portal whose kiosk sessions end after 6 seconds, warning for the last 4."""
    with live_portal(tmp_path_factory.mktemp("idle-portal"), KIOSK_IDLE_SECONDS=IDLE_SECONDS,
                     KIOSK_WARNING_SECONDS=WARNING_SECONDS) as running:
        yield running


def test_an_idle_kiosk_warns_with_a_countdown_then_signs_out(open_page, impatient_portal):
    page = open_page("kiosk", portal=impatient_portal)
    journeys.sign_in_on_kiosk(page)
    warning = page.get_by_role("alertdialog", name="Are you still there?")
    expect(warning).to_be_visible(timeout=(IDLE_SECONDS - WARNING_SECONDS + 2) * 1000)
    expect(page.get_by_role("button", name="I'm still here")).to_be_focused()
    first = seconds_left(page)
    assert 1 <= first <= WARNING_SECONDS
    violations = violations_on(page)
    assert not violations, "the idle warning:\n" + describe(violations)
    if first > 1:  # it counts down
        page.wait_for_function(f"n => ({SECONDS_LEFT})() < n", arg=first)

    page.wait_for_url("**/auth/kiosk", timeout=(WARNING_SECONDS + 2) * 1000)
    expect(page.locator(".flash-messages")).to_contain_text("Your session ended")
    expect(page.get_by_text("Daniel")).to_have_count(0)
    page.goto("/kiosk/")
    expect(page).to_have_url(re.compile(r"/auth/kiosk"))


def test_im_still_here_keeps_the_kiosk_session(open_page, impatient_portal):
    page = open_page("kiosk", portal=impatient_portal)
    journeys.sign_in_on_kiosk(page)
    expect(page.get_by_role("alertdialog")).to_be_visible(timeout=(IDLE_SECONDS - WARNING_SECONDS + 2) * 1000)
    page.get_by_role("button", name="I'm still here").click()
    expect(page.get_by_role("alertdialog")).to_be_hidden()

    page.wait_for_timeout((WARNING_SECONDS + 0.5) * 1000)  # past the moment it would have signed out
    expect(page).to_have_url(re.compile(r"/kiosk/$"))
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Daniel")
