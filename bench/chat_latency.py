"""Chat latency through the portal versus straight to Rasa's REST channel: same model, same messages,
same run; p50 and p95 at 1 and 10 concurrent users.

Needs the stack running (`make run`), then:  .venv/bin/python bench/chat_latency.py
Options: --portal http://127.0.0.1:5000 --rasa http://127.0.0.1:5005 --rounds 40
Traffic goes only to the loopback addresses given; every loop is bounded.
"""
import argparse
import re
import threading
import time
import uuid

import httpx

MESSAGES = [
    "what is naloxone", "where can i get naloxone", "how do i know if someone is overdosing",
    "i need help with housing", "when is my next appointment", "can i get a recovery champion",
    "jak dostać nalokson", "ce este naloxona", "beth yw naloxone", "ku mund të marr nalokson",
]
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def direct_user(rasa, rounds, out):
    sender = f"bench-{uuid.uuid4().hex[:8]}"
    with httpx.Client(timeout=10) as client:
        for i in range(rounds):
            start = time.perf_counter()
            response = client.post(f"{rasa}/webhooks/rest/webhook", json={
                "sender": sender, "message": MESSAGES[i % len(MESSAGES)], "metadata": {"language": "en"}})
            response.raise_for_status()
            out.append((time.perf_counter() - start) * 1000)


def portal_user(portal, rounds, out):
    with httpx.Client(timeout=10) as client:
        token = CSRF.search(client.get(f"{portal}/chat/").text).group(1)
        for i in range(rounds):
            start = time.perf_counter()
            response = client.post(f"{portal}/chat/", data={"message": MESSAGES[i % len(MESSAGES)], "csrf_token": token},
                                   headers={"HX-Request": "true"})
            response.raise_for_status()
            out.append((time.perf_counter() - start) * 1000)


def run(target, users, rounds, url):
    samples, threads = [], []
    for _ in range(users):
        thread = threading.Thread(target=target, args=(url, rounds, samples))
        threads.append(thread)
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", default="http://127.0.0.1:5000")
    parser.add_argument("--rasa", default="http://127.0.0.1:5005")
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    for url in (args.portal, args.rasa):
        if not url.startswith(("http://127.", "http://localhost", "http://[::1]")):
            raise SystemExit("benchmarks only target this machine")
    run(direct_user, 1, 5, args.rasa)  # warm up the model and the action server
    run(portal_user, 1, 5, args.portal)
    print(f"{'path':<10} {'users':>5} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}")
    results = {}
    for users in (1, 10):
        for name, target, url in (("rasa", direct_user, args.rasa), ("portal", portal_user, args.portal)):
            samples = run(target, users, args.rounds, url)
            results[(name, users)] = (percentile(samples, 0.5), percentile(samples, 0.95))
            print(f"{name:<10} {users:>5} {len(samples):>5} {results[(name, users)][0]:>8.1f} {results[(name, users)][1]:>8.1f}")
    for users in (1, 10):
        direct, portal = results[("rasa", users)][1], results[("portal", users)][1]
        print(f"portal overhead at p95, {users} users: {portal - direct:+.1f} ms ({(portal / direct - 1) * 100:+.1f} %)")


if __name__ == "__main__":
    main()
