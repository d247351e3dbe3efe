from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField, SelectField, StringField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from portal.services import languages
from portal.services.champions import profiles
from portal.web.forms import MultiCheckboxField
from portal.words.champions import EXPERIENCE, GENDERS, SPECIALISMS

WEEKDAYS = [("0", _l("Monday")), ("1", _l("Tuesday")), ("2", _l("Wednesday")), ("3", _l("Thursday")),
            ("4", _l("Friday")), ("5", _l("Saturday")), ("6", _l("Sunday"))]


class ProfileForm(FlaskForm):
    languages = MultiCheckboxField(_l("Languages you speak"), choices=[(l.code, l.native_name) for l in languages.LANGUAGES],
                                   validators=[DataRequired(_l("Choose at least one language."))])
    areas = StringField(_l("Areas you cover (local authorities, separated by commas)"),
                        validators=[DataRequired(_l("Enter at least one area.")), Length(max=300)])
    gender = SelectField(_l("Gender"), choices=list(GENDERS.items()))
    age_group = SelectField(_l("Age group"), choices=[(a, a) for a in profiles.AGE_GROUPS])
    experience = MultiCheckboxField(_l("Your lived experience"), choices=list(EXPERIENCE.items()))
    specialisms = MultiCheckboxField(_l("People you are trained to support"), choices=list(SPECIALISMS.items()))
    max_mentees = IntegerField(_l("Most people you can support at once"),
                               validators=[InputRequired(), NumberRange(min=1, max=10, message=_l("Between 1 and 10."))])
    version = IntegerField(widget=HiddenField.widget, validators=[InputRequired()])


class WeeklySlotForm(FlaskForm):
    weekday = SelectField(_l("Day"), choices=WEEKDAYS)
    start = TimeField(_l("Start time"), validators=[InputRequired(_l("Enter a start time."))])
    end = TimeField(_l("End time"), validators=[InputRequired(_l("Enter an end time."))])


class ExceptionForm(FlaskForm):
    on_date = DateField(_l("Date"), validators=[InputRequired(_l("Enter the date."))])
    available = SelectField(_l("What changes"), choices=[("away", _l("I am away")), ("extra", _l("I am free (extra time)"))])
    start = TimeField(_l("From (leave empty for the whole day)"), validators=[Optional()])
    end = TimeField(_l("Until"), validators=[Optional()])
