"""Per-language intent accuracy on held-out examples, with a hard check on the safety intents.

Every data/nlu/<lang>.yml is split the same way each run: an example is held out when a hash
of its text is divisible by five (about one in five, and never moved by adding others). A model is trained on
the rest (once per distinct config + training data; cached under models/heldout/) and then
asked about every held-out example.

Fails (exit 1) when a language is missing, when a language's accuracy is below --min-accuracy,
or when any held-out report_emergency / express_crisis example is missed by the safety net plus
the model. A safety example counts as caught when the portal's deterministic safety net
(portal/services/safety/phrases.py with content/safety/phrases.yml, which runs before the assistant)
matches it, or when the model predicts it, or when the model falls back but the fallback action
would still give the safety answer (actions/safety.py: likely_safety_kind).

    python evaluation/heldout.py [--config pipelines/diet.yml] [--min-accuracy 0.85]
"""
import argparse
import asyncio
import hashlib
import importlib.util
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

CHATBOT = Path(__file__).resolve().parents[1]
REPO = CHATBOT.parent
sys.path.insert(0, str(CHATBOT))

from actions.safety import FALLBACK_SAFETY_CONFIDENCE, FALLBACK_SAFETY_RANK, SAFETY_KINDS
from actions.texts import LANGUAGES

HELD_OUT_EVERY = 5


