"""Words for champion profiles, requests and match reasons, in the reader's language."""
from datetime import datetime

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from portal.services import languages

EXPERIENCE = {
    "opiates": _l("Heroin and other opioids"),
    "crack": _l("Crack cocaine"),
    "cocaine": _l("Cocaine"),
    "alcohol": _l("Alcohol"),
    "benzodiazepines": _l("Benzos and tablets"),
    "prison": _l("Prison"),
    "womens-estate": _l("A women's prison"),
    "homelessness": _l("Homelessness"),
    "mental-health": _l("Mental health"),
    "family": _l("Family of someone in prison"),
}

SPECIALISMS = {
    "women": _l("Women"),
    "young-adults": _l("Young adults"),
    "veterans": _l("Veterans"),
    "lgbtq": _l("LGBTQ+"),
    "foreign-nationals": _l("People from other countries"),
    "families": _l("Families and carers"),
}

GENDERS = {"woman": _l("A woman"), "man": _l("A man"), "non-binary": _l("Non-binary")}

STATUSES = {
    "applied": _l("Waiting for approval"),
    "approved": _l("Approved"),
    "paused": _l("Paused"),
    "withdrawn": _l("Withdrawn"),
}

MATCH_STATUSES = {
    "offered": _l("Offered, waiting for an answer"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "expired": _l("No answer in time"),
    "active": _l("Meeting"),
    "completed": _l("Completed"),
    "ended": _l("Ended"),
}

# Each reason the matcher gives, in plain words; parameters are filled in by reason_text().
REASONS = {
    "speaks": _l("Speaks %(language)s"),
    "covers_area": _l("Works in %(area)s"),
    "gender_match": _l("Is the gender you asked for"),
    "shared_experience": _l("Has been through some of the same things: %(tags)s"),
    "specialism": _l("Has experience with: %(needs)s"),
    "free_soon": _l("Is free from %(date)s"),
    "knew_before": _l("You have worked together before"),
    "light_load": _l("Has time for you now"),
    "staff_choice": _l("Chosen by the team"),
}


def reason_text(reason) -> str:
    code, params = reason[0], dict(reason[1])
    template = REASONS.get(code)
    if template is None:
        return ""
    if "language" in params:
        params["language"] = languages.BY_CODE.get(params["language"], languages.BY_CODE["en"]).native_name
    if "tags" in params:
        params["tags"] = ", ".join(str(EXPERIENCE.get(t, t)) for t in params["tags"])
    if "needs" in params:
        params["needs"] = ", ".join(str(SPECIALISMS.get(t, t)) for t in params["needs"])
    if "date" in params:
        value = params["date"]
        params["date"] = format_date(datetime.fromisoformat(value).date() if isinstance(value, str) else value, "EEEE d MMMM")
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(template)
