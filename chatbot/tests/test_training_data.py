"""The dialogue data covers every intent, and every intent is tested end to end."""
from pathlib import Path

import yaml

from actions.texts import LANGUAGES

CHATBOT = Path(__file__).resolve().parents[1]
SAFETY_INTENTS = {"report_emergency", "express_crisis"}


def load(path):
    return yaml.safe_load((CHATBOT / path).read_text(encoding="utf-8"))


def domain_intents():
    return set(load("domain.yml")["intents"])


def story_intents(path, key):
    return {
        step["intent"]
        for story in load(path)[key]
        for step in story["steps"]
        if "intent" in step
    }


def test_every_intent_has_a_rule():
    assert domain_intents() <= story_intents("data/rules.yml", "rules")


def test_every_intent_has_an_end_to_end_test_story_with_a_real_message():
    stories = load("tests/test_stories.yml")["stories"]
    tested = {
        step["intent"] for story in stories for step in story["steps"]
        if "intent" in step and step.get("user", "").strip()
    }
    assert domain_intents() == tested


def test_safety_rules_answer_in_one_turn_with_the_safety_action():
    for rule in load("data/rules.yml")["rules"]:
        intents = [step.get("intent") for step in rule["steps"] if "intent" in step]
        if set(intents) & SAFETY_INTENTS:
            assert [next(iter(step.items())) for step in rule["steps"]] == [
                ("intent", intents[0]), ("action", "action_safety_response")]


def test_every_language_has_enough_examples_of_every_intent():
    thin = []
    for code in LANGUAGES:
        counts = {}
        for block in load(f"data/nlu/{code}.yml")["nlu"]:
            lines = [l for l in block["examples"].splitlines() if l.strip().startswith("- ")]
            counts[block["intent"]] = counts.get(block["intent"], 0) + len(lines)
        thin += [f"{code}:{intent}={counts.get(intent, 0)}"
                 for intent in domain_intents() if counts.get(intent, 0) < 15]
    assert thin == []


def test_heldout_split_is_decided_by_each_example_alone():
    sys_path_added = str(CHATBOT / "evaluation")
    import sys

    sys.path.insert(0, sys_path_added)
    try:
        from heldout import split
    finally:
        sys.path.remove(sys_path_added)
    examples = {"greet": [f"hello number {n}" for n in range(200)]}
    _train, held = split(examples)
    assert 20 <= len(held["greet"]) <= 60
    grown = {"greet": examples["greet"] + [f"hi again {n}" for n in range(50)]}
    _, held_after = split(grown)
    # Adding examples never moves an old one between the sets.
    assert [e for e in held_after["greet"] if e.startswith("hello")] == held["greet"]
