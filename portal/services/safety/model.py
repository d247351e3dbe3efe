"""The learned part of the safety layer: a small classifier that runs inside the portal's process.

Two linear models over the same kind of features (character n-grams of the folded text, which
survive typos and missing accents, and word n-grams):

- `kind`: emergency / crisis / question (about overdose or crisis) / none, so that paraphrases the
  phrase lists never thought of are caught without Rasa;
- `language`: which of the eight languages a text is written in (Roman Urdu and Arabizi are in
  the training data as Urdu and Arabic), so the steps come in the writer's language.

Trained at build time from the project's own examples (`python -m portal.services.safety.training`,
run by make); the fitted models are one file under var/. Without that file the layer still works
with its phrases alone, so a missing model can never stop a safety answer.
"""
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from .phrases import fold

logger = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).resolve().parents[3] / "var" / "safety-model.joblib"
KINDS = ("emergency", "crisis", "question", "none")
FORMAT = 2  # bumped when the saved structure changes; an older file is ignored (and rebuilt by make)


@dataclass(frozen=True)
class Prediction:
    kind_scores: dict  # {kind: probability}
    language: str | None  # None when no language is likely enough
    language_score: float


def features():
    """The feature union both models use (a function so training and tests build the same thing)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), preprocessor=fold, sublinear_tf=True,
                                  min_df=1, max_features=200_000)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), preprocessor=fold, sublinear_tf=True,
                                  token_pattern=r"(?u)\b\w+\b")),
    ])


class _Loaded:
    def __init__(self):
        self.lock = threading.Lock()
        self.path: Path | None = None
        self.models: dict | None = None


_loaded = _Loaded()


def load(path: Path | None = None) -> dict | None:
    """The fitted models, loaded once per process; None (and a warning) when the file is missing or stale."""
    path = path or MODEL_FILE
    if _loaded.path == path:
        return _loaded.models
    with _loaded.lock:
        if _loaded.path != path:
            models = None
            try:
                import joblib

                candidate = joblib.load(path)
                if isinstance(candidate, dict) and candidate.get("format") == FORMAT:
                    models = candidate
                else:
                    logger.warning("Safety model %s is of an older format; using the phrases only", path)
            except FileNotFoundError:
                logger.warning("Safety model %s not built; using the phrases only (make builds it)", path)
            except Exception:  # a damaged file must not take the safety layer down
                logger.exception("Safety model %s unreadable; using the phrases only", path)
            _loaded.models, _loaded.path = models, path
    return _loaded.models


def predict(text: str, path: Path | None = None) -> Prediction | None:
    models = load(path)
    if models is None or not text.strip():
        return None
    kind_model, language_model = models["kind"], models["language"]
    kind_probabilities = kind_model.predict_proba([text])[0]
    scores = {str(label): float(p) for label, p in zip(kind_model.classes_, kind_probabilities)}
    language_probabilities = language_model.predict_proba([text])[0]
    best = int(language_probabilities.argmax())
    language_score = float(language_probabilities[best])
    language = str(language_model.classes_[best]) if language_score >= models["language_threshold"] else None
    return Prediction(scores, language, language_score)


def forget() -> None:
    """Drop the loaded models (tests that build a model of their own)."""
    with _loaded.lock:
        _loaded.models, _loaded.path = None, None