def read_examples(path):
    """{intent: [example, ...]} from one Rasa NLU file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    examples = defaultdict(list)
    for block in data.get("nlu") or []:
        if "intent" not in block:
            continue
        for line in (block.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                examples[block["intent"]].append(line[2:].strip())
    return examples


def held_out(example):
    """Whether an example is held out: decided by its text alone, so adding or removing other
    examples never moves an example between the two sets."""
    return int(hashlib.sha1(example.encode("utf-8")).hexdigest(), 16) % HELD_OUT_EVERY == 0


def split(examples):
    """(train, held_out), each {intent: [example, ...]}."""
    train, held = defaultdict(list), defaultdict(list)
    for intent, texts in examples.items():
        for example in texts:
            (held if held_out(example) else train)[intent].append(example)
    return train, held


def nlu_yaml(by_intent):
    blocks = []
    for intent in sorted(by_intent):
        # Examples go into a block scalar as written: Rasa would keep quotes as part of the text.
        lines = "".join(f"    - {t}\n" for t in by_intent[intent])
        blocks.append(f"- intent: {intent}\n  examples: |\n{lines}")
    return 'version: "3.1"\nnlu:\n' + "\n".join(blocks)


def train_model(config_path, train_yaml, rasa):
    """Path of a model trained on train_yaml with config_path, reusing a cached one."""
    # The custom classifier's code is part of the model, so it is part of the fingerprint.
    components = b"".join(p.read_bytes() for p in sorted((CHATBOT / "components").glob("*.py")))
    fingerprint = hashlib.sha256(
        config_path.read_bytes() + components + train_yaml.encode("utf-8")
    ).hexdigest()[:16]
    cache = CHATBOT / "models" / "heldout" / fingerprint
    model = cache / "model.tar.gz"
    if model.exists():
        print(f"Using cached held-out model {model.relative_to(CHATBOT)}")
        return model, 0.0
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "train.yml").write_text(train_yaml, encoding="utf-8")
    started = time.monotonic()
    subprocess.run(
        [rasa, "train", "nlu", "--config", str(config_path), "--nlu", str(cache / "train.yml"),
         "--out", str(cache), "--fixed-model-name", "model", "--quiet"],
        cwd=CHATBOT, check=True,
    )
    return model, time.monotonic() - started


def top_intent_ignoring_fallback(parse):
    ranking = [g for g in parse.get("intent_ranking", []) if g["name"] != "nlu_fallback"]
    return ranking[0]["name"] if ranking else None


def load_safety_net():
    """The portal's phrase matcher, loaded from its file without importing the portal package
    (the module imports nothing from the portal; it reads content/safety/phrases.yml)."""
    spec = importlib.util.spec_from_file_location(
        "safety_net", REPO / "portal" / "services" / "safety" / "phrases.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def safety_caught(gold, parse):
    if parse["intent"]["name"] == gold:
        return True
    if parse["intent"]["name"] != "nlu_fallback":
        return False
    ranking = [g for g in parse.get("intent_ranking", []) if g["name"] != "nlu_fallback"]
    return any(
        g["name"] == gold and g["confidence"] >= FALLBACK_SAFETY_CONFIDENCE
        for g in ranking[:FALLBACK_SAFETY_RANK]
    )


async def predict_all(model, held_out_by_language):
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    # One debug line per parsed message otherwise.
    configure_structlog(logging.WARNING)
    logging.getLogger("rasa").setLevel(logging.WARNING)

    agent = Agent.load(str(model))
    results = {}
    for language, by_intent in held_out_by_language.items():
        results[language] = [
            (intent, example, await agent.parse_message(example))
            for intent in sorted(by_intent)
            for example in by_intent[intent]
        ]
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", default="config.yml", help="relative to chatbot/")
    parser.add_argument("--min-accuracy", type=float, default=0.85)
    parser.add_argument("--rasa", default=str(Path(sys.executable).with_name("rasa")))
    parser.add_argument("--report", default="results/heldout.json", help="relative to chatbot/")
    parser.add_argument("--nlu-dir", default=str(CHATBOT / "data" / "nlu"),
                        help="where the <lang>.yml files are (default: data/nlu)")
    args = parser.parse_args()

    nlu_dir = Path(args.nlu_dir)
    missing = [code for code in LANGUAGES if not (nlu_dir / f"{code}.yml").exists()]
    if missing:
        print(f"FAIL: no NLU data for {', '.join(missing)} (expected data/nlu/<lang>.yml)")
        return 1

    train_all, held_out = defaultdict(list), {}
    for code in LANGUAGES:
        train, held = split(read_examples(nlu_dir / f"{code}.yml"))
        held_out[code] = held
        for intent, texts in train.items():
            train_all[intent].extend(texts)

    model, train_seconds = train_model(CHATBOT / args.config, nlu_yaml(train_all), args.rasa)
    results = asyncio.run(predict_all(model, held_out))
    safety_net = load_safety_net()

    failures, report = [], {"config": args.config, "train_seconds": round(train_seconds, 1)}
    print(f"\nHeld-out evaluation of {args.config} (about 1 in {HELD_OUT_EVERY} examples held out)")
    print(f"{'lang':<5} {'n':>4} {'accuracy':>9} {'fallback':>9} {'no-fallback acc':>16} "
          f"{'safety caught':>14} {'by net':>7} {'by model':>9} {'missed':>7}")
    for code in LANGUAGES:
        rows = results[code]
        correct = sum(p["intent"]["name"] == gold for gold, _, p in rows)
        fallbacks = sum(p["intent"]["name"] == "nlu_fallback" for _, _, p in rows)
        safety = [(g, e, p) for g, e, p in rows if g in SAFETY_KINDS]
        # Caught when the portal's safety net matches (it answers before the assistant does)
        # or when the model gives the safety answer.
        by_net = [safety_net.check(e) is not None for _, e, _ in safety]
        by_model = [safety_caught(g, p) for g, _, p in safety]
        missed_safety = [
            row for row, net, mod in zip(safety, by_net, by_model) if not (net or mod)
        ]
        # What accuracy would be with no fallback at all, to tune the fallback threshold.
        top_correct = sum(top_intent_ignoring_fallback(p) == gold for gold, _, p in rows)
        accuracy = correct / len(rows) if rows else 0.0
        print(f"{code:<5} {len(rows):>4} {accuracy:>9.3f} {fallbacks:>9} "
              f"{top_correct / len(rows):>16.3f} "
              f"{len(safety) - len(missed_safety):>7}/{len(safety):<6} "
              f"{sum(by_net):>7} {sum(by_model):>9} {len(missed_safety):>7}")
        errors = [
            {"intent": g, "text": e, "predicted": p["intent"]["name"],
             "top_intent": top_intent_ignoring_fallback(p),
             "confidence": round(p["intent"]["confidence"] or 0, 3)}
            for g, e, p in rows if p["intent"]["name"] != g
        ]
        report[code] = {
            "n": len(rows), "accuracy": round(accuracy, 4),
            "safety": {"n": len(safety), "caught_by_net": sum(by_net),
                       "caught_by_model": sum(by_model), "missed": len(missed_safety)},
            "safety_missed": [{"intent": g, "text": e, "predicted": p["intent"]["name"]}
                              for g, e, p in missed_safety],
            "errors": errors,
        }
        if accuracy < args.min_accuracy:
            failures.append(f"{code}: accuracy {accuracy:.3f} < {args.min_accuracy}")
        for gold, example, parse in missed_safety:
            failures.append(
                f"{code}: {gold} example missed: {example!r} -> {parse['intent']['name']}"
            )

    # Accuracy over all languages had the FallbackClassifier threshold been t, to tune it.
    every_row = [row for code in LANGUAGES for row in results[code]]
    sweep = {}
    for threshold in (0.0, 0.1, 0.15, 0.2, 0.25, 0.3):
        hits = 0
        for gold, _, parse in every_row:
            ranking = [g for g in parse.get("intent_ranking", []) if g["name"] != "nlu_fallback"]
            hits += bool(ranking) and ranking[0]["confidence"] >= threshold and ranking[0]["name"] == gold
        sweep[threshold] = round(hits / len(every_row), 4)
    report["accuracy_by_fallback_threshold"] = sweep
    print("All languages, accuracy by fallback threshold:",
          ", ".join(f"{t}: {a:.3f}" for t, a in sweep.items()))

    out = CHATBOT / args.report
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"Misclassified examples: {out.relative_to(CHATBOT)}")
    if failures:
        print("\nFAIL:\n  " + "\n  ".join(failures))
        return 1
    print("\nOK: every language at or above", args.min_accuracy, "and every safety example caught")
    return 0


if __name__ == "__main__":
    sys.exit(main())
