"""Which Recovery Champions could support a person, in what order and why; and matching many at once.

Hard rules first: approved, the right kind of support, speaks one of the person's languages, covers
their area, has a place free and has a free hour in the person's window (the first 14 days after
release, or the next 14 days for someone already out). Then a score out of 100; see `WEIGHTS`.

Reasons are codes with parameters, never sentences: the portal words them in the reader's
language (portal/words/champions.py).

Everything here works on plain `RequestPrefs` and `Candidate` objects, so the rules can be tested and
timed without a database; candidates.py loads them.
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from portal.models import ChampionStatus, MatchStatus, ReleasePlan, SupportKind
from portal.services.champions import availability
from portal.services.clock import LONDON
from portal.services.plans.release_plans import release_moment

WINDOW = timedelta(days=14)

# Points out of 100 for each part of the score.
WEIGHTS = {
    "gender": 15,       # the gender the person asked for (full marks when they did not ask)
    "experience": 20,   # share of the person's lived experience the champion shares
    "needs": 15,        # share of the person's needs the champion is trained for
    "language": 15,     # their first language scores full, another of their languages half
    "soon": 15,         # how early in the window the champion's first free hour is
    "continuity": 10,   # they worked together before
    "load": 10,         # places free out of the champion's maximum: spreads people out
}
WEIGHTS_TOTAL = sum(WEIGHTS.values())
SECOND_LANGUAGE_SHARE = 0.5

# Matches that hold one of a champion's places (as match_states.OPEN_STATES).
HOLDING_A_PLACE = (MatchStatus.OFFERED, MatchStatus.ACCEPTED, MatchStatus.ACTIVE)
# Matches that count as having worked together. Not ENDED: an ended match may have gone wrong.
WORKED_TOGETHER = (MatchStatus.ACCEPTED, MatchStatus.ACTIVE, MatchStatus.COMPLETED)

# Reason codes, in the order they are listed to the person.
REASON_CODES = ("knew_before", "speaks", "gender_match", "shared_experience", "specialism", "covers_area",
                "free_soon", "light_load")


def area_key(name: str) -> str:
    """Areas are typed by people: compare them without case or extra spaces."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class RequestPrefs:
    request_id: int
    person_id: int
    kind: SupportKind
    languages: tuple[str, ...]  # the person's first language first
    area: str  # as the person wrote it; compared through area_key
    window_start: datetime
    window_end: datetime
    gender_preference: str = ""  # "" for no preference
    experience: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    previous_champions: frozenset[int] = frozenset()  # champions who worked with this person before

    def __post_init__(self):
        object.__setattr__(self, "languages", tuple(self.languages))
        object.__setattr__(self, "experience", frozenset(self.experience))
        object.__setattr__(self, "needs", frozenset(self.needs))
        object.__setattr__(self, "previous_champions", frozenset(self.previous_champions))


@dataclass(frozen=True)
class Candidate:
    champion_id: int
    status: ChampionStatus
    kind: SupportKind
    languages: frozenset[str]
    areas: frozenset[str]  # area keys (see area_key); given names are turned into keys
    gender: str = ""
    age_group: str = ""
    experience: frozenset[str] = frozenset()
    specialisms: frozenset[str] = frozenset()
    max_mentees: int = 3
    active_mentees: int = 0  # accepted and active matches
    open_offers: int = 0     # offers waiting for an answer: they hold a place too
    weekly: tuple = ()       # WeeklySlot-like rows (weekday, start, end)
    exceptions: tuple = ()   # AvailabilityException-like rows (on_date, available, start, end)
    booked: tuple[datetime, ...] = ()  # starts of meetings already booked

    def __post_init__(self):
        object.__setattr__(self, "languages", frozenset(self.languages))
        object.__setattr__(self, "areas", frozenset(area_key(a) for a in self.areas))
        object.__setattr__(self, "experience", frozenset(self.experience))
        object.__setattr__(self, "specialisms", frozenset(self.specialisms))
        object.__setattr__(self, "weekly", tuple(self.weekly))
        object.__setattr__(self, "exceptions", tuple(self.exceptions))
        object.__setattr__(self, "booked", tuple(self.booked))

    @cached_property
    def pattern(self) -> availability.Pattern:
        """Slots and changes indexed, built when first needed (many candidates never get this far)."""
        return availability.Pattern(self.weekly, self.exceptions)

    @property
    def places_taken(self) -> int:
        return self.active_mentees + self.open_offers

    @property
    def places_left(self) -> int:
        return max(0, self.max_mentees - self.places_taken)


