from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from portal.models import AppointmentKind, ItemStatus
from portal.words.plans import APPOINTMENT_KINDS, STATUS


class PlanForm(FlaskForm):
    release_date = DateField(_l("Release date"), validators=[InputRequired(_l("Enter the release date."))])
    release_time = TimeField(_l("Release time (if known)"), validators=[Optional()])
    release_area = StringField(_l("Area released to"), validators=[DataRequired(_l("Enter the area the person is released to.")), Length(max=80)])
    unplanned = BooleanField(_l("Unplanned release (short emergency plan)"))
    version = IntegerField(widget=HiddenField.widget, validators=[Optional()])


class ChecklistItemForm(FlaskForm):
    status = SelectField(_l("Status"), choices=list(STATUS.items()), coerce=ItemStatus)
    owner = StringField(_l("Who is doing this"), validators=[Length(max=80)])
    note = TextAreaField(_l("Note"), validators=[Length(max=2000)], render_kw={"rows": 2})
    due_on = DateField(_l("Due by"), validators=[Optional()])
    version = IntegerField(widget=HiddenField.widget, validators=[InputRequired()])


class AppointmentForm(FlaskForm):
    kind = SelectField(_l("Type"), choices=list(APPOINTMENT_KINDS.items()), coerce=AppointmentKind)
    provider = StringField(_l("With (service or person)"), validators=[DataRequired(_l("Enter who the appointment is with.")), Length(max=120)])
    day = DateField(_l("Date"), validators=[InputRequired(_l("Enter the date."))])
    start = TimeField(_l("Time"), validators=[InputRequired(_l("Enter the time."))])
    address = StringField(_l("Address"), validators=[Length(max=300)])
    what_to_bring = StringField(_l("What to bring"), validators=[Length(max=300)])
    phone = StringField(_l("Contact phone"), validators=[Optional(), Length(max=30), Regexp(r"^[0-9 +()-]+$", message=_l("Use numbers and spaces only."))])
    notes = TextAreaField(_l("Notes"), validators=[Length(max=2000)], render_kw={"rows": 2})
    outcome = SelectField(_l("Did they go?"), choices=[("", _l("Not known yet")), ("attended", _l("Went")),
                                                       ("missed", _l("Missed it"))], default="")
    version = IntegerField(widget=HiddenField.widget, validators=[Optional()])


class AnswerForm(FlaskForm):
    answer = TextAreaField(_l("Answer"), validators=[DataRequired(_l("Type an answer first.")), Length(max=2000)],
                           render_kw={"rows": 3})


class VettingForm(FlaskForm):
    training_completed_on = DateField(_l("Training completed on"), validators=[Optional()])
    vetting_checked_on = DateField(_l("Vetting (DBS) checked on"), validators=[Optional()])
    supervisor = StringField(_l("Supervisor"), validators=[Length(max=80)])
    version = IntegerField(widget=HiddenField.widget, validators=[InputRequired()])
