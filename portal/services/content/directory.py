"""The services directory: content/services/*.yml, searchable by area and need, with "open now"."""
from dataclasses import dataclass
from datetime import datetime, time
from functools import lru_cache
from pathlib import Path

import yaml

from portal.services.clock import LONDON

NEEDS = ("treatment", "naloxone", "needle-exchange", "mutual-aid", "family-support", "housing-advice",
         "crisis-line", "mental-health", "benefits-advice")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NATIONAL = "national"


@dataclass(frozen=True)
class OpeningSpan:
    start: time
    end: time | None  # None: until midnight ("24:00")

    def contains(self, moment: time) -> bool:
        return self.start <= moment and (self.end is None or moment < self.end)


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    area_id: str
    area: str
    demo: bool
    needs: tuple[str, ...]
    address: str
    phone: str
    languages: tuple[str, ...]
    hours: dict  # day -> tuple[OpeningSpan, ...]; empty when hours vary or are not listed
    offers: dict  # language -> text
    text_number: str = ""  # an SMS short code (Shout 85258)

    @property
    def has_hours(self) -> bool:
        return bool(self.hours)

    def open_at(self, moment: datetime) -> bool:
        local = moment.astimezone(LONDON)
        spans = self.hours.get(DAYS[local.weekday()], ())
        return any(span.contains(local.time()) for span in spans)

    def offer_in(self, lang: str) -> str:
        return self.offers.get(lang) or self.offers.get("en", "")

    @property
    def always_open(self) -> bool:
        return all(any(s.start == time(0) and s.end is None for s in self.hours.get(day, ())) for day in DAYS)


def _span(text: str) -> OpeningSpan:
    start, end = (part.strip() for part in text.split("-"))
    return OpeningSpan(time.fromisoformat(start), None if end == "24:00" else time.fromisoformat(end))


def _service(entry: dict, area_id: str, area: str, demo: bool) -> Service:
    return Service(
        id=entry["id"], name=entry["name"], area_id=area_id, area=area, demo=demo,
        needs=tuple(entry.get("needs", ())), address=entry.get("address", ""), phone=str(entry.get("phone", "")),
        languages=tuple(entry.get("languages", ())),
        hours={day: tuple(_span(s) for s in spans) for day, spans in (entry.get("hours") or {}).items()},
        offers=dict(entry.get("offers") or {}), text_number=str(entry.get("text", "")),
    )


class Directory:
    def __init__(self, folder: Path):
        self.services: list[Service] = []
        self.areas: dict[str, str] = {}
        for path in sorted(Path(folder).glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            area_id = data.get("area_id", path.stem)
            area = data.get("area", area_id)
            if area_id != NATIONAL:
                self.areas[area_id] = area
            for entry in data.get("services", []):
                self.services.append(_service(entry, area_id, area, bool(data.get("demo"))))

    def search(self, area_id: str | None = None, need: str | None = None, lang: str | None = None) -> list[Service]:
        """Local services for the area (national lines always included), filtered by need;
        services speaking the reader's language first."""
        found = [s for s in self.services
                 if (not area_id or s.area_id in (area_id, NATIONAL)) and (not need or need in s.needs)]
        return sorted(found, key=lambda s: (s.area_id == NATIONAL, lang not in s.languages if lang else False, s.name))


@lru_cache(maxsize=4)
def directory(folder: str) -> Directory:
    return Directory(Path(folder))
