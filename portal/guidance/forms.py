from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length


class FeedbackForm(FlaskForm):
    helpful = RadioField(
        _l("Was this page helpful?"),
        choices=[("yes", _l("Yes")), ("no", _l("No"))],
        validators=[InputRequired(_l("Choose yes or no."))],
    )
    comment = TextAreaField(
        _l("Anything to add? (optional, do not include your name)"),
        validators=[Length(max=500, message=_l("Keep it under 500 characters."))],
        render_kw={"rows": 3},
    )
