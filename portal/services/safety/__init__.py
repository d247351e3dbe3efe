"""One safety layer for every free-text input: overdose now, crisis, a question about them, or nothing.

    from portal.services import safety
    screening = safety.screen(session, text, person=person, source="chat", screen_language="en")

phrases.py (deterministic, auditable) and model.py (a small classifier trained at build time) read
the text; assessment.py decides; screening.py raises the urgent task and picks the steps (steps.py)
in the writer's language (language.py). No Flask here: every caller is a service.
"""
from .assessment import ALARMS, CRISIS, EMERGENCY, QUESTION, Assessment, assess, clean
from .screening import SOURCES, Screening, languages_to_answer_in, raise_alert, screen
from .steps import Steps, crisis_steps, emergency_steps, question_line, reviewed, sources, steps_for

__all__ = ["ALARMS", "CRISIS", "EMERGENCY", "QUESTION", "SOURCES", "Assessment", "Screening", "Steps", "assess",
           "clean", "crisis_steps", "emergency_steps", "languages_to_answer_in", "question_line", "raise_alert",
           "reviewed", "screen", "sources", "steps_for"]
