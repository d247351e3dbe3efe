"""The staff inbox: every open task of the staff member's prisons, each with its own answer box."""
import re

from tests.support import AuthActions


def test_each_answer_box_is_labelled_for_its_own_task(full_demo, client):
    AuthActions(client).sign_in("staff@example.org")
    page = client.get("/staff/tasks").get_data(as_text=True)
    boxes = re.findall(r'<textarea[^>]*id="([^"]+)"', page)
    labels = re.findall(r'<label[^>]*for="(answer[^"]*)"', page)
    assert len(boxes) >= 2  # a question and a visitor's hand-off in the demo
    assert len(set(boxes)) == len(boxes) and sorted(labels) == sorted(boxes)
