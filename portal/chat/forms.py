from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp


class ChatForm(FlaskForm):
    message = TextAreaField(
        _l("Your message"),
        validators=[DataRequired(_l("Type a message first.")), Length(max=2000, message=_l("Keep it under 2,000 characters."))],
        render_kw={"rows": 2, "autocomplete": "off"},
    )
    # A quick-reply button sends its intent ("/ask_naloxone") while the log shows its title.
    payload = HiddenField(validators=[Optional(), Regexp(r"^/[a-z_]{1,40}$")])
