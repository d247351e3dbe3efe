"""Turning errors into clear pages in the reader's language, or JSON for the API's machines."""
from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.http import HTTP_STATUS_CODES

from portal.services.errors import DomainError
from portal.words.messages import message_for


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