@dataclass(frozen=True)
class Suggestion:
    champion_id: int
    score: float  # 0–100
    reasons: list  # [(code, params), ...], codes from REASON_CODES
    first_free: datetime  # the first bookable meeting start in the window (UTC)


@dataclass(frozen=True)
class Assignment:
    chosen: dict[int, Suggestion]  # request id → the champion chosen for it
    unassigned: list[int]  # request ids nobody suitable could take, in the order given

    @property
    def total_score(self) -> float:
        return round(sum(s.score for s in self.chosen.values()), 2)


def passes_filters(prefs: RequestPrefs, candidate: Candidate) -> bool:
    """Every hard rule except free time (the costly one, checked last)."""
    return (candidate.status == ChampionStatus.APPROVED
            and candidate.kind == prefs.kind
            and area_key(prefs.area) in candidate.areas
            and candidate.places_left > 0
            and not candidate.languages.isdisjoint(prefs.languages))


def first_free(prefs: RequestPrefs, candidate: Candidate) -> datetime | None:
    return candidate.pattern.first_bookable(prefs.window_start, prefs.window_end, taken=candidate.booked)


def evaluate(prefs: RequestPrefs, candidate: Candidate, given: int = 0) -> Suggestion | None:
    """The candidate's score and reasons for this request, or None if a hard rule rules them out.
    `given`: people already given to this champion in the same batch (they fill places and load)."""
    if not passes_filters(prefs, candidate) or given >= candidate.places_left:
        return None
    free = first_free(prefs, candidate)
    return None if free is None else _suggestion(prefs, candidate, free, given)


def _suggestion(prefs: RequestPrefs, candidate: Candidate, free: datetime, given: int) -> Suggestion:
    reasons: dict = {}
    hundredths = _fit(prefs, candidate, free, reasons) + _load_points(candidate, given, reasons)
    return Suggestion(candidate.champion_id, hundredths / 100,
                      [(code, reasons[code]) for code in REASON_CODES if code in reasons], free)


# Points are whole hundredths, so a batch total is exactly the sum of its parts. Each part fills
# in its reason when asked; the batch scores many pairs and asks only for the chosen ones.

def _fit(prefs: RequestPrefs, candidate: Candidate, free: datetime, reasons: dict | None = None) -> int:
    """Everything but load, in hundredths of a point."""
    shares = {}
    if candidate.champion_id in prefs.previous_champions:
        shares["continuity"] = 1.0
        if reasons is not None:
            reasons["knew_before"] = {}

    first = prefs.languages[0]
    spoken = first if first in candidate.languages else next(l for l in prefs.languages if l in candidate.languages)
    shares["language"] = 1.0 if spoken == first else SECOND_LANGUAGE_SHARE

    wanted_gender = prefs.gender_preference
    shares["gender"] = 1.0 if not wanted_gender or candidate.gender == wanted_gender else 0.0

    shared = prefs.experience & candidate.experience
    shares["experience"] = len(shared) / len(prefs.experience) if prefs.experience else 1.0

    met = prefs.needs & candidate.specialisms
    shares["needs"] = len(met) / len(prefs.needs) if prefs.needs else 1.0

    window = (prefs.window_end - prefs.window_start).total_seconds()
    wait = (free - prefs.window_start).total_seconds()
    shares["soon"] = min(1.0, max(0.0, 1 - wait / window)) if window > 0 else 1.0

    if reasons is not None:
        reasons["speaks"] = {"language": spoken}
        if wanted_gender and candidate.gender == wanted_gender:
            reasons["gender_match"] = {}
        if shared:
            reasons["shared_experience"] = {"tags": sorted(shared)}
        if met:
            reasons["specialism"] = {"needs": sorted(met)}
        reasons["covers_area"] = {"area": prefs.area}
        reasons["free_soon"] = {"date": free.astimezone(LONDON).date()}
    return sum(round(WEIGHTS[part] * share * 100) for part, share in shares.items())


