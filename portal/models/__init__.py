"""All tables, imported here so that SQLModel.metadata knows every one."""
from .audit import AuditEvent
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
from .content import GuidanceFeedback, MutualAidMeeting
from .conversations import ChatMessage, Checkin, CheckinAnswer, Sender, StaffTask, TaskKind
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
    "ActivationCode",
    "Appointment",
    "AppointmentKind",
    "AuditEvent",
    "AvailabilityException",
    "ChampionProfile",
    "ChampionRequest",
    "ChampionStatus",
    "ChatMessage",
    "Checkin",
    "CheckinAnswer",
    "ChecklistItem",
    "FamilyLink",
    "GuidanceFeedback",
    "ItemStatus",
    "Match",
    "MatchMessage",
    "MatchStatus",
    "Meeting",
    "MutualAidMeeting",
    "PartnerToken",
    "Person",
    "Prison",
    "ReleasePlan",
    "Reminder",
    "RequestStatus",
    "Role",
    "Sender",
    "StaffTask",
    "SupportKind",
    "TaskKind",
    "WeeklySlot",
]
