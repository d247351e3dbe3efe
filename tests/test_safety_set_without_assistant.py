"""The independent safety set through the portal with the assistant down: the portal's own layer alone.

Figures go to var/safety-eval-<set>-assistant-down.json and the README. The floors below are what the layer
reaches today on this set; the goal (issue 9) is recall 1.00 in every language and fewer than 2 % of
ordinary messages raising an urgent task. Raise the floors as the layer improves; never lower them.
"""
import pytest

from tests import safety_evaluation
from tests.live import serving

# Measured 2026-12-07 (README, "Safety layer"): recall .94-.98 per language, false alarms up to 11 %.
# Far from the goal; these floors only stop it getting worse.
MIN_RECALL = 0.92
MAX_FALSE_ALARM_RATE = 0.12


@pytest.mark.parametrize("set_name", safety_evaluation.SETS_RUN)
def test_the_independent_safety_set_with_the_assistant_down(app, set_name):
    sets = safety_evaluation.load(set_name)
    assert sets, f"the independent safety set {set_name} is missing"
    with serving(app) as url:
        results = safety_evaluation.run(url, app.extensions["db_engine"], sets)
    safety_evaluation.write_report(results, set_name, "assistant down")
    for language, result in results.items():
        assert result.safety >= 40 and result.non_safety >= 60, language
        assert result.recall >= MIN_RECALL, (language, result.missed)
        assert result.false_alarm_rate <= MAX_FALSE_ALARM_RATE, (language, result.false)
