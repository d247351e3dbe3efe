"""Who may use each route.

Every view declares its rule with one of the decorators below; `enforce_access_rules` runs before
every request and refuses any endpoint that has no rule (fail closed). A test walks the URL map too.
"""
from flask import Flask, abort, current_app, redirect, request, url_for
from flask_login import current_user

from portal.models import Role

PUBLIC = "public"
API_TOKEN = "api-token"

HOME_ENDPOINTS = {
    Role.PRISONER: "kiosk.home",
    Role.RELEASED: "phone.home",
    Role.FAMILY: "family.home",
    Role.CHAMPION: "champion.home",
    Role.STAFF: "staff.home",
    Role.ADMIN: "admin.home",
}


def public(view):
    """Anyone, signed in or not."""
    view.access_rule = PUBLIC
    return view


def roles(*allowed: Role):
    """Only signed-in people with one of these roles."""

    def decorate(view):
        view.access_rule = frozenset(allowed)
        return view

    return decorate


def api_token(scope: str):
    """Partner systems and the assistant, with a bearer token carrying this scope (checked in api/)."""

    def decorate(view):
        view.access_rule = API_TOKEN
        view.api_scope = scope
        return view

    return decorate


def rule_for(app: Flask, endpoint: str | None):
    view = app.view_functions.get(endpoint) if endpoint else None
    return getattr(view, "access_rule", None)


def home_endpoint(role: Role) -> str:
    return HOME_ENDPOINTS[Role(role)]


def enforce_access_rules():
    if request.endpoint is None:
        return None  # 404 and 405 are handled by Flask as usual
    rule = rule_for(current_app, request.endpoint)
    if rule is None:
        current_app.logger.error("route %s has no access rule; refused", request.endpoint)
        abort(403)
    if rule in (PUBLIC, API_TOKEN):
        return None
    if not current_user.is_authenticated:
        sign_in = "auth.kiosk_sign_in" if rule == frozenset({Role.PRISONER}) else "auth.sign_in"
        return redirect(url_for(sign_in, next=request.full_path if request.method == "GET" else None))
    if Role(current_user.role) not in rule:
        abort(403)
    return None


def same_origin_path(target: str | None) -> str | None:
    """Only paths on this site may be used as a redirect target after sign-in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target.rstrip("?")
