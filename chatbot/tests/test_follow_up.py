"""The follow-up resolver: which messages are read against the topic just discussed, and what answers them.

The rankings are the ones the NLU model gave for these messages when this was written (a follow-up alone
is read as almost anything: out of scope, housing, even an emergency), so the cases say what the resolver
does with the model's real confusion.
"""
import pytest

from actions import follow_up
from actions.follow_up import Resolution, normalise, resolve, words
from actions.texts import LANGUAGES


def ranked(*guesses):
    return [{"name": name, "confidence": confidence} for name, confidence in guesses]


FOLLOW_UPS = [
    # (language, topic, message, the NLU's top guess, what answers it)
    ("en", "naloxone", "how do I use it?", ("out_of_scope", .32), ("page", "naloxone")),
    ("en", "naloxone", "and where do i get one", ("get_naloxone", .40), ("page", "getting-naloxone")),
    ("en", "getting-naloxone", "ok but how do you actually give it", ("out_of_scope", .53), ("page", "naloxone")),
    ("en", "naloxone", "is it free?", ("out_of_scope", .56), ("page", "getting-naloxone")),
    ("en", "naloxone", "can my mum have one too", ("ask_housing", .28), ("page", "family-naloxone")),
    ("en", "appointments", "where is it?", ("out_of_scope", .22), ("appointments", "place")),
    ("en", "appointments", "whats the address", ("out_of_scope", .69), ("appointments", "place")),
    ("en", "appointments", "what time?", ("out_of_scope", .81), ("appointments", "time")),
    ("en", "appointments", "what do i need to bring", ("ask_release_plan", .17), ("appointments", "bring")),
    ("en", "appointments", "what happens if i miss it", ("ask_medication", .21), ("page", "probation")),
    ("en", "champion", "when do I see them next?", ("ask_next_appointment", .95), ("champion", "time")),
    ("en", "champion", "where are we meeting", ("ask_mutual_aid", .92), ("champion", "place")),
    ("en", "release-plan", "what time?", ("out_of_scope", .81), ("release-plan", "time")),
    ("en", "registering-with-a-gp", "where do i find one", ("ask_housing", .28), ("page", "registering-with-a-gp")),
    ("cy", "naloxone", "sut dw i'n ei ddefnyddio?", ("greet", .15), ("page", "naloxone")),
    ("cy", "naloxone", "lle ga i un?", ("ask_housing", .75), ("page", "getting-naloxone")),
    ("cy", "appointments", "faint o'r gloch?", ("out_of_scope", .47), ("appointments", "time")),
    ("cy", "champion", "pryd dw i'n eu gweld nhw nesa?", ("ask_next_appointment", .81), ("champion", "time")),
    ("pl", "naloxone", "jak go użyć?", ("affirm", .27), ("page", "naloxone")),
    ("pl", "naloxone", "a gdzie go dostane?", ("ask_housing", .64), ("page", "getting-naloxone")),
    ("pl", "appointments", "gdzie to jest?", ("ask_housing", .51), ("appointments", "place")),
    ("pl", "appointments", "o której?", ("ask_release_plan", .18), ("appointments", "time")),
    ("ro", "naloxone", "cum o folosesc?", ("out_of_scope", .49), ("page", "naloxone")),
    ("ro", "naloxone", "și de unde o iau?", ("ask_housing", .46), ("page", "getting-naloxone")),
    ("ro", "appointments", "unde e?", ("ask_housing", .86), ("appointments", "place")),
    ("ro", "champion", "când îl văd din nou?", ("ask_release_plan", .33), ("champion", "time")),
    ("sq", "naloxone", "si ta përdor?", ("ask_overdose_signs", .73), ("page", "naloxone")),
    ("sq", "naloxone", "ku ta marr?", ("get_naloxone", .29), ("page", "getting-naloxone")),
    ("sq", "appointments", "ku eshte?", ("out_of_scope", .43), ("appointments", "place")),
    ("sq", "champion", "kur e takoj përsëri?", ("ask_next_appointment", .17), ("champion", "time")),
    ("lt", "naloxone", "kaip jį naudoti?", ("ask_naloxone", .22), ("page", "naloxone")),
    ("lt", "naloxone", "o kur ji gauti?", ("affirm", .19), ("page", "getting-naloxone")),
    ("lt", "appointments", "kur tai?", ("ask_housing", .76), ("appointments", "place")),
    ("lt", "appointments", "kelintą valandą?", ("ask_release_plan", .47), ("appointments", "time")),
    ("ar", "naloxone", "كيف أستخدمه؟", ("ask_family_support", .41), ("page", "naloxone")),
    ("ar", "naloxone", "ومن وين أجيبه؟", ("out_of_scope", .21), ("page", "getting-naloxone")),
    ("ar", "appointments", "وينه؟", ("out_of_scope", .20), ("appointments", "place")),
    ("ar", "appointments", "الساعه كم؟", ("out_of_scope", .63), ("appointments", "time")),
    ("ar", "champion", "إمتى بشوفه المرة الجاية؟", ("ask_next_appointment", .75), ("champion", "time")),
    ("ur", "naloxone", "اسے کیسے استعمال کروں؟", ("greet", .21), ("page", "naloxone")),
    ("ur", "naloxone", "یہ کیسے دیتے ہیں؟", ("greet", .62), ("page", "naloxone")),
    ("ur", "naloxone", "kahan se milega?", ("ask_medication", .21), ("page", "getting-naloxone")),
    ("ur", "appointments", "یہ کہاں ہے؟", ("ask_treatment_service", .16), ("appointments", "place")),
    ("ur", "appointments", "kitne baje?", ("out_of_scope", .92), ("appointments", "time")),
    ("ur", "champion", "ان سے اگلی ملاقات کب ہے؟", ("ask_next_appointment", .84), ("champion", "time")),
]


