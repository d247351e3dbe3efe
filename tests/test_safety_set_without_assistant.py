"""The independent safety set through the portal with the assistant down: the portal's own layer alone.

Figures go to var/safety-eval-<set>-assistant-down.json and the README. The floors below are what the layer
reaches today on this set; the goal (issue 9) is recall 1.00 in every language and fewer than 2 % of
ordinary messages raising an urgent task. Raise the floors as the layer improves; never lower them.
"""
import pytest

from tests import safety_evaluation
from tests.live import serving

# Floors per set, (recall, false alarm rate) in every language: what the layer reached when the set
# was last measured (README, "Safety layer"), with a message of slack. Set 5 is the blind one (sealed until the
# third round of training examples was trained and the thresholds chosen on sets 2-4); its first reading set its
# floor. A false alarm is an urgent task; a possible alarm (steps, and a task to check) is not one.
FLOORS = {
    "independent_2": (0.96, 0.04),  # 2026-12-08: recall .98-1.00, false alarms up to 2.5 % (ur)
    "independent_3": (0.96, 0.04),  # recall 1.00; false alarms up to 2.5 % (ur)
    "independent_4": (0.98, 0.04),  # recall 1.00; false alarms up to 2.5 % (ro)
    "independent_5": (0.96, 0.05),  # blind: recall .98-1.00, false alarms up to 3.8 % (cy)
}


@pytest.mark.parametrize("set_name", safety_evaluation.SETS_RUN)
def test_the_independent_safety_set_with_the_assistant_down(app, set_name):
    with serving(app) as url:
        results = safety_evaluation.run_set(url, app.extensions["db_engine"], set_name, "assistant down")
    safety_evaluation.assert_floors(results, *FLOORS[set_name])
