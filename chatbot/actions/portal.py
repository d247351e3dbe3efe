"""The portal's assistant API: a person's summary, and handing a conversation to staff.

Settings come from the environment: PORTAL_URL (default http://127.0.0.1:5000),
ASSISTANT_API_TOKEN (shared secret the portal expects), PORTAL_TIMEOUT_SECONDS (default 5).
"""
import os

import requests


class PortalUnavailable(Exception):
    """The portal could not be reached or answered with an error of its own."""


class NotSignedIn(Exception):
    """No person token, or the portal did not accept it."""


def portal_url():
    return os.environ.get("PORTAL_URL", "http://127.0.0.1:5000").rstrip("/")


def timeout():
    return float(os.environ.get("PORTAL_TIMEOUT_SECONDS", "5"))


def headers(person_token=None):
    result = {"Authorization": f"Bearer {os.environ.get('ASSISTANT_API_TOKEN', '')}"}
    if person_token:
        result["X-Person-Token"] = person_token
    return result


def fetch_summary(person_token):
    """The signed-in person's summary: first_name, release_date, released, next_appointments."""
    if not person_token:
        raise NotSignedIn()
    try:
        response = requests.get(
            f"{portal_url()}/api/v1/assistant/summary",
            headers=headers(person_token),
            timeout=timeout(),
        )
    except requests.RequestException as error:
        raise PortalUnavailable(str(error)) from error
    if response.status_code in (401, 403, 404):
        raise NotSignedIn()
    if response.status_code != 200:
        raise PortalUnavailable(f"summary: HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError as error:
        raise PortalUnavailable("summary: not JSON") from error


def create_handoff(sender_id, language, person_token, transcript):
    """Ask staff to take over the conversation."""
    try:
        response = requests.post(
            f"{portal_url()}/api/v1/assistant/handoffs",
            headers=headers(),
            json={
                "sender_id": sender_id,
                "language": language,
                "person_token": person_token,
                "transcript": transcript,
            },
            timeout=timeout(),
        )
    except requests.RequestException as error:
        raise PortalUnavailable(str(error)) from error
    if not 200 <= response.status_code < 300:
        raise PortalUnavailable(f"handoff: HTTP {response.status_code}")
