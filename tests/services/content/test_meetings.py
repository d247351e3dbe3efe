"""Importing mutual-aid meetings from a Meeting Guide feed: days, times, re-imports, and no contact names."""
import json
from datetime import time

from sqlmodel import select

from portal.models import MutualAidMeeting
from tests.support import REPO

FEED = REPO / "tests" / "fixtures" / "meeting_guide_leeds.json"


def _import(runner, path=FEED):
    return runner.invoke(args=["import-meetings", str(path), "--area", "leeds", "--source", "na-leeds"])


def test_feed_is_imported_with_days_counted_from_monday(runner, db):
    result = _import(runner)
    assert "4 added" in result.output, result.output
    meetings = {m.slug: m for m in db.exec(select(MutualAidMeeting)).all()}
    central = meetings["leeds-central-just-for-today"]
    assert (central.weekday, central.start_time, central.end_time) == (0, time(19, 0), time(20, 30))  # feed 1 = Monday
    assert {meetings["headingley-step-0"].weekday, meetings["headingley-step-1"].weekday} == {2, 5}
    assert meetings["online-newcomers"].weekday == 6 and meetings["online-newcomers"].attendance == "online"


def test_a_broken_entry_is_reported_and_skipped(runner, db):
    result = _import(runner)
    assert "skipped: broken" in result.output
    assert db.exec(select(MutualAidMeeting).where(MutualAidMeeting.slug == "broken")).first() is None


def test_no_contact_names_are_ever_stored(runner, db):
    _import(runner)
    for meeting in db.exec(select(MutualAidMeeting)).all():
        stored = json.dumps(meeting.model_dump(mode="json"))
        assert "Smithson" not in stored and "07700" not in stored


def test_re_import_updates_and_removes_meetings_gone_from_the_feed(runner, db, tmp_path):
    _import(runner)
    feed = json.loads(FEED.read_text())[:1]
    feed[0]["time"] = "18:30"
    smaller = tmp_path / "feed.json"
    smaller.write_text(json.dumps(feed))
    result = _import(runner, smaller)
    assert "0 added, 1 updated, 3 removed" in result.output
    assert db.exec(select(MutualAidMeeting)).one().start_time == time(18, 30)


def test_a_feed_that_is_not_a_list_changes_nothing(runner, db, tmp_path):
    _import(runner)
    bad = tmp_path / "bad.json"
    bad.write_text('{"meetings": []}')
    result = _import(runner, bad)
    assert result.exit_code != 0 and "feed not imported" in result.output
    assert len(db.exec(select(MutualAidMeeting)).all()) == 4


def test_meetings_show_in_the_services_directory(runner, client):
    _import(runner)
    page = client.get("/services/?area=leeds&need=mutual-aid").get_data(as_text=True)
    assert "Leeds Central Just for Today" in page
    assert "Smithson" not in page
