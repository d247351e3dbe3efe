"""Turning errors into clear pages and messages in the reader's language."""
from flask import Flask, jsonify, render_template, request
from werkzeug.http import HTTP_STATUS_CODES
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from portal.services.errors import DomainError

MESSAGES = {
    "sign_in_failed": _l("Those details did not match. Check them and try again."),
    "account_locked": _l("Too many wrong tries. This account is locked for %(minutes)s minutes. Ask a member of staff if you need help now."),
    "not_allowed": _l("You do not have access to this."),
    "not_found": _l("We could not find that."),
    "identifier_invalid": _l("Enter a valid e-mail address or a UK mobile number starting 07."),
    "identifier_taken": _l("That e-mail address or mobile number is already used by another account."),
    "password_short": _l("Use at least 10 characters."),
    "activation_code_invalid": _l("This code does not work. It may have been used, or be more than 30 days old. Ask your probation officer or the team for a new card."),
    "champion_too_early": _l("You can ask for a champion from %(weeks)s weeks before your release."),
    "champion_already_requested": _l("You have already asked. We will tell you here when a champion says yes."),
    "champion_language_needed": _l("Choose at least one language."),
    "offer_expired": _l("This offer has run out. Thank you anyway."),
    "match_moved_on": _l("This has already been answered or changed."),
    "match_not_ready": _l("This is not possible until the champion has said yes."),
    "meeting_in_past": _l("That time has already passed. Choose another."),
    "meeting_slot_taken": _l("Sorry, someone has just booked that time. Choose another."),
    "slot_invalid": _l("Check the times: the end must be after the start."),
    "vetting_incomplete": _l("Before approval, record: %(missing)s."),
    "stale_edit": _l("Someone else changed this while you were editing. Your changes are still in the form: check them against the latest version and save again."),
}


# Names of the parts of a champion's vetting, for "Before approval, record: …".
VETTING_PARTS = {
    "training": _l("the training date"),
    "vetting": _l("the vetting (DBS) date"),
    "supervisor": _l("a supervisor"),
}


def message_for(error: DomainError) -> str:
    template = MESSAGES.get(error.code, _l("Something went wrong. Please try again."))
    params = dict(error.params)
    if isinstance(params.get("missing"), tuple):
        params["missing"] = ", ".join(str(VETTING_PARTS.get(part, part)) for part in params["missing"])
    return str(template) % params if params else str(template)


def wants_json() -> bool:
    """The one decision between a JSON answer (the API's callers are machines) and a page."""
    return request.blueprint == "api" or request.path.startswith("/api/")


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        if wants_json():
            # The error's code and details, and one message per field for a bad payload.
            body = {"error": error.code, **error.params}
            if getattr(error, "fields", None) is not None:
                body["fields"] = error.fields
            return jsonify(body), error.status
        return render_template("error.html", code=error.status, message=message_for(error)), error.status

    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        message = _l("This form had expired. Please go back, reload the page and try again.")
        return render_template("error.html", code=400, message=message), 400

    for status, text in (
        (400, _l("The request could not be understood.")),
        (403, _l("You do not have access to this page.")),
        (404, _l("We could not find that page.")),
        (405, _l("That action is not possible on this page.")),
        (413, _l("That was too much to send at once.")),
        (429, _l("Too many tries in a short time. Wait a minute and try again.")),
        (500, _l("Something went wrong on our side. Please try again. If someone is in danger, call 999.")),
    ):
        app.register_error_handler(status, _page_for(status, text))


def _page_for(status: int, text):
    def handler(_error):
        if wants_json():
            return jsonify(error=HTTP_STATUS_CODES.get(status, "error").lower()), status
        return render_template("error.html", code=status, message=text), status

    return handler
