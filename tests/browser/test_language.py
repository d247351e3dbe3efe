"""Choosing a language with the on-page picker: Arabic turns the whole page right to left."""
import pytest
from playwright.sync_api import expect

from tests.browser import journeys

pytestmark = pytest.mark.browser


def test_the_language_picker_switches_the_page_to_arabic_right_to_left(open_page):
    page = open_page("phone")
    page.goto("/")
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "ltr")

    page.locator("summary", has_text="Language").click()
    page.get_by_role("button", name="العربية").click()

    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.locator("details.language-picker summary")).to_contain_text("العربية")
    # The layout mirrors: the site's name now sits on the right of the header.
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] + brand["width"] / 2 > page.viewport_size["width"] / 2

    page.goto("/auth/sign-in")  # the choice stays for the next page
    expect(html).to_have_attribute("dir", "rtl")

    journeys.choose_language(page, "en")
    expect(html).to_have_attribute("dir", "ltr")


def test_a_signed_in_persons_language_is_kept_for_next_time(open_page):
    page = open_page("phone")
    journeys.sign_in_with_password(page, "champion@example.org")
    journeys.choose_language(page, "ar")
    journeys.sign_out(page)

    later = open_page("kiosk")  # another screen, no cookies
    journeys.sign_in_with_password(later, "champion@example.org")
    expect(later.locator("html")).to_have_attribute("dir", "rtl")
    journeys.choose_language(later, "en")
    expect(later.locator("html")).to_have_attribute("dir", "ltr")
