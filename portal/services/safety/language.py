"""Which of our eight languages a text is written in, so safety steps come in the writer's language.

Arabic script is settled by its letters: Urdu writes letters Arabic does not use (ٹ ڈ ڑ ں ے ہ ھ ی ک
گ پ چ ژ), so one of them means Urdu. Latin script (English, Welsh, Polish, Romanian, Albanian,
Lithuanian, and Roman Urdu and Arabizi) is left to the trained language model (model.py), which
learned Roman Urdu as Urdu and Arabizi as Arabic from the project's own examples.
"""
import re

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
URDU_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06BA\u06D2\u06D3\u06C1\u06BE\u06CC\u06A9\u06AF\u067E\u0686\u0698]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


def by_script(text: str) -> str | None:
    """'ar' or 'ur' for a text mostly in Arabic script; None for anything else."""
    arabic = len(ARABIC_SCRIPT.findall(text))
    if not arabic or arabic < len(LATIN_LETTER.findall(text)):
        return None
    return "ur" if URDU_LETTERS.search(text) else "ar"


def detect(text: str, model_language: str | None) -> str | None:
    """The writer's language, or None when it cannot be told (the screen's language is used then)."""
    return by_script(text) or model_language
