"""Appointments as iCalendar (RFC 5545) files, in Europe/London time with its time-zone rules."""
from datetime import timedelta

from icalendar import Calendar, Event

from portal.models import Appointment
from portal.services.clock import now_utc, to_london

DEFAULT_LENGTH = timedelta(hours=1)


def calendar_for(appointments: list[Appointment], title_of, describe) -> bytes:
    """`title_of(appointment)` and `describe(appointment)` give text in the reader's language."""
    calendar = Calendar()
    calendar.add("prodid", "-//Throughcare//Release appointments//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    stamp = now_utc()
    for appointment in appointments:
        event = Event()
        start = to_london(appointment.starts_at)
        event.add("uid", f"appointment-{appointment.id}@throughcare")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + DEFAULT_LENGTH)
        event.add("summary", title_of(appointment))
        if appointment.address:
            event.add("location", appointment.address)
        description = describe(appointment)
        if description:
            event.add("description", description)
        event.add("sequence", appointment.version - 1)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
