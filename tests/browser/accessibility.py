"""axe-core's WCAG 2.2 A and AA rules, run inside the page the browser is showing.

Playwright's `page.evaluate` runs axe through the DevTools protocol, which the page's
Content-Security-Policy (`script-src 'self'`) does not apply to, so the contexts need no
`bypass_csp` and the pages are checked under the same policy people get.
"""
import hashlib
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

# axe-core 4.12 (bundled with axe-playwright-python 0.1.8) has no "wcag22a" tag: WCAG 2.2 added
# no level-A rule it can test. "wcag22aa" is 2.5.8 Target Size (Minimum), the `target-size` rule,
# which axe leaves off by default; asking for its tag turns it on (checked in `violations_on`).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
MUST_RUN = ("target-size",)

_axe = Axe()

# axe's verdict depends only on the document and the screen size, and many pages are the same for
# several visitors but for their form tokens: each distinct one is checked once per run.
_SIGNED_TOKEN = re.compile(r"[\w-]{20,}\.[\w-]{4,}\.[\w-]{10,}")
_checked: dict[str, list[dict]] = {}


def violations_on(page: Page) -> list[dict]:
    document = _SIGNED_TOKEN.sub("TOKEN", page.content())
    key = hashlib.sha256(f"{page.viewport_size}\n{document}".encode()).hexdigest()
    if key not in _checked:
        _checked[key] = _run_axe(page)
    return _checked[key]


def _run_axe(page: Page) -> list[dict]:
    results = _axe.run(page, options=AXE_OPTIONS).response
    ran = {rule["id"] for kind in ("passes", "violations", "incomplete", "inapplicable") for rule in results[kind]}
    missing = [rule for rule in MUST_RUN if rule not in ran]
    assert not missing, f"axe did not run {missing}: check AXE_OPTIONS against the bundled axe-core"
    return results["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)
