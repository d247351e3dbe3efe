"""Form pieces every audience shares, and the one way a view keeps a form when a service says no."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from portal.db import get_session
from portal.services import languages
from portal.services.errors import DomainError, StaleEdit
from portal.words.champions import EXPERIENCE, GENDERS, SPECIALISMS
from portal.words.messages import message_for


class DecisionForm(FlaskForm):
    """A button that posts a decision (accept, approve, remove…): only the CSRF token travels."""


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def attempt(form, action, *, edited=None) -> tuple[bool, object]:
    """Runs `action()`: (True, its result), or (False, None) with the refusal's message on the form, so
    the page is shown again with everything the person typed.

    For a stale edit of the row `edited`, the row is read again and its current version goes into the
    form: saving again then overwrites the other person's change knowingly."""
    try:
        return True, action()
    except DomainError as error:
        form.form_errors.append(message_for(error))
        if isinstance(error, StaleEdit) and edited is not None:
            get_session().refresh(edited)
            form.version.data = edited.version
        return False, None


# Forms more than one audience shows: a champion request (the person, or staff on their behalf) and the
# messages and concerns between a matched pair (from either side).

class ChampionRequestForm(FlaskForm):
    languages = MultiCheckboxField(_l("Languages you speak"), choices=[(l.code, l.native_name) for l in languages.LANGUAGES],
                                   validators=[DataRequired(_l("Choose at least one language."))])
    area = StringField(_l("Where you will live after release (town or borough)"),
                       validators=[DataRequired(_l("Enter the area.")), Length(max=80)])
    gender_preference = SelectField(_l("Would you prefer your champion to be"),
                                    choices=[("", _l("No preference")), *GENDERS.items()], default="")
    experience = MultiCheckboxField(_l("Someone who knows about (optional)"), choices=list(EXPERIENCE.items()))
    needs = MultiCheckboxField(_l("Anything else that matters (optional)"), choices=list(SPECIALISMS.items()))
    notes = TextAreaField(_l("Anything you want the team to know (optional)"), validators=[Length(max=1000)],
                          render_kw={"rows": 3})

    @classmethod
    def blank_for(cls, person, plan):
        """Empty, with the person's language and English ticked and their release area filled in."""
        return cls(formdata=None, languages=sorted({person.locale, "en"}), area=plan.release_area if plan else "")

    def request_fields(self) -> dict:
        """What requests.create_request takes from the form."""
        return {"languages": self.languages.data, "area": self.area.data,
                "gender_preference": self.gender_preference.data or "", "experience": self.experience.data,
                "needs": self.needs.data, "notes": self.notes.data or ""}


class MessageForm(FlaskForm):
    text = TextAreaField(_l("Message"), validators=[DataRequired(_l("Type a message first.")), Length(max=2000)],
                         render_kw={"rows": 3})


class ConcernForm(FlaskForm):
    concern = TextAreaField(_l("What worries you?"), validators=[DataRequired(_l("Tell us briefly what happened.")),
                                                                 Length(max=2000)], render_kw={"rows": 3})
