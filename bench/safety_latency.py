"""How much the safety layer adds to a chat turn, measured side by side with a baseline in one run.

    .venv/bin/python bench/safety_latency.py [--rounds 3]

Three measurements over the same messages (every message of the independent safety set, or the
assistant's own examples when the set is absent), interleaved so that machine load hits each alike:
- `phrases only`: the deterministic phrase check alone (what the portal had before this layer);
- `layer`: the whole layer as a chat turn runs it (`safety.assess`: phrases, classifier, language);
- `chat turn`: a whole chat turn through the portal's HTTP stack (Flask test client, SQLite,
  assistant unreachable), with the layer and with the layer's model switched off.
Prints p50/p95 in milliseconds; the README quotes them.
"""
import argparse
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from portal.services.safety import assess, model, phrases
from tests.safety_evaluation import SETS_RUN, load
from tests.support import csrf_token_from


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(name, seconds):
    ms = [s * 1000 for s in seconds]
    return f"{name:<34} n={len(ms):>5}  p50 {percentile(ms, .5):6.2f} ms  p95 {percentile(ms, .95):6.2f} ms  " \
           f"mean {statistics.fmean(ms):6.2f} ms"


def messages():
    texts = [m["text"] for set_name in SETS_RUN for lang_messages in load(set_name).values() for m in lang_messages]
    if texts:
        return texts
    from portal.services.safety.training import examples
    return [text for text, _, _ in examples()[0][:1000]]


def time_call(call, text):
    started = time.perf_counter()
    call(text)
    return time.perf_counter() - started


def chat_client(directory: Path):
    from portal import create_app, migrations_runner
    url = f"sqlite:///{directory / 'bench.db'}"
    migrations_runner.upgrade(url)
    app = create_app("testing", {"DATABASE_URL": url, "RASA_URL": "http://127.0.0.1:9"})
    client = app.test_client()
    token = csrf_token_from(client.get("/chat/").get_data(as_text=True))

    def turn(text):
        response = client.post("/chat/", data={"message": text, "csrf_token": token})
        assert response.status_code == 200

    return turn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--turns", type=int, default=300, help="chat turns per variant")
    parser.add_argument("--sample", type=int, default=0, help="every n-th message only (0: all), spread over every set")
    args = parser.parse_args()
    texts = messages()
    if args.sample:
        texts = texts[::args.sample]
    model_file = model.MODEL_FILE
    assert model.load(model_file) is not None, "build the model first: make setup"
    for text in texts[:20]:  # warm caches
        assess(text)
    only_phrases, layer = [], []
    for _ in range(args.rounds):
        for text in texts:
            only_phrases.append(time_call(phrases.check, text))
            layer.append(time_call(assess, text))
    print(f"{len(texts)} messages x {args.rounds} rounds")
    print(summary("phrases only (baseline)", only_phrases))
    print(summary("safety layer (assess)", layer))

    with tempfile.TemporaryDirectory() as directory:
        turn = chat_client(Path(directory))
        with_layer, without_model = [], []
        missing = Path(directory) / "no-model.joblib"
        logging.getLogger(model.__name__).setLevel(logging.ERROR)
        for text in texts[::max(1, len(texts) // args.turns)][:args.turns]:
            model.MODEL_FILE = model_file
            model.forget()
            model.load()
            with_layer.append(time_call(turn, text))
            model.MODEL_FILE = missing  # the layer with its phrases only, as the portal had before
            model.forget()
            model.load()
            without_model.append(time_call(turn, text))
        model.MODEL_FILE = model_file
        model.forget()
    print(summary("chat turn, phrases only (baseline)", without_model))
    print(summary("chat turn, whole layer", with_layer))
    print(f"added at p95: {(percentile(with_layer, .95) - percentile(without_model, .95)) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
