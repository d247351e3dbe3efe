"""Who is suggested as a person's Recovery Champion, in what order and why; and matching many
requests at once without overfilling anyone."""
import itertools
import random
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import event

from portal.models import (
    AvailabilityException,
    ChampionProfile,
    ChampionRequest,
    ChampionStatus,
    Match,
    MatchStatus,
    Meeting,
    Person,
    ReleasePlan,
    Role,
    SupportKind,
    WeeklySlot,
)
from portal.services.champions import candidates, matching
from portal.services.champions.availability import Change, Slot
from portal.services.champions.matching import Candidate, RequestPrefs
from portal.services.clock import LONDON

NOW = datetime(2026, 6, 1, 8, tzinfo=UTC)  # Monday 09:00 in London
WEEKDAYS = [Slot(day, time(9), time(17)) for day in range(5)]


def prefs(request_id=1, **changes) -> RequestPrefs:
    values = {"request_id": request_id, "person_id": 100 + request_id, "kind": SupportKind.PEER, "languages": ("pl", "en"),
                  "area": "Leeds", "window_start": NOW, "window_end": NOW + timedelta(days=14)}
    values.update(changes)
    return RequestPrefs(**values)


def champion(champion_id, **changes) -> Candidate:
    values = {"champion_id": champion_id, "status": ChampionStatus.APPROVED, "kind": SupportKind.PEER,
                  "languages": {"en", "pl"}, "areas": {"Leeds"}, "gender": "man", "max_mentees": 3, "weekly": WEEKDAYS}
    values.update(changes)
    return Candidate(**values)


def ids(suggestions) -> list[int]:
    return [s.champion_id for s in suggestions]


# --- the hard rules ------------------------------------------------------------------------------

def test_only_approved_champions_of_the_kind_asked_for_are_suggested():
    candidates = [champion(1), champion(2, status=ChampionStatus.APPLIED), champion(3, status=ChampionStatus.PAUSED),
                  champion(4, status=ChampionStatus.WITHDRAWN), champion(5, kind=SupportKind.FAMILY)]
    assert ids(matching.suggest(prefs(), candidates)) == [1]
    assert ids(matching.suggest(prefs(kind=SupportKind.FAMILY), candidates)) == [5]


def test_a_champion_must_speak_one_of_the_persons_languages_and_cover_their_area():
    candidates = [champion(1, languages={"ro"}), champion(2, areas={"Bradford"}), champion(3, languages={"en"}),
                  champion(4, areas={"Bradford", "  LEEDS "})]
    assert ids(matching.suggest(prefs(area="leeds"), candidates)) == [4, 3]


def test_a_champion_with_no_place_left_is_not_suggested():
    candidates = [champion(1, max_mentees=2, active_mentees=1, open_offers=1), champion(2, max_mentees=2, active_mentees=1)]
    assert ids(matching.suggest(prefs(), candidates)) == [2]


def test_a_champion_with_no_free_hour_in_the_window_is_not_suggested():
    away_a_fortnight = [Change(date(2026, 6, 1) + timedelta(days=d), False) for d in range(15)]
    mondays = [Slot(0, time(9), time(17))]  # the window runs from Monday 09:00 to Monday 09:00
    both_mondays_booked = [NOW + timedelta(days=d, hours=h) for d in (0, 7) for h in range(8)]
    candidates = [champion(1, exceptions=away_a_fortnight), champion(2, weekly=[]),
                  champion(3, weekly=mondays, booked=both_mondays_booked),
                  champion(4)]
    assert ids(matching.suggest(prefs(), candidates)) == [4]


# --- the score and its reasons ---------------------------------------------------------------------

