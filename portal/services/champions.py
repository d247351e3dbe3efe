"""Recovery Champion profiles."""
from sqlmodel import Session, select

from portal.models import ChampionProfile, Person


def profile_of(session: Session, person: Person) -> ChampionProfile | None:
    return session.exec(select(ChampionProfile).where(ChampionProfile.person_id == person.id)).first()