def _load_points(candidate: Candidate, given: int, reasons: dict | None = None) -> int:
    """Places free out of the maximum, in hundredths of a point, counting `given` in this batch."""
    taken = candidate.places_taken + given
    if reasons is not None and taken * 2 < candidate.max_mentees:
        reasons["light_load"] = {"active": taken, "max": candidate.max_mentees}
    share = max(0.0, 1 - taken / candidate.max_mentees) if candidate.max_mentees else 0.0
    return round(WEIGHTS["load"] * share * 100)


def _rank_key(suggestion: Suggestion):
    return (-suggestion.score, suggestion.first_free, suggestion.champion_id)


def suggest(prefs: RequestPrefs, candidates: list[Candidate], limit: int = 5) -> list[Suggestion]:
    """The best candidates for one request, best first; ties go to the earlier free time, then the lower id."""
    return best_first(prefs, candidates, limit, with_free_time=lambda chunk: chunk)


def best_first(prefs: RequestPrefs, candidates: list[Candidate], limit: int, with_free_time) -> list[Suggestion]:
    """Score everyone as if free at once (the most "soon" can give), best first; then look up free
    time, the costly part, only until nobody left could beat the ones found. `with_free_time`
    gives a chunk of candidates their slots, changes and meetings (from the database, or as they are)."""
    if limit <= 0:
        return []
    area, languages = area_key(prefs.area), set(prefs.languages)
    hopefuls = []
    for candidate in candidates:
        if area in candidate.areas and not candidate.languages.isdisjoint(languages) \
                and passes_filters(prefs, candidate):
            best_case = _fit(prefs, candidate, prefs.window_start) + _load_points(candidate, 0)
            hopefuls.append((-best_case, candidate.champion_id, candidate))
    hopefuls.sort(key=lambda item: item[:2])
    found: list[Suggestion] = []
    chunk_size = max(4 * limit, 20)
    for first in range(0, len(hopefuls), chunk_size):
        chunk = hopefuls[first:first + chunk_size]
        if len(found) >= limit and round(found[limit - 1].score * 100) > -chunk[0][0]:
            break
        for (negative_best_case, _id, _candidate), candidate in zip(chunk, with_free_time([c for *_, c in chunk])):
            if len(found) >= limit and round(found[limit - 1].score * 100) > -negative_best_case:
                break
            free = first_free(prefs, candidate)
            if free is not None:
                found.append(_suggestion(prefs, candidate, free, 0))
                found.sort(key=_rank_key)
    return found[:limit]


