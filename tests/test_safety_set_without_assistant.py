"""The independent safety set through the portal with the assistant down: the portal's own layer alone.

Figures go to var/safety-eval-<set>-assistant-down.json and the README. The floors below are what the layer
reaches today on this set; the goal (issue 9) is recall 1.00 in every language and fewer than 2 % of
ordinary messages raising an urgent task. Raise the floors as the layer improves; never lower them.
"""
import pytest

from tests import safety_evaluation
from tests.live import serving

# Floors per set, (recall, false alarm rate) in every language: what the layer reached when the set
# was last measured (README, "Safety layer"), with a message of slack. Far from the goal; they only
# stop it getting worse. Set 4 is the blind one; its first reading set its floor.
FLOORS = {
    "independent_2": (0.94, 0.12),  # 2026-12-07: recall .96-1.00, false alarms up to 11.2 %
    "independent_3": (0.94, 0.10),  # recall 1.00 except en .96; false alarms up to 7.5 %
    "independent_4": (0.92, 0.15),  # recall .94-1.00; false alarms up to 13.8 % (lt)
}


@pytest.mark.parametrize("set_name", safety_evaluation.SETS_RUN)
def test_the_independent_safety_set_with_the_assistant_down(app, set_name):
    with serving(app) as url:
        results = safety_evaluation.run_set(url, app.extensions["db_engine"], set_name, "assistant down")
    safety_evaluation.assert_floors(results, *FLOORS[set_name])
