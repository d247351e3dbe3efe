"""Bearer tokens for the API.

The assistant's action server has one token from the configuration (scope `assistant`, nothing else).
Partner systems have a token each (`flask partner-token`), stored as a SHA-256 hash with its scopes.
A route names the scope it needs with `@api_token(scope)`, and `@also_accepts(...)` where another
scope may use it too. The caller's name is kept in `g.api_client_name` for the audit trail.
"""
import hmac

from flask import abort, current_app, g, jsonify, make_response, request

from portal.db import get_session
from portal.services import partners
from portal.web.access import API_TOKEN, rule_for

ASSISTANT = "assistant"
ASSISTANT_SCOPES = {"assistant"}


def also_accepts(*scopes: str):
    """This route may also be used with a token carrying one of these scopes."""

    def decorate(view):
        view.api_also_scopes = frozenset(scopes)
        return view

    return decorate


def accepted_scopes(view) -> set[str]:
    return {view.api_scope, *getattr(view, "api_also_scopes", ())}


def require_token():
    """Runs before every API request whose route is declared with @api_token(scope)."""
    if rule_for(current_app, request.endpoint) != API_TOKEN:
        return
    accepted = accepted_scopes(current_app.view_functions[request.endpoint])
    header = request.headers.get("Authorization", "")
    token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    if not token:
        _refuse(401, "missing bearer token")
    name, scopes = _client_for(token)
    if not accepted & scopes:
        _refuse(403, f"token lacks scope {' or '.join(sorted(accepted))}")
    g.api_client_name = name
    return


def _client_for(token: str) -> tuple[str, set[str]]:
    expected = current_app.config.get("ASSISTANT_API_TOKEN") or ""
    if expected and hmac.compare_digest(token.encode(), expected.encode()):
        return ASSISTANT, ASSISTANT_SCOPES
    partner = partners.token_owner(get_session(), token)
    if partner is None:
        _refuse(401, "unknown token")
    if not partner.active:
        _refuse(401, "token revoked")
    return partner.name, partners.granted_scopes(partner)


def _refuse(status: int, message: str):
    response = make_response(jsonify(error=message), status)
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="throughcare"'
    abort(response)