def test_reasons_are_codes_with_parameters_in_a_fixed_order():
    wanted = prefs(gender_preference="woman", experience={"opiates", "prison", "alcohol"}, needs={"women"},
                   previous_champions={7})
    best = champion(7, gender="woman", experience={"prison", "opiates"}, specialisms={"women", "veterans"},
                    active_mentees=0, weekly=[Slot(2, time(10), time(12))])
    [suggestion] = matching.suggest(wanted, [best])
    assert suggestion.reasons == [
        ("knew_before", {}),
        ("speaks", {"language": "pl"}),
        ("gender_match", {}),
        ("shared_experience", {"tags": ["opiates", "prison"]}),
        ("specialism", {"needs": ["women"]}),
        ("covers_area", {"area": "Leeds"}),
        ("free_soon", {"date": date(2026, 6, 3)}),
        ("light_load", {"active": 0, "max": 3}),
    ]
    assert {code for code, _ in suggestion.reasons} <= set(matching.REASON_CODES)
    assert suggestion.first_free == datetime(2026, 6, 3, 10, tzinfo=LONDON)
    # all but 1/3 of experience (20 × 1/3) and a little of "soon" (two days into fourteen)
    assert suggestion.score == pytest.approx(100 - 20 / 3 - 15 * (49 / 336), abs=0.02)


def test_a_perfect_fit_free_now_with_no_mentees_scores_100():
    [suggestion] = matching.suggest(prefs(previous_champions={1}), [champion(1)])
    assert suggestion.score == 100


def test_speaking_the_persons_first_language_ranks_above_speaking_another():
    candidates = [champion(1, languages={"en"}), champion(2, languages={"pl"})]
    assert ids(matching.suggest(prefs(languages=("pl", "en")), candidates)) == [2, 1]
    assert ids(matching.suggest(prefs(languages=("en", "pl")), candidates)) == [1, 2]


def test_the_gender_asked_for_ranks_first_but_others_are_still_suggested():
    candidates = [champion(1, gender="man"), champion(2, gender="woman")]
    suggestions = matching.suggest(prefs(gender_preference="woman"), candidates)
    assert ids(suggestions) == [2, 1]
    assert ("gender_match", {}) not in suggestions[1].reasons


def test_shared_lived_experience_and_needs_met_rank_higher():
    wanted = prefs(experience={"crack", "homelessness"}, needs={"veterans"})
    candidates = [champion(1), champion(2, experience={"crack"}), champion(3, experience={"crack", "homelessness"}),
                  champion(4, specialisms={"veterans"})]
    # all the experience (20 points) > the one need (15) > half the experience (10) > nothing
    assert ids(matching.suggest(wanted, candidates)) == [3, 4, 2, 1]


def test_a_champion_free_sooner_ranks_higher():
    candidates = [champion(1, weekly=[Slot(4, time(9), time(10))]), champion(2, weekly=[Slot(1, time(9), time(10))])]
    suggestions = matching.suggest(prefs(), candidates)
    assert ids(suggestions) == [2, 1]
    assert suggestions[0].reasons[-2] == ("free_soon", {"date": date(2026, 6, 2)})


def test_a_champion_who_worked_with_the_person_before_ranks_higher_on_a_rematch():
    candidates = [champion(1), champion(2)]
    assert ids(matching.suggest(prefs(previous_champions={2}), candidates)) == [2, 1]


def test_champions_with_fewer_mentees_rank_higher_so_the_load_is_shared():
    candidates = [champion(1, active_mentees=2), champion(2, active_mentees=1), champion(3, open_offers=1, max_mentees=6)]
    suggestions = matching.suggest(prefs(), candidates)
    assert ids(suggestions) == [3, 2, 1]
    assert ("light_load", {"active": 1, "max": 6}) in suggestions[0].reasons
    assert not any(code == "light_load" for code, _ in suggestions[2].reasons)


def test_ties_go_to_the_earlier_free_time_then_the_lower_id_whatever_the_input_order():
    same = [champion(i) for i in (5, 3, 9, 1)]
    assert ids(matching.suggest(prefs(), same, limit=3)) == [1, 3, 5]
    assert ids(matching.suggest(prefs(), list(reversed(same)), limit=3)) == [1, 3, 5]


@pytest.mark.parametrize("seed", range(20))
def test_suggestions_are_the_best_of_everyone_scored(seed):
    # suggest() stops looking up free time once nobody left could do better: it must lose no one.
    rng = random.Random(seed)
    requests, candidates = _random_case(rng, 3, 40)
    for wanted in requests:
        everyone = [s for s in (matching.evaluate(wanted, c) for c in candidates) if s is not None]
        everyone.sort(key=lambda s: (-s.score, s.first_free, s.champion_id))
        assert matching.suggest(wanted, candidates, limit=4) == everyone[:4]


# --- many requests at once ----------------------------------------------------------------------