@pytest.mark.parametrize("language, topic, message, guess, answer", FOLLOW_UPS)
def test_a_follow_up_is_answered_from_the_topic_just_discussed(language, topic, message, guess, answer):
    resolution = resolve(message, language, ranked(guess), topic)
    assert resolution is not None and resolution.answer == answer
    assert not resolution.urgent_line


NEW_QUESTIONS = [
    # A question of its own after a topic: the NLU's intent answers it, not the topic.
    ("en", "naloxone", "where will i live", ("ask_housing", .96)),
    ("en", "naloxone", "what about housing?", ("ask_housing", .82)),
    ("en", "naloxone", "when is my next appointment", ("ask_next_appointment", 1.0)),
    ("en", "appointments", "what is naloxone", ("ask_naloxone", 1.0)),
    ("en", "appointments", "can i talk to a person", ("human_handoff", 1.0)),
    ("en", "naloxone", "thanks", ("thank", 1.0)),
    ("en", "naloxone", "can we speak polish", ("change_language", .95)),
    ("cy", "naloxone", "lle fydda i'n byw", ("ask_housing", .92)),
    ("pl", "naloxone", "gdzie będę mieszkać", ("ask_housing", 1.0)),
    ("ro", "naloxone", "n-am unde sa stau", ("ask_housing", .97)),
    ("sq", "naloxone", "ku do të jetoj kur të dal", ("ask_housing", .52)),
    ("lt", "naloxone", "kur gyvensiu išėjęs", ("ask_housing", .85)),
    ("ar", "naloxone", "وين رح اسكن لما اطلع", ("ask_housing", .86)),
    ("ur", "naloxone", "main kahan rahunga", ("ask_release_plan", .46)),
]


@pytest.mark.parametrize("language, topic, message, guess", NEW_QUESTIONS)
def test_a_question_of_its_own_is_not_a_follow_up(language, topic, message, guess):
    assert resolve(message, language, ranked(guess), topic) is None


def test_nothing_discussed_yet_means_no_follow_up():
    assert resolve("where is it?", "en", ranked(("out_of_scope", .22)), None) is None


def test_a_button_says_what_it_wants():
    assert resolve("/get_naloxone", "en", ranked(("get_naloxone", 1.0)), "appointments") is None


def test_an_emergency_is_never_taken_for_a_follow_up():
    assert resolve("my mate is not breathing", "en", ranked(("report_emergency", .98)), "naloxone") is None
    # Naming naloxone in an emergency: the steps, not the page on getting a kit.
    assert resolve("where's the naloxone", "en", ranked(("report_emergency", .7)), "naloxone") is None
    assert resolve("he is blue where is it", "en", ranked(("report_emergency", .6)), "appointments") is None
    assert resolve("where is it", "en", ranked(("report_emergency", .95)), "appointments") is None


