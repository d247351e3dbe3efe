"""Choosing the reader's language: the account's, then the visitor's choice, then Accept-Language."""
from flask import request, session
from flask_babel import get_locale
from flask_login import current_user

from portal.services import languages

def _chosen_language() -> str:
    if current_user and current_user.is_authenticated and languages.is_supported(current_user.locale):
        return current_user.locale
    chosen = session.get("lang") or request.cookies.get("lang")
    if languages.is_supported(chosen):
        return chosen
    return request.accept_languages.best_match(languages.CODES) or "en"


def select_locale() -> str:
    return languages.babel_locale(_chosen_language())


def current_language() -> str:
    """The product's two-letter language code for this request (en, cy, pl, ro, sq, lt, ar, ur)."""
    locale = get_locale()
    return locale.language if locale else "en"
