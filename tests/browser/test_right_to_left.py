"""Numbers read in their own order inside Arabic and Urdu, and Arabic-script letters have a font.

Inside right-to-left text a space between two numbers takes the direction of the text around it,
so "116 123" would be drawn as "123 116" and a reader could dial the wrong number. These tests read
where the browser actually draws each group of digits: the first group must be left of the next.
"""
import pytest
from playwright.sync_api import Page, expect

from tests.browser import journeys

pytestmark = pytest.mark.browser

# The left edge, on screen, of each group of `number` ("116 123" → [x of 116, x of 123]) the first
# time it appears in the text under `root` (isolate marks between the groups are allowed).
GROUP_POSITIONS = """([root, number]) => {
  const groups = number.split(" ");
  const marks = "[\\u2066-\\u2069\\u200e\\u200f]*";
  const pattern = new RegExp(groups.join(marks + " " + marks));
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const found = pattern.exec(node.data);
    if (!found) continue;
    const lefts = [];
    let from = found.index;
    for (const group of groups) {
      const start = node.data.indexOf(group, from);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + group.length);
      lefts.push(range.getBoundingClientRect().left);
      from = start + group.length;
    }
    return lefts;
  }
  return null;
}"""


def drawn_in_order(page: Page, root: str, number: str) -> list[float]:
    lefts = page.evaluate(GROUP_POSITIONS, [root, number])
    assert lefts is not None, f"{number!r} is not shown in {root}"
    return lefts


def assert_reads_left_to_right(page: Page, root: str, number: str) -> None:
    lefts = drawn_in_order(page, root, number)
    assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), (
        f"{number!r} in {root} is drawn out of order: group lefts {lefts}")


def test_samaritans_number_reads_116_123_in_the_arabic_emergency_strip_and_crisis_page(open_page):
    page = open_page("phone")
    page.goto("/")
    journeys.choose_language(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_reads_left_to_right(page, ".emergency-strip", "116 123")

    page.goto("/guidance/mental-health-and-crisis")
    assert_reads_left_to_right(page, "main", "116 123")


def test_a_plan_phone_number_reads_in_order_on_an_arabic_kiosk_plan(open_page):
    page = open_page("kiosk")
    journeys.sign_in_on_kiosk(page, "A5678FG")  # Omar, whose screen is in Arabic
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.goto("/my-plan")
    assert_reads_left_to_right(page, "main", "0113 496 0500")


def test_the_crisis_steps_in_the_arabic_chat_read_116_123_in_order(open_page):
    page = open_page("phone")
    page.goto("/")
    journeys.choose_language(page, "ar")
    page.goto("/chat/")
    journeys.send_chat_message(page, "لم أعد أريد أن أعيش، أريد أن أنهي حياتي")
    expect(page.locator(".chat__message--urgent").first).to_be_visible()
    assert_reads_left_to_right(page, ".chat__log", "116 123")


def test_without_isolation_the_same_number_would_be_reversed(open_page):
    """The check above can fail: a bare "116 123" inside Arabic text is drawn as "123 116"."""
    page = open_page("phone")
    page.goto("/")
    page.evaluate("""() => {
      const p = document.createElement("p");
      p.id = "bare"; p.dir = "rtl"; p.lang = "ar";
      p.textContent = "اتصل بالرقم 116 123 مجانًا";
      document.querySelector("main").prepend(p);
    }""")
    lefts = drawn_in_order(page, "#bare", "116 123")
    assert lefts[0] > lefts[1]


@pytest.mark.parametrize("code, family, sample", [("ar", "Throughcare Naskh", "اتصل"),
                                                  ("ur", "Throughcare Nastaliq", "ہے ں ۔")])
def test_arabic_and_urdu_letters_use_the_fonts_shipped_with_the_portal(open_page, code, family, sample):
    page = open_page("kiosk")
    page.goto("/")
    journeys.choose_language(page, code)
    # Ask for the face, then wait until the letters are drawn by it (a loaded machine can take a few
    # seconds): document.fonts.check is true only when every letter of the sample has a glyph in a
    # loaded face of that family, not in a fallback. Reading it once right after "some face loaded"
    # failed under load while the face covering the rest of the sample was still on its way.
    page.wait_for_function("""([family, sample]) => {
      document.fonts.load(`16px "${family}"`, sample);
      return [...document.fonts].some(face => face.family.replace(/"/g, "") === family && face.status === "loaded")
        && document.fonts.check(`16px "${family}"`, sample);
    }""", arg=[family, sample], timeout=20_000)