def test_a_plain_follow_up_read_as_an_emergency_gets_its_answer_and_the_urgent_line():
    # "where is it?" in Welsh, read as an emergency by the NLU, after the appointments.
    assert resolve("ble mae o?", "cy", ranked(("report_emergency", .79)), "appointments") == \
        Resolution("appointments", "place", urgent_line=True)
    # "at what time?" in Urdu, read as an emergency at 13 %.
    assert resolve("کس وقت؟", "ur", ranked(("report_emergency", .13)), "appointments") == \
        Resolution("appointments", "time", urgent_line=True)


def test_the_longest_cue_decides_the_aspect():
    tokens = words("where do i get one")
    assert follow_up.aspect_of(tokens, "en") == "get"
    assert follow_up.aspect_of(words("how do i get there"), "en") == "place"
    assert follow_up.aspect_of(words("ku ta marr"), "sq") == "get"


def test_after_the_champion_a_meeting_word_still_means_the_champion():
    assert resolve("kur është takimi?", "sq", ranked(("ask_next_appointment", .5)), "champion") == \
        Resolution("champion", "time")


def test_english_words_are_understood_in_every_language():
    assert resolve("kahan hai appointment?", "ur", ranked(("ask_next_appointment", .4)), "appointments") == \
        Resolution("appointments", "place")


def test_normalising_folds_accents_and_letter_forms():
    assert normalise("Użyć, WŁAŚNIE") == "uzyc, wlasnie"
    assert normalise("أستخدمه") == normalise("استخدمه")
    assert normalise("ملے گی") == normalise("ملي گي")  # Urdu typed on an Arabic keyboard
    assert normalise("الساعة") == normalise("الساعه")
    assert words("where’s it?") == ["where's", "it"]


def test_every_language_has_its_cues():
    cues = follow_up._all_cues()
    assert set(cues) == set(LANGUAGES)
    for language, entry in cues.items():
        assert entry.refers, language
        assert {aspect for aspect, found in entry.aspects.items() if not found} == set(), language
        assert {"naloxone", "appointments", "champion", "housing"} <= set(entry.names), language
        for cue in entry.refers + sum(entry.aspects.values(), ()) + sum(entry.names.values(), ()):
            assert all(part.strip("*") for part in cue.parts), (language, cue)


def test_every_answer_page_exists_in_english():
    from actions.content import REPO
    pages = {page for aspects in follow_up.PAGE_ASPECTS.values() for page in aspects.values()}
    pages.add(follow_up.MISSED_APPOINTMENT_PAGE)
    missing = [page for page in pages if not (REPO / "content" / "en" / f"{page}.md").exists()]
    assert missing == []


def test_a_name_moves_the_follow_up_between_the_appointments_and_the_champion():
    assert resolve("and my champion, when do i see him?", "en", ranked(("ask_next_appointment", .6)),
                   "appointments") == Resolution("champion", "time")


def test_more_of_the_same_when_the_nlu_is_unsure():
    assert resolve("do i need id for that", "en", ranked(("ask_gp", .3)), "registering-with-a-gp").answer == \
        ("page", "registering-with-a-gp")
    # ...but not when it is sure of something of its own.
    assert resolve("can you tell me about universal credit and that", "en", ranked(("ask_benefits", .9)),
                   "registering-with-a-gp") is None


@pytest.mark.parametrize("language, message", [
    ("en", "what happens if i break my licence?"),
    ("pl", "co jeśli się spóźnię?"),
    ("ro", "ce se întâmplă dacă lipsesc?"),
    ("sq", "po nëse vonohem?"),
    ("lt", "o jei pavėluosiu?"),
    ("ar", "شو بصير اذا تأخرت؟"),
    ("ur", "agar late ho jaun to?"),
    ("cy", "be os dw i'n hwyr?"),
])
def test_missing_an_appointment_gets_the_probation_page(language, message):
    assert resolve(message, language, ranked(("ask_release_plan", .3)), "appointments").answer == ("page", "probation")
