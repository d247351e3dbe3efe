"""Every bot text that does not come from a guidance page, in all eight languages.

The words themselves are data: content/assistant/texts.yml (small talk, the framing around guidance
and safety answers, the personal answers), beside the guidance pages (content/<lang>/<topic>.md) and
the safety steps (content/safety/responses.yml). Only the last-resort safety texts stay here, used
when content/safety/responses.yml cannot be read: a safety answer must never depend on a file.
tests/test_texts.py fails if a language is missing a key.
"""
from functools import lru_cache

import yaml

from .content import content_root

LANGUAGES = ("en", "cy", "pl", "ro", "sq", "lt", "ar", "ur")
DEFAULT_LANGUAGE = "en"

# Each language's own name for itself, for the language buttons.
LANGUAGE_NAMES = {
    "en": "English",
    "cy": "Cymraeg",
    "pl": "Polski",
    "ro": "Română",
    "sq": "Shqip",
    "lt": "Lietuvių",
    "ar": "العربية",
    "ur": "اردو",
}

# Used only when content/safety/responses.yml is missing or broken: a safety answer must never
# fail. Same shape as that file.
SAFETY_FALLBACK = {
    "emergency": {
        "en": {"title": "Emergency: act now", "steps": [
            "Call 999 now and ask for an ambulance.",
            "In prison: press the cell call bell and shout for an officer.",
            "If you have naloxone, give it now.",
            "Stay with them until help arrives."]},
        "cy": {"title": "Argyfwng: gweithredwch nawr", "steps": [
            "Ffoniwch 999 nawr a gofyn am ambiwlans.",
            "Yn y carchar: pwyswch gloch y gell a gweiddi am swyddog.",
            "Os oes naloxone gyda chi, rhowch e nawr.",
            "Arhoswch gyda nhw nes bod help yn cyrraedd."]},
        "pl": {"title": "Nagły wypadek: działaj teraz", "steps": [
            "Zadzwoń teraz pod 999 i poproś o karetkę.",
            "W więzieniu: naciśnij dzwonek w celi i wołaj funkcjonariusza.",
            "Jeśli masz nalokson, podaj go teraz.",
            "Zostań przy tej osobie, aż przyjdzie pomoc."]},
        "ro": {"title": "Urgență: acționează acum", "steps": [
            "Sună acum la 999 și cere o ambulanță.",
            "În închisoare: apasă soneria din celulă și strigă un ofițer.",
            "Dacă ai naloxonă, dă-i-o acum.",
            "Rămâi lângă persoană până vine ajutorul."]},
        "sq": {"title": "Emergjencë: vepro tani", "steps": [
            "Telefono tani 999 dhe kërko ambulancë.",
            "Në burg: shtyp ziles në qeli dhe thirr një oficer.",
            "Nëse ke nalokson, jepja tani.",
            "Qëndro me të derisa të vijë ndihma."]},
        "lt": {"title": "Skubi pagalba: veik dabar", "steps": [
            "Dabar skambink 999 ir kviesk greitąją.",
            "Kalėjime: paspausk kameros iškvietimo mygtuką ir šauk pareigūną.",
            "Jei turi naloksono, suleisk ar įpurkšk jį dabar.",
            "Būk su žmogumi, kol atvyks pagalba."]},
        "ar": {"title": "حالة طارئة: تصرّف الآن", "steps": [
            "اتصل بالرقم 999 الآن واطلب سيارة إسعاف.",
            "في السجن: اضغط جرس الزنزانة ونادِ على ضابط.",
            "إذا كان معك نالوكسون، أعطه الآن.",
            "ابقَ معه حتى تصل المساعدة."]},
        "ur": {"title": "ایمرجنسی: ابھی قدم اٹھائیں", "steps": [
            "ابھی 999 پر کال کریں اور ایمبولینس مانگیں۔",
            "جیل میں: سیل کی گھنٹی دبائیں اور افسر کو آواز دیں۔",
            "اگر آپ کے پاس نالوکسون ہے تو ابھی دیں۔",
            "مدد آنے تک اس شخص کے ساتھ رہیں۔"]},
    },
    "crisis": {
        "en": {"title": "You matter, and help is there now", "steps": [
            "If you might act on these thoughts now, call 999.",
            "Call Samaritans free on 116 123, day or night.",
            "Call NHS 111 and choose option 2 for mental health crisis."],
            "kiosk_steps": [
            "Press your cell call bell or speak to any officer now.",
            "Ask to talk to a Listener, or call Samaritans free from the wing phone."]},
        "cy": {"title": "Rydych chi'n bwysig, ac mae help ar gael nawr", "steps": [
            "Os ydych chi'n meddwl y gallech chi weithredu ar y meddyliau hyn nawr, ffoniwch 999.",
            "Ffoniwch y Samariaid am ddim ar 116 123, ddydd neu nos.",
            "Ffoniwch GIG 111 a dewis opsiwn 2 ar gyfer argyfwng iechyd meddwl."],
            "kiosk_steps": [
            "Pwyswch gloch eich cell neu siaradwch ag unrhyw swyddog nawr.",
            "Gofynnwch am gael siarad â Gwrandäwr (Listener), neu ffoniwch y Samariaid am ddim o ffôn yr adain."]},
        "pl": {"title": "Jesteś ważny i pomoc jest dostępna teraz", "steps": [
            "Jeśli możesz zaraz zrobić sobie krzywdę, dzwoń pod 999.",
            "Zadzwoń do Samaritans pod darmowy numer 116 123, całą dobę.",
            "Zadzwoń pod NHS 111 i wybierz opcję 2 (kryzys psychiczny)."],
            "kiosk_steps": [
            "Naciśnij teraz dzwonek w celi albo powiedz dowolnemu funkcjonariuszowi.",
            "Poproś o rozmowę z Listenerem albo zadzwoń za darmo do Samaritans z telefonu na oddziale."]},
        "ro": {"title": "Contezi, și ajutorul e aici acum", "steps": [
            "Dacă simți că ai putea să-ți faci rău acum, sună la 999.",
            "Sună la Samaritans, gratuit, la 116 123, zi și noapte.",
            "Sună la NHS 111 și alege opțiunea 2 pentru criză de sănătate mintală."],
            "kiosk_steps": [
            "Apasă acum soneria din celulă sau vorbește cu orice ofițer.",
            "Cere să vorbești cu un Listener sau sună gratuit la Samaritans de la telefonul de pe secție."]},
        "sq": {"title": "Ti ke rëndësi, dhe ndihma është këtu tani", "steps": [
            "Nëse mendon se mund t'i kryesh këto mendime tani, telefono 999.",
            "Telefono Samaritans falas në 116 123, ditë e natë.",
            "Telefono NHS 111 dhe zgjidh opsionin 2 për krizë të shëndetit mendor."],
            "kiosk_steps": [
            "Shtyp tani ziles në qeli ose fol me cilindo oficer.",
            "Kërko të flasësh me një Listener, ose telefono Samaritans falas nga telefoni i krahut."]},
        "lt": {"title": "Tu esi svarbus, ir pagalba yra čia ir dabar", "steps": [
            "Jei gali dabar pagal šias mintis ką nors padaryti, skambink 999.",
            "Skambink Samaritans nemokamai 116 123, dieną ir naktį.",
            "Skambink NHS 111 ir rinkis 2 – psichikos sveikatos krizė."],
            "kiosk_steps": [
            "Dabar paspausk kameros iškvietimo mygtuką arba kreipkis į bet kurį pareigūną.",
            "Paprašyk pasikalbėti su Listener arba nemokamai paskambink Samaritans iš skyriaus telefono."]},
        "ar": {"title": "أنت مهم، والمساعدة متوفرة الآن", "steps": [
            "إذا كنت قد تؤذي نفسك الآن، اتصل بالرقم 999.",
            "اتصل بجمعية Samaritans مجانًا على 116 123، ليلًا ونهارًا.",
            "اتصل بالرقم NHS 111 واختر الخيار 2 لأزمات الصحة النفسية."],
            "kiosk_steps": [
            "اضغط جرس الزنزانة الآن أو تحدث مع أي ضابط.",
            "اطلب التحدث مع Listener، أو اتصل بـ Samaritans مجانًا من هاتف الجناح."]},
        "ur": {"title": "آپ اہم ہیں، اور مدد ابھی موجود ہے", "steps": [
            "اگر آپ کو لگتا ہے کہ آپ ابھی خود کو نقصان پہنچا سکتے ہیں تو 999 پر کال کریں۔",
            "Samaritans کو مفت 116 123 پر کال کریں، دن رات۔",
            "NHS 111 پر کال کریں اور ذہنی صحت کے بحران کے لیے آپشن 2 چنیں۔"],
            "kiosk_steps": [
            "ابھی سیل کی گھنٹی دبائیں یا کسی بھی افسر سے بات کریں۔",
            "کسی Listener سے بات کرنے کا کہیں، یا ونگ کے فون سے Samaritans کو مفت کال کریں۔"]},
    },
}


@lru_cache(maxsize=1)
def _texts():
    # Read once per process; a broken file stops the action server at its first answer, in tests.
    return yaml.safe_load((content_root() / "assistant" / "texts.yml").read_text(encoding="utf-8"))


def all_texts():
    """{key: {language: text}}, every text."""
    return _texts()


def by_key(key):
    """{language: text} for key."""
    return _texts()[key]


def text(key, language, **values):
    """The text for key in language, falling back to English; {placeholders} filled in."""
    by_language = by_key(key)
    template = by_language.get(language) or by_language[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template
