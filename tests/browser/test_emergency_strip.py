"""The emergency strip: what to do in an overdose or a crisis, at the top of every page.

(The sweep in test_accessibility_sweep.py checks that it is on every page it visits.)
"""
import pytest
from playwright.sync_api import expect

from tests.browser import journeys

pytestmark = pytest.mark.browser


def test_the_strip_comes_first_and_leads_to_the_steps(open_page):
    page = open_page("phone")
    page.goto("/auth/sign-in")
    strip = page.get_by_role("complementary", name="Emergency help")
    expect(strip).to_contain_text("Call 999")
    expect(strip).to_contain_text("116 123")
    # It comes before everything but the skip link, so it is read and seen first.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(strip.get_by_role("link")).to_be_focused()

    strip.get_by_role("link", name="What to do, step by step").click()
    page.wait_for_url("**/help/emergency")
    expect(page.locator(".card--urgent ol.steps li").first).to_be_visible()


def test_on_the_kiosk_the_strip_says_to_press_the_cell_bell(open_page):
    page = open_page("kiosk")
    journeys.sign_in_on_kiosk(page)
    journeys.choose_language(page, "en")
    expect(page.get_by_role("complementary", name="Emergency help")).to_contain_text("press the cell bell")
