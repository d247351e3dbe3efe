"""All tables, imported here so that SQLModel.metadata knows every one."""
from .audit import AuditEvent
from .content import GuidanceFeedback, MutualAidMeeting
from .conversations import ChatMessage, Checkin, CheckinAnswer, Sender, StaffTask, TaskKind
from .champions import (
    AvailabilityException,
    ChampionProfile,
    ChampionRequest,
    ChampionStatus,
    Match,
    MatchMessage,
    MatchStatus,
    Meeting,
    RequestStatus,
    SupportKind,
    WeeklySlot,
)
from .people import FamilyLink, Person, Prison, Role
from .plans import (
    ActivationCode,
    Appointment,
    AppointmentKind,
    ChecklistItem,
    ItemStatus,
    PartnerToken,
    ReleasePlan,
    Reminder,
)

__all__ = [
    "Checkin",
    "CheckinAnswer",
    "AvailabilityException",
    "ChampionRequest",
    "Match",
    "MatchMessage",
    "MatchStatus",
    "Meeting",
    "RequestStatus",
    "SupportKind",
    "WeeklySlot",
    "ActivationCode",
    "Appointment",
    "AppointmentKind",
    "ChecklistItem",
    "ItemStatus",
    "PartnerToken",
    "Reminder",
    "AuditEvent",
    "ChampionProfile",
    "ChampionStatus",
    "ChatMessage",
    "Sender",
    "StaffTask",
    "TaskKind",
    "FamilyLink",
    "GuidanceFeedback",
    "MutualAidMeeting",
    "Person",
    "Prison",
    "ReleasePlan",
    "Role",
]