def test_optimal_assignment_beats_greedy_on_a_contested_champion():
    # Ana fits both people best; Ben fits only the first. Greedy gives Ana to the first person and
    # leaves the second with nobody; the optimal assignment matches both.
    requests = [prefs(1, experience={"opiates"}, needs={"women"}), prefs(2)]
    candidates = [champion(10, experience={"opiates"}, specialisms={"women"}, max_mentees=1),
                  champion(20, languages={"en"}, max_mentees=1, areas={"Leeds"})]
    requests[1] = prefs(2, languages=("pl",))  # only Ana speaks Polish
    greedy = matching.greedy_assign(requests, candidates)
    optimal = matching.batch_assign(requests, candidates)
    assert {r: s.champion_id for r, s in greedy.chosen.items()} == {1: 10}
    assert greedy.unassigned == [2]
    assert {r: s.champion_id for r, s in optimal.chosen.items()} == {1: 20, 2: 10}
    assert optimal.unassigned == []
    assert optimal.total_score > greedy.total_score


def test_optimal_assignment_has_a_higher_total_than_greedy_with_everyone_matched():
    # Both champions can take either person; greedy takes the single best pair first.
    requests = [prefs(1, experience={"opiates", "prison"}), prefs(2, experience={"opiates", "prison"}, needs={"women"})]
    candidates = [champion(10, experience={"opiates", "prison"}, specialisms={"women"}, max_mentees=1),
                  champion(20, experience={"opiates", "prison"}, max_mentees=1, weekly=[Slot(3, time(9), time(12))])]
    greedy = matching.greedy_assign(requests, candidates)
    optimal = matching.batch_assign(requests, candidates)
    assert len(greedy.chosen) == len(optimal.chosen) == 2
    assert optimal.total_score >= greedy.total_score
    assert {r: s.champion_id for r, s in optimal.chosen.items()} == {1: 20, 2: 10}


def test_matching_one_more_person_comes_before_a_higher_total():
    # Leaving person 2 out would let person 1 have the better champion; we match both instead.
    requests = [prefs(1, gender_preference="woman", experience={"crack"}), prefs(2, languages=("ro",))]
    candidates = [champion(10, gender="woman", experience={"crack"}, languages={"pl", "ro"}, max_mentees=1),
                  champion(20, max_mentees=1, weekly=[Slot(4, time(16), time(17))])]
    optimal = matching.batch_assign(requests, candidates)
    assert {r: s.champion_id for r, s in optimal.chosen.items()} == {1: 20, 2: 10}


def test_requests_nobody_can_take_are_reported_unassigned_and_the_earliest_wins_a_tie():
    requests = [prefs(1), prefs(2, area="Cardiff"), prefs(3, languages=("ar",)), prefs(4)]
    result = matching.batch_assign(requests, [champion(10, max_mentees=1)])
    assert list(result.chosen) == [1]
    assert result.unassigned == [2, 3, 4]
    assert matching.batch_assign([], [champion(10)]) == matching.Assignment({}, [])


def test_a_champion_takes_no_more_people_than_places_left_and_later_places_score_less():
    requests = [prefs(i) for i in range(1, 6)]
    result = matching.batch_assign(requests, [champion(10, max_mentees=4, active_mentees=1)])
    assert len(result.chosen) == 3
    scores = [result.chosen[r].score for r in (1, 2, 3)]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[2]


def _random_case(rng: random.Random, n_requests: int, n_champions: int):
    areas, langs = ["Leeds", "Bradford"], ["en", "pl", "ro"]
    tags, needs = ["opiates", "crack", "alcohol", "prison"], ["women", "veterans"]
    requests = [prefs(i, area=rng.choice(areas), languages=tuple(rng.sample(langs, rng.randint(1, 2))),
                      gender_preference=rng.choice(["", "woman", "man"]),
                      experience=set(rng.sample(tags, rng.randint(0, 2))), needs=set(rng.sample(needs, rng.randint(0, 1))),
                      previous_champions={rng.randrange(n_champions)} if rng.random() < 0.2 else set())
                for i in range(n_requests)]
    candidates = [champion(c, areas=set(rng.sample(areas, rng.randint(1, 2))),
                           languages=set(rng.sample(langs, rng.randint(1, 2))), gender=rng.choice(["woman", "man"]),
                           experience=set(rng.sample(tags, rng.randint(0, 3))),
                           specialisms=set(rng.sample(needs, rng.randint(0, 1))),
                           max_mentees=(m := rng.randint(1, 3)), active_mentees=rng.randint(0, m - 1),
                           weekly=[Slot(rng.randrange(7), time(rng.randint(8, 18)), time(20))])
                  for c in range(n_champions)]
    return requests, candidates


