from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length, Regexp


class KioskSignInForm(FlaskForm):
    prison_number = StringField(
        _l("Prison number"),
        validators=[DataRequired(_l("Enter your prison number.")), Length(max=16)],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
    pin = PasswordField(
        _l("PIN"),
        validators=[
            DataRequired(_l("Enter your PIN.")),
            Regexp(r"^\d{4,8}$", message=_l("Your PIN is 4 to 8 numbers.")),
        ],
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    next = HiddenField()


class SignInForm(FlaskForm):
    identifier = StringField(
        _l("E-mail address or mobile number"),
        validators=[DataRequired(_l("Enter your e-mail address or mobile number.")), Length(max=254)],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password.")), Length(max=200)],
        render_kw={"autocomplete": "current-password"},
    )
    next = HiddenField()
