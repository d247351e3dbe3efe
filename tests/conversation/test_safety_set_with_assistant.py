"""The independent safety set through the portal with the real Rasa and action server up.

With the assistant up, both nets read every message: the portal's own layer first, then Rasa's
intents (report_emergency, express_crisis), whose safety replies the portal answers with its steps
in the writer's language. Figures go to var/safety-eval-rasa-up.json and the README; the floors are
what the whole stack reaches today on this set (issue 9's goal: recall 1.00, under 2 % false alarms).
Raise them as it improves; never lower them.
"""
from pathlib import Path

import pytest

from tests import safety_evaluation
from tests.test_safety_set_without_assistant import MAX_FALSE_ALARM_RATE, MIN_RECALL

pytestmark = pytest.mark.assistant

REPORT = Path(__file__).resolve().parents[2] / "var" / "safety-eval-rasa-up.json"


def test_the_independent_safety_set_with_the_assistant_up(stack):
    sets = safety_evaluation.load()
    assert len(sets) == 8, f"the independent safety set covers {sorted(sets)} only"
    results = safety_evaluation.run(stack.url, stack.app.extensions["db_engine"], sets)
    safety_evaluation.write_report(results, REPORT, "assistant up")
    for language, result in results.items():
        assert result.safety >= 40 and result.non_safety >= 60, language
        assert result.recall >= MIN_RECALL, (language, result.missed)
        assert result.false_alarm_rate <= MAX_FALSE_ALARM_RATE, (language, result.false)
