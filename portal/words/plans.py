"""What each part of a release plan is called, and why it matters, in the reader's language."""
from flask_babel import lazy_gettext as _l

CHECKLIST = {
    "accommodation": (_l("Somewhere to stay"), _l("A safe place to sleep on your first night makes everything else easier."), "housing"),
    "gp_registration": (_l("Registered with a GP"), _l("A GP can prescribe, refer you and help with your health."), "registering-with-a-gp"),
    "treatment_appointment": (_l("Drug and alcohol service appointment"), _l("Seeing the drug service in your first days keeps you safe and keeps your script going."), "treatment-services"),
    "prescribing": (_l("Your script on release day"), _l("Your methadone or buprenorphine must carry on without a gap, or the risk of overdose goes up."), "medication-continuity"),
    "probation": (_l("First probation appointment"), _l("You must go to your first probation appointment, usually on the day you are released."), "probation"),
    "id_and_bank": (_l("ID and a bank account"), _l("You need ID for benefits, a GP, a bank account and somewhere to live."), "money-and-benefits"),
    "universal_credit": (_l("Universal Credit claim"), _l("Claiming early means money arrives sooner. You can ask for an advance."), "money-and-benefits"),
    "naloxone": (_l("Naloxone kit and training"), _l("Naloxone can reverse an overdose. Carry it and show people how to use it."), "naloxone"),
    "family_contact": (_l("Family contact"), _l("Family or friends can help you through the first weeks, if you want them to."), "family-keeping-in-touch"),
    "recovery_champion": (_l("Recovery Champion"), _l("A peer mentor who has been there can meet you and help you settle."), "recovery-champions"),
}

STATUS = {
    "not_started": _l("Not started"),
    "in_progress": _l("In progress"),
    "done": _l("Done"),
    "not_needed": _l("Not needed"),
}

APPOINTMENT_KINDS = {
    "treatment": _l("Drug and alcohol service"),
    "prescription": _l("Prescription pick-up"),
    "probation": _l("Probation"),
    "gp": _l("GP"),
    "housing": _l("Housing"),
    "jobcentre": _l("Jobcentre"),
    "champion": _l("Recovery Champion"),
    "other": _l("Other"),
}

WARNINGS = {
    "no_treatment": _l("No drug and alcohol service appointment is booked."),
    "treatment_late": _l("The first treatment appointment is %(days)s days after release: the aim is within %(limit)s days."),
    "pickup_before_weekend": _l("Release is before a weekend or bank holiday and no prescription pick-up is booked for release day."),
    "no_id": _l("This person has no ID sorted yet."),
}
