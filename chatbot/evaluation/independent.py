"""Intent accuracy on messages written independently of the training data (issue 11's yardstick).

    python evaluation/independent.py [--set independent_1] [--model models/throughcare.tar.gz]

The sets (evaluation/<set>/<lang>.yml) were written by helper sessions that never read data/nlu/,
and nothing trains on them. Each message is parsed by the trained model on its own; messages with a
`context` (follow-ups such as "how do I use it?") are counted apart, because understanding them needs
the previous turn, which the NLU alone does not see. Prints per-language accuracy and the most common
confusion pairs, and writes results/<set>.json.
"""
import argparse
import asyncio
import json
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

CHATBOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(CHATBOT))  # the custom NLU component (components/)


def top_intent(parse):
    ranking = [g for g in parse.get("intent_ranking", []) if g["name"] != "nlu_fallback"]
    return ranking[0]["name"] if ranking else parse["intent"]["name"]


async def parse_all(model, sets):
    from rasa.core.agent import Agent

    logging.getLogger("rasa").setLevel(logging.WARNING)
    agent = Agent.load(str(model))
    parsed = {}
    for language, messages in sets.items():
        parsed[language] = [(m, await agent.parse_message(m["text"])) for m in messages]
    return parsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="independent_1")
    parser.add_argument("--model", default=str(CHATBOT / "models" / "throughcare.tar.gz"))
    args = parser.parse_args()
    sets = {}
    for path in sorted((CHATBOT / "evaluation" / args.set).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        sets[data["language"]] = data["messages"]
    parsed = asyncio.run(parse_all(args.model, sets))
    report, confusions = {}, Counter()
    print("| language | alone: right | follow-ups (no context given): right |\n|---|---|---|")
    totals = defaultdict(int)
    for language, results in parsed.items():
        counts = defaultdict(int)
        wrong = []
        for message, parse in results:
            kind = "follow_up" if message.get("context") else "alone"
            predicted = top_intent(parse)
            counts[kind] += 1
            if predicted == message["intent"]:
                counts[f"{kind}_right"] += 1
            else:
                wrong.append({"text": message["text"], "intent": message["intent"], "predicted": predicted})
                if kind == "alone":
                    confusions[(message["intent"], predicted)] += 1
        for key, value in counts.items():
            totals[key] += value
        report[language] = {**counts, "wrong": wrong}
        print(f"| {language} | {counts['alone_right']}/{counts['alone']} ({counts['alone_right'] / counts['alone']:.1%}) | "
              f"{counts['follow_up_right']}/{counts['follow_up']} |")
    print(f"| all | {totals['alone_right']}/{totals['alone']} ({totals['alone_right'] / totals['alone']:.1%}) | "
          f"{totals['follow_up_right']}/{totals['follow_up']} |")
    print("\nMost common confusions (expected → predicted):")
    for (gold, predicted), n in confusions.most_common(12):
        print(f"- {gold} → {predicted}: {n}")
    out = CHATBOT / "results" / f"{args.set}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"set": args.set, "results": report,
                               "confusions": [[g, p, n] for (g, p), n in confusions.most_common()]},
                              ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
