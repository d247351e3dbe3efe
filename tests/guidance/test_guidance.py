"""The guidance library in the portal: safe pages, search with an English fallback, feedback, review."""
from datetime import UTC, date, datetime

from sqlmodel import select

from portal.models import GuidanceFeedback
from portal.services.content import directory as directory_service
from portal.services.content import guidance
from tests.support import AuthActions, csrf_token_from


def test_markdown_is_rendered_without_raw_html_or_scripts():
    html = guidance.render_markdown('## Hi\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://evil.example/)')
    assert "<script" not in html
    assert "href=\"javascript:" not in html
    assert "https://evil.example" not in html
    assert "<h2>Hi</h2>" in html


def test_topic_page_shows_summary_steps_sources_and_review_date(client):
    page = client.get("/guidance/naloxone").get_data(as_text=True)
    assert "Naloxone" in page
    assert "Sources" in page and "Last reviewed" in page
    assert "What to do" in page


def test_topic_page_is_in_the_readers_language(client):
    page = client.get("/guidance/naloxone", headers={"Accept-Language": "pl"}).get_data(as_text=True)
    assert 'lang="pl"' in page and "This page is not yet available" not in page


def test_kiosk_pages_never_link_off_the_portal(demo, client):
    AuthActions(client).kiosk()
    for url in ["/guidance/naloxone", "/guidance/mental-health-and-crisis", "/services/?area=leeds"]:
        html = client.get(url).get_data(as_text=True)
        assert "https://" not in html and "http://" not in html, url


def test_search_finds_pages_in_the_readers_language(client):
    page = client.get("/guidance/search?q=nalokson", headers={"Accept-Language": "pl"}).get_data(as_text=True)
    assert "/guidance/naloxone" in page
    assert "These results are in English" not in page


def test_search_falls_back_to_english_and_says_so(client):
    page = client.get("/guidance/search?q=naloxone+nasal+spray", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert "/guidance/naloxone" in page
    assert 'lang="en" dir="ltr"' in page


def test_unknown_topic_is_a_clear_404(client):
    response = client.get("/guidance/no-such-topic")
    assert response.status_code == 404
    assert "We could not find that page" in response.get_data(as_text=True)


def test_feedback_is_stored_per_topic_and_language(client, db):
    token = csrf_token_from(client.get("/guidance/naloxone", headers={"Accept-Language": "cy"}).get_data(as_text=True))
    response = client.post("/guidance/naloxone/feedback", data={"helpful": "no", "comment": "more on the spray",
                                                                "csrf_token": token}, headers={"Accept-Language": "cy"})
    assert response.status_code == 302
    entry = db.exec(select(GuidanceFeedback)).one()
    assert (entry.topic_id, entry.language, entry.helpful, entry.comment) == ("naloxone", "cy", False, "more on the spray")


def test_feedback_without_an_answer_keeps_the_comment(client, db):
    token = csrf_token_from(client.get("/guidance/naloxone").get_data(as_text=True))
    response = client.post("/guidance/naloxone/feedback", data={"comment": "typed text", "csrf_token": token})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Choose yes or no" in html and "typed text" in html
    assert db.exec(select(GuidanceFeedback)).first() is None


def test_staff_review_page_flags_pages_not_reviewed_in_a_year(demo, client):
    AuthActions(client).sign_in("staff@example.org")
    page = client.get("/staff/guidance").get_data(as_text=True)
    assert "Guidance review" in page
    stale = guidance.GuidancePage("x", "en", "X", ("family",), "S", date(2024, 1, 1), (), (), (), "", "", "")
    assert stale.review_due(date(2026, 11, 23))
    assert not stale.review_due(date(2024, 6, 1))


def test_services_are_found_by_area_and_need_with_national_lines(client):
    directory = directory_service.directory(str(directory_service.Path("content/services").resolve()))
    found = directory.search("leeds", "crisis-line")
    assert any(s.area_id == "leeds" for s in found)
    assert any(s.id == "national-samaritans" for s in found)
    assert all("crisis-line" in s.needs for s in found)


def test_open_now_follows_london_time_across_the_clock_change():
    span = directory_service._span("09:00-17:00")
    service = directory_service.Service("s", "S", "a", "A", True, (), "", "", (), {"mon": (span,)}, {})
    # Monday 30 March 2026 is in British Summer Time: 08:30 UTC is 09:30 in London.
    assert service.open_at(datetime(2026, 3, 30, 8, 30, tzinfo=UTC))
    # Monday 23 November 2026 is GMT: 08:30 UTC is 08:30 in London, before opening.
    assert not service.open_at(datetime(2026, 11, 23, 8, 30, tzinfo=UTC))


def test_services_page_shows_demo_label_and_open_state(client):
    page = client.get("/services/?area=leeds&need=naloxone").get_data(as_text=True)
    assert "Demo data: not a real service" in page
    assert ("Open now" in page) or ("Closed now" in page)
