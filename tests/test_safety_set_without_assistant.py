"""The independent safety set through the portal with the assistant down: the portal's own layer alone.

Figures go to var/safety-eval-<set>-assistant-down.json and the README. The floors below are what the layer
reaches today on this set; the goal (issue 9) is recall 1.00 in every language and fewer than 2 % of
ordinary messages raising an urgent task. Raise the floors as the layer improves; never lower them.
"""
import pytest

from tests import safety_evaluation
from tests.live import serving

# Measured 2026-12-07 (README, "Safety layer"): recall .94-1.00 per language, false alarms up to 11.2 %.
# Far from the goal; these floors only stop it getting worse.
MIN_RECALL = 0.92
MAX_FALSE_ALARM_RATE = 0.12


@pytest.mark.parametrize("set_name", safety_evaluation.SETS_RUN)
def test_the_independent_safety_set_with_the_assistant_down(app, set_name):
    with serving(app) as url:
        results = safety_evaluation.run_set(url, app.extensions["db_engine"], set_name, "assistant down")
    safety_evaluation.assert_floors(results, MIN_RECALL, MAX_FALSE_ALARM_RATE)
