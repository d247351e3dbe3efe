"""Messages and "report a concern" between a matched pair, from either side (the person's champion page
and the champion's match page): screened by the safety layer, the steps shown at once when needed."""
from flask import flash, redirect, request
from flask_babel import gettext as _
from flask_login import current_user

from portal.db import get_session
from portal.services.champions import requests
from portal.web import safety_notice
from portal.web.forms import ConcernForm, MessageForm
from portal.web.i18n import current_language
from portal.web.kiosk_idle import is_kiosk_session


def send_message(match_id: int, rerender, back_url: str):
    """`rerender(message_form=..., status=...)` shows the page again with the form's errors."""
    session = get_session()
    match = requests.get_match_for(session, match_id, current_user)
    form = MessageForm()
    if not form.validate_on_submit():
        return rerender(message_form=form, status=400)
    _message, screening = requests.send_message(session, match, current_user, form.text.data,
                                                language=current_language(), kiosk=is_kiosk_session())
    safety_notice.show(screening, kiosk=is_kiosk_session())
    return redirect(back_url + "#messages")


def send_concern(match_id: int, rerender, back_url: str):
    """An urgent task for staff; `rerender(concern_form=..., status=...)` shows the form's errors."""
    session = get_session()
    match = requests.get_match_for(session, match_id, current_user)
    form = ConcernForm()
    if not form.validate_on_submit():
        return rerender(concern_form=form, status=400)
    _task, screening = requests.report_concern(session, match, current_user, form.concern.data,
                                               request.remote_addr or "", language=current_language(),
                                               kiosk=is_kiosk_session())
    safety_notice.show(screening, kiosk=is_kiosk_session())
    flash(_("Thank you for telling us. A member of the team will look at this today."), "success")
    return redirect(back_url)