def _brute_force_best(requests, candidates) -> tuple[int, float]:
    """(people matched, total score) of the best assignment, trying every one."""
    options = [[None] + [c for c in candidates if matching.evaluate(p, c) is not None] for p in requests]
    best = (0, 0.0)
    for choice in itertools.product(*options):
        given: dict[int, int] = {}
        total, ok = 0.0, True
        for p, c in zip(requests, choice):
            if c is None:
                continue
            suggestion = matching.evaluate(p, c, given.get(c.champion_id, 0))
            if suggestion is None:
                ok = False
                break
            given[c.champion_id] = given.get(c.champion_id, 0) + 1
            total += suggestion.score
        if ok:
            best = max(best, (sum(given.values()), round(total, 2)))
    return best


@pytest.mark.parametrize("seed", range(60))
def test_optimal_assignment_equals_brute_force_on_small_random_cases(seed):
    rng = random.Random(seed)
    requests, candidates = _random_case(rng, rng.randint(1, 5), rng.randint(1, 4))
    result = matching.batch_assign(requests, candidates)
    assert (len(result.chosen), result.total_score) == _brute_force_best(requests, candidates)
    greedy = matching.greedy_assign(requests, candidates)
    assert (len(greedy.chosen), greedy.total_score) <= (len(result.chosen), result.total_score)


@pytest.mark.parametrize("seed", range(5))
def test_no_champion_is_ever_given_more_than_their_places_left(seed):
    rng = random.Random(1000 + seed)
    requests, candidates = _random_case(rng, 60, 15)
    by_id = {c.champion_id: c for c in candidates}
    for result in (matching.batch_assign(requests, candidates), matching.greedy_assign(requests, candidates)):
        counts: dict[int, int] = {}
        for request_id, suggestion in result.chosen.items():
            counts[suggestion.champion_id] = counts.get(suggestion.champion_id, 0) + 1
            assert matching.evaluate(requests[request_id], by_id[suggestion.champion_id]) is not None
        assert all(n <= by_id[c].places_left for c, n in counts.items())
        assert sorted(list(result.chosen) + result.unassigned) == list(range(60))


# --- from the database ----------------------------------------------------------------------------

def _person(db, role, name, locale="en") -> Person:
    person = Person(role=role, first_name=name, locale=locale)
    db.add(person)
    db.flush()
    return person


def _champion(db, name, *, status=ChampionStatus.APPROVED, kind=SupportKind.PEER, languages=("en",), areas=("Leeds",),
              gender="man", experience=(), specialisms=(), max_mentees=3, weekly=WEEKDAYS) -> ChampionProfile:
    profile = ChampionProfile(person_id=_person(db, Role.CHAMPION, name).id, status=status, kind=kind, gender=gender,
                              languages=list(languages), areas=list(areas), experience=list(experience),
                              specialisms=list(specialisms), max_mentees=max_mentees)
    db.add(profile)
    db.flush()
    for slot in weekly:
        db.add(WeeklySlot(champion_id=profile.id, weekday=slot.weekday, start=slot.start, end=slot.end))
    db.flush()
    return profile


def _request(db, name="Marek", *, locale="pl", languages=("en", "pl"), area="Leeds", release_date=None, **fields):
    person = _person(db, Role.PRISONER if release_date else Role.RELEASED, name, locale)
    if release_date:
        db.add(ReleasePlan(person_id=person.id, release_date=release_date, release_time=time(10), release_area="Leeds"))
    request = ChampionRequest(person_id=person.id, requested_by_id=person.id, languages=list(languages), area=area,
                              **fields)
    db.add(request)
    db.commit()
    return request


def _match(db, request, profile, status, **fields) -> Match:
    match = Match(request_id=request.id, champion_id=profile.id, person_id=request.person_id, status=status,
                  respond_by=NOW + timedelta(days=2), **fields)
    db.add(match)
    db.commit()
    return match


