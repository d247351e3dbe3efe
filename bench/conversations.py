"""A conversation in each of the eight languages through the portal, as a signed-in released person:
naloxone, the next appointment, and a Recovery Champion. Prints the assistant's replies for a
person to read (what "sensible" means is a human judgement; the held-out check counts intents).

Needs the stack running (`make run`), then:  .venv/bin/python bench/conversations.py [--portal URL]
"""
import argparse
import re

import httpx

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
MSGS = {
 "en": ["what is naloxone", "when is my next appointment", "can i get a recovery champion"],
 "cy": ["beth yw naloxone", "pryd mae fy apwyntiad nesaf", "dw i eisiau hyrwyddwr adferiad"],
 "pl": ["co to jest nalokson", "kiedy mam następne spotkanie", "chcę mentora który był w więzieniu"],
 "ro": ["ce este naloxona", "cand am urmatoarea programare", "vreau un mentor de recuperare"],
 "sq": ["cfare eshte naloksoni", "kur e kam takimin tjeter", "dua nje mentor qe ka kaluar te njejten gje"],
 "lt": ["kas yra naloksonas", "kada mano kitas susitikimas", "noriu sveikimo mentoriaus"],
 "ar": ["ما هو النالوكسون", "متى موعدي القادم", "بدي شخص مر بنفس التجربة يساعدني"],
 "ur": ["نالوکسون کیا ہے", "meri agli appointment kab hai", "mujhe recovery champion chahiye"],
}
parser = argparse.ArgumentParser(description="eight-language conversation check")
parser.add_argument("--portal", default="http://127.0.0.1:5000")
BASE = parser.parse_args().portal
if not BASE.startswith(("http://127.", "http://localhost")):
    raise SystemExit("only this machine")
c = httpx.Client(base_url=BASE, follow_redirects=True, timeout=15)
page = c.get("/auth/sign-in").text
c.post("/auth/sign-in", data={"identifier": "released@example.org", "password": "Demo-pass-2026", "csrf_token": CSRF.search(page).group(1)})
for lang, msgs in MSGS.items():
    tok = CSRF.search(c.get("/chat/").text).group(1)
    c.post("/language", data={"lang": lang, "csrf_token": tok, "next": "/chat/"})
    for m in msgs:
        tok = CSRF.search(c.get("/chat/").text).group(1)
        r = c.post("/chat/", data={"message": m, "csrf_token": tok}, headers={"HX-Request": "true"})
        items = re.findall(r'<li class="chat__message chat__message--(\w+)[^"]*">(.*?)</li>', r.text, re.DOTALL)
        # replies after the last user message
        idx = max(i for i, it in enumerate(items) if it[0] == "user")
        replies = [re.sub(r"<[^>]+>|\s+", " ", t).strip()[:110] for k, t in items[idx + 1:]]
        print(f"[{lang}] {m} -> " + " | ".join(replies)[:260])
