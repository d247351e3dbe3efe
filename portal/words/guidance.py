"""Names of audiences and needs, in the reader's language."""
from flask_babel import lazy_gettext as _l

AUDIENCE_LABELS = {
    "prisoner": _l("Getting ready for release"),
    "released": _l("After release"),
    "family": _l("Families and carers"),
    "champion": _l("Recovery Champions"),
}

NEED_LABELS = {
    "treatment": _l("Drug and alcohol treatment"),
    "naloxone": _l("Naloxone"),
    "needle-exchange": _l("Needle and syringe programme"),
    "mutual-aid": _l("Mutual aid meetings (NA, AA, CA, SMART)"),
    "family-support": _l("Support for families"),
    "housing-advice": _l("Housing advice"),
    "crisis-line": _l("Crisis lines"),
    "mental-health": _l("Mental health"),
    "benefits-advice": _l("Money and benefits advice"),
}
