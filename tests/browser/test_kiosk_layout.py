"""On the wing kiosk, every button, link and field is big enough for a finger: at least 48 px tall."""
import pytest

from tests.browser import journeys
from tests.browser.pages import PUBLIC_PAGES, VISITORS

pytestmark = pytest.mark.browser

MIN_HEIGHT = 48
# Visible interactive elements shorter than MIN_HEIGHT; a radio button or checkbox counts by its label.
TOO_SMALL = """min => {
  const selector = "a[href], button, summary, input:not([type=hidden]), select, textarea, [role=button]";
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    const target = ["radio", "checkbox"].includes(element.type) ? (element.closest("label") || element) : element;
    const box = target.getBoundingClientRect();
    const style = getComputedStyle(target);
    const hidden = !target.getClientRects().length || style.visibility === "hidden"
      || (box.width <= 1 && box.height <= 1) || target.closest(".visually-hidden");
    if (!hidden && box.height < min) {
      found.push(`${Math.round(box.height)}px: ${target.outerHTML.slice(0, 120)}`);
    }
  }
  return found;
}"""


def test_kiosk_buttons_and_links_are_at_least_48px_tall(open_page, portal):
    page = open_page("kiosk")
    too_small = {}

    def measure(label):
        page.wait_for_load_state("load")
        layout = page.locator("body").get_attribute("class") or ""
        assert "layout-kiosk" in layout, f"{label} is not in the kiosk layout"
        for problem in page.evaluate(TOO_SMALL, MIN_HEIGHT):
            too_small.setdefault(problem, label)

    for visit in PUBLIC_PAGES:
        if visit.path.startswith("/auth/kiosk"):
            visit.open(page, portal.app)
            measure(visit.label)
    prisoner = next(visitor for visitor in VISITORS if visitor.name == "prisoner")
    prisoner.sign_in(page)
    journeys.choose_language(page, "en")
    for visit in prisoner.pages:
        visit.open(page, portal.app)
        measure(visit.label)
        if not visit.then:
            journeys.open_language_picker(page)
            measure(f"{visit.label} [language menu open]")

    assert not too_small, "smaller than 48px on the kiosk:\n" + "\n".join(
        f"  {problem}  (on {label})" for problem, label in too_small.items())