def test_suggestions_from_the_database_follow_the_rules(db):
    polish = _champion(db, "Tomasz", languages=("en", "pl"), areas=("Leeds", "Bradford"), experience=("opiates",))
    english = _champion(db, "Gareth", areas=("leeds",))
    _champion(db, "Paused", status=ChampionStatus.PAUSED, languages=("pl",))
    _champion(db, "Family", kind=SupportKind.FAMILY, languages=("pl",))
    _champion(db, "Cardiff", areas=("Cardiff",), languages=("pl",))
    _champion(db, "Romanian", languages=("ro",))
    request = _request(db, experience=["opiates"])
    suggestions = candidates.suggest_champions(db, request, NOW)
    assert ids(suggestions) == [polish.id, english.id]
    assert suggestions[0].reasons[0] == ("speaks", {"language": "pl"})  # the person's portal language comes first
    assert ("shared_experience", {"tags": ["opiates"]}) in suggestions[0].reasons


def test_open_matches_fill_places_but_one_for_this_request_does_not_count_against_it(db):
    full = _champion(db, "Full", max_mentees=2)
    mine = _champion(db, "Offered to me", max_mentees=1)
    other, request = _request(db, "Other"), _request(db)
    _match(db, other, full, MatchStatus.ACTIVE)
    _match(db, other, full, MatchStatus.OFFERED)
    _match(db, _request(db, "Done"), full, MatchStatus.COMPLETED)  # finished: no longer holds a place
    _match(db, request, mine, MatchStatus.OFFERED)
    assert ids(candidates.suggest_champions(db, request, NOW)) == [mine.id]
    assert ids(candidates.suggest_champions(db, _request(db, "Someone else"), NOW)) == []


def test_a_booked_meeting_takes_the_champions_only_free_hour(db):
    busy = _champion(db, "Busy", weekly=[Slot(1, time(10), time(11))])
    request, other = _request(db), _request(db, "Other")
    match = _match(db, other, busy, MatchStatus.ACTIVE)
    assert ids(candidates.suggest_champions(db, request, NOW)) == [busy.id]
    for week in (0, 1):
        start = datetime(2026, 6, 2, 9, tzinfo=UTC) + timedelta(weeks=week)
        db.add(Meeting(match_id=match.id, champion_id=busy.id, starts_at=start, ends_at=start + timedelta(hours=1),
                       booked_by_id=other.person_id))
    db.commit()
    assert ids(candidates.suggest_champions(db, request, NOW)) == []


def test_the_window_is_the_first_fourteen_days_after_release(db):
    release = date(2026, 7, 1)  # a Wednesday, a month away
    away_then = _champion(db, "Away in July")
    for day in range(15):
        db.add(AvailabilityException(champion_id=away_then.id, on_date=release + timedelta(days=day), available=False))
    away_now = _champion(db, "Away now")
    for day in range(15):
        db.add(AvailabilityException(champion_id=away_now.id, on_date=date(2026, 6, 1) + timedelta(days=day),
                                     available=False))
    db.commit()
    request = _request(db, release_date=release)
    prefs = candidates.prefs_for(db, request, NOW)
    assert prefs.window_start == datetime(2026, 7, 1, 10, tzinfo=LONDON)
    assert prefs.window_end == datetime(2026, 7, 15, 10, tzinfo=LONDON)
    suggestions = candidates.suggest_champions(db, request, NOW)
    assert ids(suggestions) == [away_now.id]
    assert suggestions[0].first_free == datetime(2026, 7, 1, 10, tzinfo=LONDON)
    # someone already out looks at the next fourteen days instead
    assert ids(candidates.suggest_champions(db, _request(db, "Out"), NOW)) == [away_then.id]


def test_a_champion_who_worked_with_the_person_before_is_marked_on_a_rematch(db):
    first, second = _champion(db, "First"), _champion(db, "Second")
    old = _request(db)
    _match(db, old, second, MatchStatus.COMPLETED)
    old.status = "closed"
    db.add(old)
    db.commit()
    rematch = ChampionRequest(person_id=old.person_id, requested_by_id=old.person_id, languages=["en"], area="Leeds")
    db.add(rematch)
    db.commit()
    suggestions = candidates.suggest_champions(db, rematch, NOW)
    assert ids(suggestions) == [second.id, first.id]
    assert suggestions[0].reasons[0] == ("knew_before", {})


