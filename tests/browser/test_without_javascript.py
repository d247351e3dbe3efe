"""With JavaScript off (old phones, locked-down kiosks), the core flows still work."""
import pytest
from playwright.sync_api import expect

from tests.browser import journeys

pytestmark = pytest.mark.browser


def test_without_javascript_a_person_can_sign_in_and_send_a_chat_message(open_page):
    page = open_page("phone", javascript=False)
    journeys.sign_in_with_password(page, "released@example.org")
    journeys.choose_language(page, "en")  # the picker is a plain form; other tests may have left Arabic
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kyle")

    page.locator(".site-nav").get_by_role("link", name="Ask the assistant").click()
    expect(page.get_by_text("The assistant is starting up or not available just now")).to_be_visible()
    page.get_by_label("Your message").fill("How do I register with a GP when I get out?")
    page.get_by_role("button", name="Send").click()

    expect(page.locator(".chat__message--user").last).to_contain_text("How do I register with a GP when I get out?")
    expect(page.get_by_text("Your message is saved, but the assistant could not answer just now.")).to_be_visible()
    expect(page.get_by_label("Your message")).to_have_value("")

    page.reload()  # the message was kept, not just shown
    expect(page.locator(".chat__message--user").last).to_contain_text("How do I register with a GP when I get out?")


def test_without_javascript_a_prisoner_can_sign_in_on_the_kiosk(open_page):
    page = open_page("kiosk", javascript=False)
    page.goto("/auth/kiosk")
    page.get_by_label("Prison number").fill("A1234BC")
    page.get_by_label("PIN").fill("246810")
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/kiosk/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Daniel")
    # Without the idle warning's script, the page itself ends the session when it has been left alone.
    refresh = page.locator("noscript").first.inner_html()
    assert "url=/auth/session-ended" in refresh
