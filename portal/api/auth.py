"""Bearer tokens for the API: the assistant's action server has one token from the configuration."""
import hmac

from flask import abort, current_app, jsonify, make_response, request

from portal.access import API_TOKEN, rule_for

ASSISTANT_SCOPES = {"assistant"}


def require_token():
    """Runs before every API request whose route is declared with @api_token(scope)."""
    if rule_for(current_app, request.endpoint) != API_TOKEN:
        return None
    scope = current_app.view_functions[request.endpoint].api_scope
    header = request.headers.get("Authorization", "")
    token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    if not token:
        _refuse(401, "missing bearer token")
    expected = current_app.config.get("ASSISTANT_API_TOKEN") or ""
    if not (expected and hmac.compare_digest(token.encode(), expected.encode())):
        _refuse(401, "unknown token")
    if scope not in ASSISTANT_SCOPES:
        _refuse(403, f"token lacks scope {scope}")
    return None


def _refuse(status: int, message: str):
    abort(make_response(jsonify(error=message), status))