def test_areas_match_without_case_or_extra_spaces_and_with_welsh_letters(db):
    mon = _champion(db, "Bethan", areas=("Ynys Môn",), languages=("cy", "en"))
    tower = _champion(db, "Ali", areas=("Tower  Hamlets",))
    percent = _champion(db, "Odd", areas=("Leeds_North",))
    assert ids(candidates.suggest_champions(db, _request(db, "A", area="ynys môn"), NOW)) == [mon.id]
    assert ids(candidates.suggest_champions(db, _request(db, "B", area=" tower hamlets"), NOW)) == [tower.id]
    assert ids(candidates.suggest_champions(db, _request(db, "C", area="Leeds_North"), NOW)) == [percent.id]
    assert ids(candidates.suggest_champions(db, _request(db, "D", area="LeedsXNorth"), NOW)) == []


def test_suggestions_take_a_handful_of_queries_however_many_champions(db):
    for i in range(30):
        _champion(db, f"Champion {i}", areas=("Leeds" if i % 3 else "York",))
    db.commit()
    request = _request(db)
    statements = []
    listener = lambda *args: statements.append(args[2])
    event.listen(db.get_bind(), "before_cursor_execute", listener)
    try:
        suggestions = candidates.suggest_champions(db, request, NOW, limit=50)
    finally:
        event.remove(db.get_bind(), "before_cursor_execute", listener)
    assert len(suggestions) == 20
    assert len(statements) <= 8


def test_suggestions_loading_free_time_for_the_few_equal_scoring_everyone(db):
    rng = random.Random(7)
    for i in range(70):
        start = rng.randint(8, 18)
        _champion(db, f"Champion {i}", languages=rng.choice([("en",), ("en", "pl"), ("pl",)]),
                  experience=rng.sample(["opiates", "crack", "prison"], rng.randint(0, 2)),
                  max_mentees=rng.randint(1, 4), gender=rng.choice(["man", "woman"]),
                  weekly=[Slot(rng.randrange(7), time(start), time(start + rng.randint(1, 3)))])
    request = _request(db, experience=["opiates", "prison"], gender_preference="woman")
    everyone = matching.suggest(candidates.prefs_for(db, request, NOW), candidates.load_candidates(db, request, NOW), 70)
    assert len(everyone) == 70
    for limit in (1, 5, 30):
        assert candidates.suggest_champions(db, request, NOW, limit=limit) == everyone[:limit]


def test_a_relative_is_offered_family_support_volunteers_only(db):
    volunteer = _champion(db, "Helen", kind=SupportKind.FAMILY, specialisms=("families",))
    _champion(db, "Peer")
    relative = _person(db, Role.FAMILY, "Karen")
    request = ChampionRequest(person_id=relative.id, requested_by_id=relative.id, kind=SupportKind.FAMILY,
                              languages=["en"], area="Leeds", needs=["families"])
    db.add(request)
    db.commit()
    prefs = candidates.prefs_for(db, request, NOW)
    assert (prefs.window_start, prefs.window_end) == (NOW, NOW + timedelta(days=14))
    [suggestion] = candidates.suggest_champions(db, request, NOW)
    assert suggestion.champion_id == volunteer.id
    assert ("specialism", {"needs": ["families"]}) in suggestion.reasons


def test_batch_from_the_database_fills_places_left_and_no_more(db):
    one_place = _champion(db, "One place", max_mentees=2, languages=("en", "pl"))
    two_places = _champion(db, "Two places", max_mentees=2)
    _match(db, _request(db, "Earlier"), one_place, MatchStatus.ACTIVE)
    requests = [_request(db, f"Person {i}") for i in range(4)]
    wanted, champions = candidates.batch_inputs(db, requests, NOW)
    assert [p.request_id for p in wanted] == [r.id for r in requests]
    result = matching.batch_assign(wanted, champions)
    given = sorted(s.champion_id for s in result.chosen.values())
    assert given == sorted([one_place.id, two_places.id, two_places.id])
    assert len(result.unassigned) == 1
