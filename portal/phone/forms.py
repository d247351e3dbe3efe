from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length


class CheckinForm(FlaskForm):
    answer = RadioField(_l("How are you doing?"), choices=[("good", _l("Good")), ("ok", _l("OK")), ("not_good", _l("Not good"))],
                        validators=[InputRequired(_l("Choose an answer."))])
    comment = TextAreaField(_l("Anything you want to tell us? (optional)"), validators=[Length(max=1000)],
                            render_kw={"rows": 2})
