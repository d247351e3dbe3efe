"""The eight languages the product speaks."""
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


def direction(code: str) -> str:
    return BY_CODE[code].direction if code in BY_CODE else "ltr"


def is_supported(code: str | None) -> bool:
    return code in BY_CODE
