from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp


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


class ActivationForm(FlaskForm):
    code = StringField(
        _l("Code from your release card"),
        validators=[DataRequired(_l("Enter the code from your release card.")), Length(max=20)],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
    identifier = StringField(
        _l("Your e-mail address or UK mobile number"),
        validators=[DataRequired(_l("Enter your e-mail address or mobile number.")), Length(max=254)],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Choose a password"),
        validators=[DataRequired(_l("Choose a password.")), Length(min=10, max=200, message=_l("Use at least 10 characters."))],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Type the password again"),
        validators=[DataRequired(_l("Type the password again.")), EqualTo("password", message=_l("The two passwords are not the same."))],
        render_kw={"autocomplete": "new-password"},
    )
