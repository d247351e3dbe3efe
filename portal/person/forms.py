from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp


class QuestionForm(FlaskForm):
    subject = HiddenField(validators=[Regexp(r"^(item:[a-z_]+|appointment:\d+)$")])
    question = TextAreaField(
        _l("Your question"),
        validators=[DataRequired(_l("Type your question first.")), Length(max=1000, message=_l("Keep it under 1,000 characters."))],
        render_kw={"rows": 3},
    )


class MeetingForm(FlaskForm):
    slot = RadioField(_l("Choose a time for your first meeting"), validators=[DataRequired(_l("Choose a time."))])
    place = StringField(_l("Where to meet (optional)"), validators=[Length(max=200)])
