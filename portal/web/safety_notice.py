"""Showing the safety steps on the page that follows a form, whichever form the words were typed in.

A view that passes free text to a service gets a `safety.Screening` back; `show()` keeps what to
show in the session, and the layout renders it on top of the next page (and then forgets it), so
the steps appear at once after any redirect, with or without JavaScript.
"""
from flask import session

from portal.services import safety

KEY = "safety_notice"


def show(screening: safety.Screening | None, kiosk: bool = False) -> bool:
    """True when there was something to show."""
    if screening is None or not screening.alarm:
        return False
    session[KEY] = {"kind": screening.alarm, "languages": [steps.language for steps in screening.steps],
                    "kiosk": kiosk}
    return True


def take() -> list[safety.Steps]:
    """The steps to show on this page, once."""
    notice = session.pop(KEY, None)
    if not isinstance(notice, dict) or notice.get("kind") not in safety.ALARMS:
        return []
    return [safety.steps_for(notice["kind"], code, kiosk=bool(notice.get("kiosk"))) for code in notice["languages"]]
