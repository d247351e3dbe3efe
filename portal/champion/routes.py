from flask import render_template
from flask_login import current_user

from portal.access import roles
from portal.champion import bp
from portal.db import get_session
from portal.models import Role
from portal.services import champions, languages


@bp.get("/")
@roles(Role.CHAMPION)
def home():
    profile = champions.profile_of(get_session(), current_user)
    return render_template("champion/home.html", profile=profile, language_names=languages.BY_CODE)