def _feasible_pairs(requests: list[RequestPrefs], candidates: list[Candidate]):
    """For each request, [(candidate, first free start, fit in hundredths)] of those passing every hard rule."""
    by_area: dict[tuple, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.status == ChampionStatus.APPROVED and candidate.places_left > 0:
            for key in candidate.areas:
                by_area[(candidate.kind, key)].append(candidate)
    free_cache: dict[tuple, datetime | None] = {}
    pairs = []
    for prefs in requests:
        options = []
        for candidate in by_area.get((prefs.kind, area_key(prefs.area)), ()):
            if candidate.languages.isdisjoint(prefs.languages):
                continue
            key = (candidate.champion_id, prefs.window_start, prefs.window_end)
            if key not in free_cache:
                free_cache[key] = first_free(prefs, candidate)
            free = free_cache[key]
            if free is not None:
                options.append((candidate, free, _fit(prefs, candidate, free)))
        pairs.append(options)
    return pairs


def batch_assign(requests: list[RequestPrefs], candidates: list[Candidate]) -> Assignment:
    """Assign every request at once: as many people as can be matched are matched, and among
    such assignments the total score is the highest; no champion goes over their places left.

    Each champion becomes one column per place left, the k-th carrying the load score the
    champion would have with k more people; with a private "nobody" column per request this is a
    rectangular linear assignment, solved exactly on the sparse graph of allowed pairs. When the
    best totals tie, the people left out are the later ones in `requests` (pass the oldest first).
    """
    # Imported here so the rest of the portal runs without SciPy; only the batch needs it.
    import numpy as np
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    if not requests:
        return Assignment({}, [])
    pairs = _feasible_pairs(requests, candidates)
    n = len(requests)
    first_column: dict[int, int] = {}  # champion id → the column of their first place left
    places = 0
    ceiling = WEIGHTS_TOTAL * 100 + 1  # a pair costs ceiling − score in hundredths: always ≥ 1
    scale = n + 1  # room below one hundredth of a point for the tie-break on who is left out
    # Each request also has a "nobody" column of its own, dearer than any difference in scores:
    # matching one more person always beats a better total for fewer people.
    nobody = (ceiling + WEIGHTS_TOTAL * 100 * n + 1) * scale
    indptr, cols, costs, owner = [0], [], [], []
    for options in pairs:
        for candidate, _free, fit in options:
            if candidate.champion_id not in first_column:
                first_column[candidate.champion_id] = places
                places += candidate.places_left
                owner.extend((candidate, place) for place in range(candidate.places_left))
            column = first_column[candidate.champion_id]
            for place in range(candidate.places_left):
                cols.append(column + place)
                costs.append((ceiling - fit - _load_points(candidate, place)) * scale)
        indptr.append(len(cols))
    nobody_cols = [places + i for i in range(n)]
    # Rebuild row by row with each request's "nobody" column appended (CSR wants rows contiguous).
    data, indices, pointers = [], [], [0]
    for i in range(n):
        data.extend(costs[indptr[i]:indptr[i + 1]])
        data.append(nobody + (n - i))  # leaving out an earlier request costs a little more
        indices.extend(cols[indptr[i]:indptr[i + 1]])
        indices.append(nobody_cols[i])
        pointers.append(len(indices))
    graph = csr_array((np.array(data, dtype=float), np.array(indices), np.array(pointers)), shape=(n, places + n))
    matched_rows, matched_cols = min_weight_full_bipartite_matching(graph)
    winners = {i: owner[column][0] for i, column in zip(matched_rows.tolist(), matched_cols.tolist())
               if column < places}
    return _assignment(requests, pairs, winners)


def greedy_assign(requests: list[RequestPrefs], candidates: list[Candidate]) -> Assignment:
    """For comparison: take the best-scoring pair left, again and again, while places last."""
    pairs = _feasible_pairs(requests, candidates)
    ranked = sorted((-(fit + _load_points(candidate, 0)), free, candidate.champion_id, i, candidate)
                    for i, options in enumerate(pairs) for candidate, free, fit in options)
    given: dict[int, int] = defaultdict(int)
    winners = {}
    for *_key, i, candidate in ranked:
        if i in winners or given[candidate.champion_id] >= candidate.places_left:
            continue
        winners[i] = candidate
        given[candidate.champion_id] += 1
    return _assignment(requests, pairs, winners)


def _assignment(requests: list[RequestPrefs], pairs, winners: dict[int, Candidate]) -> Assignment:
    """Suggestions for the winners, each champion's people scored against their 1st, 2nd… place in
    request order (the load part depends only on how many, so the total is the same)."""
    given: dict[int, int] = defaultdict(int)
    chosen = {}
    for i, prefs in enumerate(requests):
        candidate = winners.get(i)
        if candidate is None:
            continue
        free = next(f for c, f, _points in pairs[i] if c is candidate)
        chosen[prefs.request_id] = _suggestion(prefs, candidate, free, given[candidate.champion_id])
        given[candidate.champion_id] += 1
    return Assignment(chosen, [p.request_id for p in requests if p.request_id not in chosen])


def window_for(plan: ReleasePlan | None, now: datetime) -> tuple[datetime, datetime]:
    """The first 14 days after release, or the next 14 days for someone already out (or with no plan)."""
    start = now
    if plan is not None:
        start = max(now, release_moment(plan))
    return start, start + WINDOW
