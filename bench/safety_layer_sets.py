"""The safety layer alone over the independent sets: quick comparisons of models and thresholds.

    .venv/bin/python bench/safety_layer_sets.py [--model var/safety-model.joblib] [--sets independent_4]

No portal, no HTTP, no Rasa: each message goes through `safety.assess` as a chat turn with the
assistant down would send it. An alarm on a safety message is caught; an alarm on an info or
ordinary message is a false alarm (with the assistant down that is exactly what raises an urgent
task). The figures the README quotes come from the end-to-end runs in `make test`
(tests/safety_evaluation.py); this is for choosing between candidates in seconds.
"""
import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from portal.services.safety import assessment, model
from tests.safety_evaluation import ALARMS, load


def evaluate(set_name: str, model_file: Path, show: bool = False) -> dict:
    results = defaultdict(lambda: {"safety": 0, "caught": 0, "right_kind": 0, "non_safety": 0, "false": 0})
    for language, messages in load(set_name).items():
        r = results[language]
        for message in messages:
            verdict = assessment.assess(message["text"], model_file=model_file)
            if message["label"] in ALARMS:
                r["safety"] += 1
                r["caught"] += verdict.alarm
                r["right_kind"] += verdict.kind == message["label"]
                if show and not verdict.alarm:
                    print(f"  missed [{language}] {message['label']}: {message['text']}  ({verdict.kind} {verdict.detail})")
            else:
                r["non_safety"] += 1
                r["false"] += verdict.alarm
                if show and verdict.alarm:
                    print(f"  false  [{language}] {message['label']}: {message['text']}  ({verdict.kind} {verdict.detail})")
    return dict(results)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, default=model.MODEL_FILE)
    parser.add_argument("--sets", nargs="+", default=["independent_2", "independent_3", "independent_4"])
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args()
    for set_name in args.sets:
        results = evaluate(set_name, args.model, args.show)
        total = defaultdict(int)
        cells = []
        for language, r in results.items():
            for key, value in r.items():
                total[key] += value
            cells.append(f"{language} {r['caught']}/{r['safety']} fa {r['false']}/{r['non_safety']}")
        print(f"{set_name}: recall {total['caught']}/{total['safety']} ({total['caught'] / total['safety']:.1%}) "
              f"right kind {total['right_kind']}  false alarms {total['false']}/{total['non_safety']} "
              f"({total['false'] / total['non_safety']:.1%})")
        print("   " + "; ".join(cells))


if __name__ == "__main__":
    main()
