import secrets

from flask import current_app, g, render_template, session
from flask_login import current_user

from portal.chat import bp
from portal.chat.forms import ChatForm
from portal.db import get_session
from portal.extensions import htmx
from portal.services.assistant import chat, person_tokens, relay
from portal.web.access import public
from portal.web.content import library
from portal.web.i18n import current_language, remember_language
from portal.web.kiosk_idle import is_kiosk_session


def _conversation_id() -> str:
    if current_user.is_authenticated:
        return f"person-{current_user.id}"
    if "chat_id" not in session:
        session["chat_id"] = "visitor-" + secrets.token_urlsafe(16)
    return session["chat_id"]


def _render(form: ChatForm, turn: chat.TurnResult | None = None, status: int = 200):
    g.kiosk_layout = is_kiosk_session()
    context = {
        "form": form,
        "messages": chat.history(get_session(), _conversation_id()),
        "turn": turn,
        "assistant_ready": relay.status(current_app.config["RASA_URL"]) == relay.READY,
    }
    template = "chat/_panel.html" if htmx else "chat/page.html"
    return render_template(template, **context), status


@bp.get("/")
@public
def page():
    return _render(ChatForm())


@bp.post("/")
@public
def send():
    form = ChatForm()
    if not form.validate_on_submit():
        return _render(form, status=200 if htmx else 400)
    turn = chat.take_turn(
        get_session(),
        conversation_id=_conversation_id(),
        person=current_user if current_user.is_authenticated else None,
        text=form.message.data,
        relay_text=form.payload.data or None,
        language=current_language(),
        device="kiosk" if is_kiosk_session() else "phone",
        rasa_url=current_app.config["RASA_URL"],
        timeout=current_app.config["CHAT_TIMEOUT_SECONDS"],
        person_token=person_tokens.issue(current_app.config["SECRET_KEY"], current_user.id)
        if current_user.is_authenticated else None,
        library=library(),
    )
    if turn.set_language:
        remember_language(turn.set_language)
    # The message is saved in the history whether or not the assistant answered: clear the box.
    return _render(ChatForm(formdata=None), turn)
