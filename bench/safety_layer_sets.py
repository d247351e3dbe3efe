"""The safety layer alone over the independent sets: quick comparisons of models and thresholds.

    .venv/bin/python bench/safety_layer_sets.py [--model var/safety-model.joblib] [--sets independent_4]
        [--scores var/safety-scores.json] [--show] [--grid]

No portal, no HTTP, no Rasa: each message (and each earlier turn of its conversation) is read by the
phrase lists and the model once, and the layer's decision (`assessment.verdict`) is replayed over
those readings, as a chat turn with the assistant down would make it:
- caught: an alarm on a safety message (the steps are shown); paged: a sure one, or a possible one
  after an earlier alarm in the same chat (an urgent task);
- false alarm: an urgent task for a question or an ordinary message; steps on ordinary: the steps
  shown for one (a possible alarm, which gives staff a task to check, not a page).
`--scores` keeps the readings in a file (reading 1,000 messages takes a minute or more), so that
`--grid` can sweep the thresholds over them in seconds. The figures the README quotes come from the
end-to-end runs in `make test` (tests/safety_evaluation.py); this is for choosing between candidates.
Thresholds are chosen on the regression sets only, never on the blind one.
"""
import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from portal.services.safety import assessment, model, phrases
from tests.safety_evaluation import ALARMS, SETS_RUN, load

GRID = {
    "POSSIBLE_ALARM": (0.03, 0.05, 0.08, 0.12, 0.2),
    "POSSIBLE_IN_QUESTION": (0.1, 0.2, 0.35),
    "URGENT_MODEL": (0.8, 0.9),
    "URGENT_PHRASE": (0.1, 0.2, 0.3),
}


def reading(text: str, model_file: Path) -> dict:
    text = assessment.clean(text)
    match = phrases.check(text)
    return {"match": None if match is None else vars(match), "scores": model.kind_scores(text, model_file) or {}}


def readings(set_names: list[str], model_file: Path) -> list[dict]:
    rows = []
    for set_name in set_names:
        for language, messages in load(set_name).items():
            for message in messages:
                rows.append({"set": set_name, "language": language, "label": message["label"], "text": message["text"],
                             **reading(message["text"], model_file),
                             "context": [reading(turn, model_file) for turn in message.get("context") or []]})
    return rows


def decision(row: dict) -> tuple[str | None, bool]:
    match = SimpleNamespace(**row["match"]) if row["match"] else None
    kind, _, _, urgent = assessment.verdict(match, row["scores"])
    return kind, urgent


def evaluate(rows: list[dict], show: bool = False) -> dict:
    """{set: {language: counts}}"""
    results = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for row in rows:
        kind, urgent = decision(row)
        alarm = kind in ALARMS
        urgent = alarm and (urgent or any(decision(turn)[0] in ALARMS for turn in row["context"]))
        r = results[row["set"]][row["language"]]
        if row["label"] in ALARMS:
            r["safety"] += 1
            r["caught"] += alarm
            r["paged"] += urgent
            if show and not alarm:
                print(f"  missed [{row['set']} {row['language']}] {row['label']}: {row['text']}")
        else:
            r["non_safety"] += 1
            r["false"] += urgent
            r["steps"] += alarm
            if show and urgent:
                print(f"  false  [{row['set']} {row['language']}] {row['label']}: {row['text']}")
    return results


def report(results: dict) -> None:
    for set_name, languages in results.items():
        total = defaultdict(int)
        for r in languages.values():
            for key, value in r.items():
                total[key] += value
        print(f"{set_name}: recall {total['caught']}/{total['safety']} ({total['caught'] / total['safety']:.1%}), "
              f"paged {total['paged']}; false alarms {total['false']}/{total['non_safety']} "
              f"({total['false'] / total['non_safety']:.1%}); steps on ordinary {total['steps']}/{total['non_safety']}")
        print("   " + "; ".join(f"{language} {r['caught']}/{r['safety']} fa {r['false']}/{r['non_safety']}"
                                for language, r in languages.items()))


def grid(rows: list[dict]) -> None:
    for values in itertools.product(*GRID.values()):
        for name, value in zip(GRID, values):
            setattr(assessment, name, value)
        total = defaultdict(int)
        for languages in evaluate(rows).values():
            for r in languages.values():
                for key, value in r.items():
                    total[key] += value
        print(" ".join(f"{name} {value}" for name, value in zip(GRID, values)) +
              f": recall {total['caught']}/{total['safety']} paged {total['paged']} "
              f"false alarms {total['false']}/{total['non_safety']} steps on ordinary {total['steps']}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, default=model.MODEL_FILE)
    parser.add_argument("--sets", nargs="+", default=list(SETS_RUN))
    parser.add_argument("--scores", type=Path, help="keep the readings here (and reuse them when the file exists)")
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--grid", action="store_true", help="sweep the thresholds over the readings")
    args = parser.parse_args()
    if args.scores and args.scores.exists():
        rows = [row for row in json.loads(args.scores.read_text(encoding="utf-8")) if row["set"] in args.sets]
    else:
        rows = readings(args.sets, args.model)
        if args.scores:
            args.scores.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    if args.grid:
        grid(rows)
    else:
        report(evaluate(rows, args.show))


if __name__ == "__main__":
    main()
