"""The independent safety set through the portal with the real Rasa and action server up.

With the assistant up, both nets read every message: the portal's own layer first, then Rasa's
intents (report_emergency, express_crisis), whose safety replies the portal answers with its steps
in the writer's language. Figures go to var/safety-eval-<set>-assistant-up.json and the README; the floors are
what the whole stack reaches today on this set (issue 9's goal: recall 1.00, under 2 % false alarms).
Raise them as it improves; never lower them.
"""
import pytest

from tests import safety_evaluation

pytestmark = pytest.mark.assistant

# Measured 2026-12-07 (README, "Safety layer"): recall .96-1.00 per language; false alarms 9-22.5 %,
# most of them raised by the assistant's fallback (a safety intent among its two top guesses).
MIN_RECALL = 0.94
# 22.5 % measured; Rasa is retrained unseeded on a clean clone, so a message or two of slack.
MAX_FALSE_ALARM_RATE = 0.25


@pytest.mark.parametrize("set_name", safety_evaluation.SETS_RUN)
def test_the_independent_safety_set_with_the_assistant_up(stack, set_name):
    results = safety_evaluation.run_set(stack.url, stack.app.extensions["db_engine"], set_name, "assistant up")
    safety_evaluation.assert_floors(results, MIN_RECALL, MAX_FALSE_ALARM_RATE)
