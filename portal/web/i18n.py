"""Choosing the reader's language: the account's, then the visitor's choice, then Accept-Language."""
from flask import current_app, request, session
from flask_babel import get_locale
from flask_login import current_user

from portal.db import get_session
from portal.services import languages
from portal.services.people import accounts


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


def remember_language(code: str, response=None) -> bool:
    """The reader chose a language (the picker, or asking the assistant): it is kept for this session and on
    the account; a visitor who is not signed in gets a year-long cookie when `response` is given. False
    for a code the product does not speak."""
    if not languages.is_supported(code):
        return False
    session["lang"] = code
    if current_user.is_authenticated:
        accounts.set_locale(get_session(), current_user, code)
    elif response is not None:
        response.set_cookie("lang", code, max_age=365 * 24 * 3600, httponly=True, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"])
    return True
