"""What a person does in the browser: sign in through the real forms, pick a language, use a form.

Selectors use names and classes rather than visible text where a step must also work in Arabic.
"""
from collections.abc import Callable

from playwright.sync_api import Page, expect

from portal import demo_data


def sign_in_on_kiosk(page: Page, prison_number: str = "A1234BC", pin: str = demo_data.DEMO_PIN) -> None:
    page.goto("/auth/kiosk")
    page.locator("input[name=prison_number]").fill(prison_number)
    page.locator("input[name=pin]").fill(pin)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/auth/" not in url)


def sign_in_with_password(page: Page, identifier: str, password: str = demo_data.DEMO_PASSWORD) -> None:
    page.goto("/auth/sign-in")
    page.locator("input[name=identifier]").fill(identifier)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/auth/" not in url)


def open_language_picker(page: Page) -> None:
    page.locator("details.language-picker summary").click()
    expect(page.locator("details.language-picker button[name=lang]").first).to_be_visible()


def choose_language(page: Page, code: str) -> None:
    open_language_picker(page)
    page.locator(f"details.language-picker button[name=lang][value={code}]").click()
    expect(page.locator("html")).to_have_attribute("lang", code)


def submit_empty_form(page: Page) -> None:
    """Send the page's main form with nothing filled in, to see how it shows errors."""
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator(".error-summary, .field__error").first).to_be_visible()


def submit_wrong_sign_in(page: Page) -> None:
    # An address with no account, so no demo account moves towards its lockout.
    page.locator("input[name=identifier]").fill("nobody@example.org")
    page.locator("input[name=password]").fill("not-the-password")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()


def submit_wrong_kiosk_pin(page: Page) -> None:
    page.locator("input[name=prison_number]").fill("Z9999ZZ")
    page.locator("input[name=pin]").fill("1111")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()


def send_chat_message(page: Page, text: str = "Where can I get naloxone when I leave?") -> None:
    page.locator("#chat-panel textarea[name=message]").fill(text)
    page.locator("#chat-panel form.chat__form button[type=submit]").click()
    expect(page.locator(".chat__message--user").last).to_contain_text(text)


def send_page_feedback(page: Page) -> None:
    page.locator("#feedback input[name=helpful][value=yes]").check()
    page.locator("#feedback button[type=submit]").click()
    expect(page.locator("#feedback [role=status]")).to_be_visible()


def show_services_in_an_area(page: Page) -> None:
    page.locator("select[name=area]").select_option(index=1)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main [role=status]")).to_be_visible()


def follow_first_link(page: Page, wanted: Callable[[str], bool]) -> None:
    """Follow the first link in the page's main content whose address is `wanted`."""
    for link in page.locator("main a[href]").all():
        if wanted(link.evaluate("a => a.href")):
            link.click()
            page.wait_for_url(wanted)
            return
    raise AssertionError(f"{page.url} has no link to the page wanted")


def sign_out(page: Page) -> None:
    page.locator(".site-header form[action$='/auth/sign-out'] button").click()
    expect(page.locator(".site-header form[action$='/auth/sign-out']")).to_have_count(0)
