"""The eight languages the product speaks, and how their text runs."""
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    english_name: str
    direction: str = "ltr"


LANGUAGES = (
    Language("en", "English", "English"),
    Language("cy", "Cymraeg", "Welsh"),
    Language("pl", "Polski", "Polish"),
    Language("ro", "Română", "Romanian"),
    Language("sq", "Shqip", "Albanian"),
    Language("lt", "Lietuvių", "Lithuanian"),
    Language("ar", "العربية", "Arabic", "rtl"),
    Language("ur", "اردو", "Urdu", "rtl"),
)
CODES = tuple(language.code for language in LANGUAGES)
BY_CODE = {language.code: language for language in LANGUAGES}


# The Babel locale for each code where they differ: English is British English ("Monday 30 November").
BABEL_LOCALES = {"en": "en_GB"}


def babel_locale(code: str) -> str:
    return BABEL_LOCALES.get(code, code)


def direction(code: str) -> str:
    return BY_CODE[code].direction if code in BY_CODE else "ltr"


def is_supported(code: str | None) -> bool:
    return code in BY_CODE


# Inside right-to-left text, a phone number, time range, code, address line or path must keep its
# own left-to-right order: "116 123" would otherwise be shown as "123 116", because the space
# between two numbers takes the direction of the Arabic or Urdu around it. Such a run is wrapped
# in Unicode isolates (LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE), which work in HTML, in the
# chat and in a text message alike.
LRI, PDI = "\u2066", "\u2069"
_LTR_RUN = re.compile(
    r"(?<![\w\u2066+/])(?:[+/]?\d[\dA-Za-z]*(?:(?:, |[ \-./:\u2013])[\dA-Za-z]+)*|(?:/[\w.-]+)+/?)(?![\w\u2069])",
    re.ASCII)


def _needs_isolating(run: str) -> bool:
    """A lone number keeps its order; two groups, or digits next to Latin letters, do not."""
    return not run.isdigit()


def isolate_ltr_runs(text: str, code: str) -> str:
    """The text with its numbers, codes and Latin address lines isolated, when `code` is right to left."""
    if direction(code) != "rtl" or not text:
        return text
    return _LTR_RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}" if _needs_isolating(m.group(0)) else m.group(0), text)
