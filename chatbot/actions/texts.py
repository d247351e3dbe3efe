"""Every bot text that does not come from content/, in all eight languages.

Guidance answers come from content/<lang>/<topic>.md and safety answers from
content/safety/responses.yml; this module holds the small talk, the framing around those
answers, the personal answers and the last-resort safety texts used only when
content/safety/responses.yml cannot be read. tests/test_texts.py fails if a language is
missing a key.
"""

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

TEXTS = {
    # Small talk -----------------------------------------------------------------------------
    "greet": {
        "en": "Hello, I'm the Throughcare assistant. I can help with your release plan, appointments, naloxone, your script, housing, money and more. What would you like to know?",
        "cy": "Helo, fi ydy cynorthwyydd Throughcare. Dw i'n gallu helpu gyda'ch cynllun rhyddhau, apwyntiadau, naloxone, eich presgripsiwn, tai, arian a mwy. Beth hoffech chi ei wybod?",
        "pl": "Cześć, jestem asystentem Throughcare. Mogę pomóc z planem wyjścia, wizytami, naloksonem, receptą (skryptem), mieszkaniem, pieniędzmi i nie tylko. O co chcesz zapytać?",
        "ro": "Bună, sunt asistentul Throughcare. Te pot ajuta cu planul de eliberare, programările, naloxona, rețeta (scriptul), locuința, banii și altele. Ce vrei să afli?",
        "sq": "Përshëndetje, jam asistenti i Throughcare. Mund të të ndihmoj me planin e lirimit, takimet, naloksonin, recetën, strehimin, paratë dhe më shumë. Çfarë do të dish?",
        "lt": "Labas, aš esu Throughcare asistentas. Galiu padėti su paleidimo planu, susitikimais, naloksonu, receptu, būstu, pinigais ir kitais dalykais. Ką norėtum sužinoti?",
        "ar": "مرحبًا، أنا مساعد Throughcare. يمكنني مساعدتك في خطة الإفراج والمواعيد والنالوكسون والوصفة الطبية والسكن والمال وغير ذلك. ماذا تريد أن تعرف؟",
        "ur": "السلام علیکم، میں Throughcare کا اسسٹنٹ ہوں۔ میں آپ کی رہائی کے پلان، اپائنٹمنٹس، نالوکسون، نسخے، رہائش، پیسوں اور بہت کچھ میں مدد کر سکتا ہوں۔ آپ کیا جاننا چاہتے ہیں؟",
    },
    "goodbye": {
        "en": "Take care. Come back any time, day or night.",
        "cy": "Cymerwch ofal. Dewch yn ôl unrhyw bryd, ddydd neu nos.",
        "pl": "Trzymaj się. Wróć, kiedy chcesz, w dzień czy w nocy.",
        "ro": "Ai grijă de tine. Revino oricând, zi și noapte.",
        "sq": "Kujdesu për veten. Kthehu kur të duash, ditë e natë.",
        "lt": "Saugok save. Grįžk bet kada, dieną ar naktį.",
        "ar": "اعتنِ بنفسك. يمكنك العودة في أي وقت، ليلًا أو نهارًا.",
        "ur": "اپنا خیال رکھیں۔ جب چاہیں واپس آئیں، دن ہو یا رات۔",
    },
    "thank": {
        "en": "You're welcome. Is there anything else I can help with?",
        "cy": "Croeso. Oes unrhyw beth arall y galla i helpu gydag e?",
        "pl": "Nie ma sprawy. Mogę pomóc w czymś jeszcze?",
        "ro": "Cu plăcere. Te mai pot ajuta cu ceva?",
        "sq": "S'ka përse. A mund të të ndihmoj me diçka tjetër?",
        "lt": "Prašom. Ar galiu dar kuo nors padėti?",
        "ar": "على الرحب والسعة. هل يمكنني مساعدتك في شيء آخر؟",
        "ur": "کوئی بات نہیں۔ کیا میں کسی اور چیز میں مدد کر سکتا ہوں؟",
    },
    "affirm": {
        "en": "OK. What would you like to do next?",
        "cy": "Iawn. Beth hoffech chi ei wneud nesaf?",
        "pl": "Dobrze. Co chcesz zrobić dalej?",
        "ro": "Bine. Ce vrei să faci mai departe?",
        "sq": "Mirë. Çfarë do të bësh më tej?",
        "lt": "Gerai. Ką norėtum daryti toliau?",
        "ar": "حسنًا. ماذا تريد أن تفعل الآن؟",
        "ur": "ٹھیک ہے۔ آپ آگے کیا کرنا چاہتے ہیں؟",
    },
    "deny": {
        "en": "No problem. I'm here if you need me later.",
        "cy": "Dim problem. Dw i yma os byddwch chi fy angen i nes ymlaen.",
        "pl": "Nie ma problemu. Jestem tu, gdyby coś było potrzebne.",
        "ro": "Nicio problemă. Sunt aici dacă ai nevoie mai târziu.",
        "sq": "S'ka problem. Jam këtu nëse të duhem më vonë.",
        "lt": "Jokių problemų. Aš čia, jei vėliau prireiks.",
        "ar": "لا مشكلة. أنا هنا إذا احتجت إليّ لاحقًا.",
        "ur": "کوئی مسئلہ نہیں۔ اگر بعد میں ضرورت ہو تو میں یہیں ہوں۔",
    },
    "out_of_scope": {
        "en": "Sorry, I can't help with that. I can help with release, health, naloxone, housing and money, or put you in touch with a person.",
        "cy": "Mae'n ddrwg gen i, alla i ddim helpu gyda hynny. Galla i helpu gyda rhyddhau, iechyd, naloxone, tai ac arian, neu eich rhoi mewn cysylltiad â pherson.",
        "pl": "Przepraszam, w tym nie pomogę. Mogę pomóc w sprawach wyjścia, zdrowia, naloksonu, mieszkania i pieniędzy albo połączyć cię z człowiekiem.",
        "ro": "Îmi pare rău, nu te pot ajuta cu asta. Te pot ajuta cu eliberarea, sănătatea, naloxona, locuința și banii, sau te pot pune în legătură cu o persoană.",
        "sq": "Më vjen keq, për këtë nuk mund të ndihmoj. Mund të ndihmoj me lirimin, shëndetin, naloksonin, strehimin dhe paratë, ose të lidh me një person.",
        "lt": "Atsiprašau, čia negaliu padėti. Galiu padėti dėl paleidimo, sveikatos, naloksono, būsto ir pinigų arba sujungti tave su žmogumi.",
        "ar": "عذرًا، لا أستطيع المساعدة في ذلك. يمكنني المساعدة في الإفراج والصحة والنالوكسون والسكن والمال، أو أن أوصلك بشخص من الفريق.",
        "ur": "معاف کیجیے، میں اس میں مدد نہیں کر سکتا۔ میں رہائی، صحت، نالوکسون، رہائش اور پیسوں کے بارے میں مدد کر سکتا ہوں، یا آپ کو کسی انسان سے ملا سکتا ہوں۔",
    },
    "not_understood": {
        "en": "Sorry, I didn't understand that. Could you say it another way, or choose one of these?",
        "cy": "Mae'n ddrwg gen i, wnes i ddim deall. Allwch chi ei ddweud mewn ffordd arall, neu ddewis un o'r rhain?",
        "pl": "Przepraszam, nie zrozumiałem. Możesz napisać to inaczej albo wybrać jedną z opcji?",
        "ro": "Îmi pare rău, nu am înțeles. Poți spune altfel sau poți alege una dintre acestea?",
        "sq": "Më vjen keq, nuk e kuptova. Mund ta thuash ndryshe, ose të zgjedhësh një nga këto?",
        "lt": "Atsiprašau, nesupratau. Gal gali parašyti kitaip arba pasirinkti vieną iš šių?",
        "ar": "عذرًا، لم أفهم. هل يمكنك قولها بطريقة أخرى، أو اختيار أحد هذه الخيارات؟",
        "ur": "معاف کیجیے، میں سمجھ نہیں سکا۔ کیا آپ کسی اور طرح سے کہہ سکتے ہیں، یا ان میں سے کوئی ایک چن سکتے ہیں؟",
    },
    # Buttons --------------------------------------------------------------------------------
    "btn_release_plan": {
        "en": "My release plan", "cy": "Fy nghynllun rhyddhau", "pl": "Mój plan wyjścia",
        "ro": "Planul meu de eliberare", "sq": "Plani im i lirimit", "lt": "Mano paleidimo planas",
        "ar": "خطة الإفراج الخاصة بي", "ur": "میرا رہائی کا پلان",
    },
    "btn_appointments": {
        "en": "My next appointment", "cy": "Fy apwyntiad nesaf", "pl": "Moja najbliższa wizyta",
        "ro": "Următoarea programare", "sq": "Takimi im i ardhshëm", "lt": "Mano kitas susitikimas",
        "ar": "موعدي القادم", "ur": "میری اگلی اپائنٹمنٹ",
    },
    "btn_naloxone": {
        "en": "Naloxone", "cy": "Naloxone", "pl": "Nalokson", "ro": "Naloxonă",
        "sq": "Naloksoni", "lt": "Naloksonas", "ar": "النالوكسون", "ur": "نالوکسون",
    },
    "btn_talk_to_person": {
        "en": "Talk to a person", "cy": "Siarad â pherson", "pl": "Rozmowa z człowiekiem",
        "ro": "Vorbește cu o persoană", "sq": "Fol me një person", "lt": "Kalbėti su žmogumi",
        "ar": "التحدث مع شخص", "ur": "کسی انسان سے بات کریں",
    },
    "btn_mutual_aid": {
        "en": "Support groups", "cy": "Grwpiau cymorth", "pl": "Grupy wsparcia",
        "ro": "Grupuri de sprijin", "sq": "Grupe mbështetjeje", "lt": "Savitarpio pagalbos grupės",
        "ar": "مجموعات الدعم", "ur": "سپورٹ گروپس",
    },
    # Guidance framing -----------------------------------------------------------------------
    "guidance_english_only": {
        "en": "This page is only in English.",
        "cy": "Dydy'r dudalen hon ddim ar gael yn Gymraeg eto, felly dyma hi yn Saesneg.",
        "pl": "Ta strona nie jest jeszcze dostępna po polsku, więc oto wersja angielska.",
        "ro": "Pagina aceasta nu există încă în română, așa că iat-o în engleză.",
        "sq": "Kjo faqe nuk është ende në shqip, prandaj po ta jap në anglisht.",
        "lt": "Šio puslapio dar nėra lietuvių kalba, todėl pateikiu jį anglų kalba.",
        "ar": "هذه الصفحة غير متوفرة بالعربية بعد، لذلك إليك النسخة الإنجليزية.",
        "ur": "یہ صفحہ ابھی اردو میں دستیاب نہیں، اس لیے یہ انگریزی میں ہے۔",
    },
    "guidance_read_more": {
        "en": "Read the full page: {link}",
        "cy": "Darllenwch y dudalen lawn: {link}",
        "pl": "Cała strona: {link}",
        "ro": "Citește toată pagina: {link}",
        "sq": "Lexo faqen e plotë: {link}",
        "lt": "Visas puslapis: {link}",
        "ar": "اقرأ الصفحة كاملة: {link}",
        "ur": "پورا صفحہ پڑھیں: {link}",
    },
    "guidance_next_step": {
        "en": "What would you like to do next?",
        "cy": "Beth hoffech chi ei wneud nesaf?",
        "pl": "Co chcesz zrobić dalej?",
        "ro": "Ce vrei să faci mai departe?",
        "sq": "Çfarë do të bësh më tej?",
        "lt": "Ką norėtum daryti toliau?",
        "ar": "ماذا تريد أن تفعل الآن؟",
        "ur": "آپ آگے کیا کرنا چاہتے ہیں؟",
    },
    "guidance_missing": {
        "en": "Sorry, I can't find that guidance right now. You can see all guidance at /guidance, or talk to a person.",
        "cy": "Mae'n ddrwg gen i, alla i ddim dod o hyd i'r cyngor hwnnw ar hyn o bryd. Gallwch weld yr holl gyngor yn /guidance neu siarad â pherson.",
        "pl": "Przepraszam, nie mogę teraz znaleźć tej porady. Wszystkie porady są na /guidance albo możesz porozmawiać z człowiekiem.",
        "ro": "Îmi pare rău, nu găsesc acum informațiile astea. Toate ghidurile sunt la /guidance, sau poți vorbi cu o persoană.",
        "sq": "Më vjen keq, nuk e gjej dot këtë udhëzim tani. Të gjitha udhëzimet janë te /guidance, ose mund të flasësh me një person.",
        "lt": "Atsiprašau, dabar nerandu šios informacijos. Visus patarimus rasi /guidance arba gali pasikalbėti su žmogumi.",
        "ar": "عذرًا، لا أستطيع العثور على هذه المعلومات الآن. يمكنك رؤية كل الإرشادات في /guidance أو التحدث مع شخص.",
        "ur": "معاف کیجیے، مجھے ابھی یہ معلومات نہیں مل رہیں۔ تمام رہنمائی /guidance پر ہے، یا آپ کسی انسان سے بات کر سکتے ہیں۔",
    },
    # Personal answers from the portal -------------------------------------------------------
    "sign_in_needed": {
        "en": "Please sign in first, then I can tell you about your plan: /my-plan",
        "cy": "Mewngofnodwch yn gyntaf, yna galla i ddweud wrthoch chi am eich cynllun: /my-plan",
        "pl": "Najpierw się zaloguj, wtedy powiem ci o twoim planie: /my-plan",
        "ro": "Te rog să te autentifici mai întâi, apoi îți pot spune despre planul tău: /my-plan",
        "sq": "Të lutem hyr fillimisht në llogari, pastaj mund të të tregoj për planin tënd: /my-plan",
        "lt": "Pirmiausia prisijunk, tada galėsiu papasakoti apie tavo planą: /my-plan",
        "ar": "يرجى تسجيل الدخول أولًا، وبعدها أستطيع إخبارك عن خطتك: /my-plan",
        "ur": "پہلے سائن اِن کریں، پھر میں آپ کو آپ کے پلان کے بارے میں بتا سکتا ہوں: /my-plan",
    },
    "portal_down": {
        "en": "Sorry, I can't reach your plan right now. Please try again later, or look at /my-plan.",
        "cy": "Mae'n ddrwg gen i, alla i ddim cyrraedd eich cynllun ar hyn o bryd. Rhowch gynnig arall arni nes ymlaen, neu edrychwch ar /my-plan.",
        "pl": "Przepraszam, nie mogę teraz sprawdzić twojego planu. Spróbuj później albo zajrzyj na /my-plan.",
        "ro": "Îmi pare rău, nu pot accesa planul tău acum. Încearcă mai târziu sau uită-te la /my-plan.",
        "sq": "Më vjen keq, nuk mund ta shoh planin tënd tani. Provo përsëri më vonë, ose shiko /my-plan.",
        "lt": "Atsiprašau, dabar negaliu pasiekti tavo plano. Pabandyk vėliau arba pažiūrėk /my-plan.",
        "ar": "عذرًا، لا أستطيع الوصول إلى خطتك الآن. حاول مرة أخرى لاحقًا، أو افتح /my-plan.",
        "ur": "معاف کیجیے، میں ابھی آپ کا پلان نہیں دیکھ سکتا۔ بعد میں دوبارہ کوشش کریں، یا /my-plan دیکھیں۔",
    },
    "release_date_is": {
        "en": "{name}, your release date is {date}.",
        "cy": "{name}, eich dyddiad rhyddhau yw {date}.",
        "pl": "{name}, data twojego wyjścia to {date}.",
        "ro": "{name}, data eliberării tale este {date}.",
        "sq": "{name}, data e lirimit tënd është {date}.",
        "lt": "{name}, tavo paleidimo data yra {date}.",
        "ar": "{name}، تاريخ الإفراج عنك هو {date}.",
        "ur": "{name}، آپ کی رہائی کی تاریخ {date} ہے۔",
    },
    "release_date_unknown": {
        "en": "{name}, your release date is not in your plan yet. Staff will add it as soon as it is confirmed.",
        "cy": "{name}, dydy eich dyddiad rhyddhau ddim yn eich cynllun eto. Bydd y staff yn ei ychwanegu cyn gynted ag y caiff ei gadarnhau.",
        "pl": "{name}, w twoim planie nie ma jeszcze daty wyjścia. Personel ją doda, gdy tylko zostanie potwierdzona.",
        "ro": "{name}, data eliberării nu este încă în planul tău. Personalul o va adăuga imediat ce e confirmată.",
        "sq": "{name}, data e lirimit nuk është ende në planin tënd. Stafi do ta shtojë sapo të konfirmohet.",
        "lt": "{name}, tavo paleidimo datos plane dar nėra. Darbuotojai ją įrašys, kai tik ji bus patvirtinta.",
        "ar": "{name}، تاريخ الإفراج غير موجود في خطتك بعد. سيضيفه الموظفون فور تأكيده.",
        "ur": "{name}، آپ کی رہائی کی تاریخ ابھی آپ کے پلان میں نہیں ہے۔ تصدیق ہوتے ہی عملہ اسے شامل کر دے گا۔",
    },
    "already_released": {
        "en": "{name}, you have been released. Your plan is still here to help you.",
        "cy": "{name}, rydych chi wedi cael eich rhyddhau. Mae eich cynllun yma o hyd i'ch helpu chi.",
        "pl": "{name}, jesteś już na wolności. Twój plan nadal jest tu, żeby ci pomóc.",
        "ro": "{name}, ai ieșit deja. Planul tău e în continuare aici ca să te ajute.",
        "sq": "{name}, ti je liruar tashmë. Plani yt është ende këtu për të të ndihmuar.",
        "lt": "{name}, tu jau išėjai į laisvę. Tavo planas vis dar čia, kad padėtų.",
        "ar": "{name}، لقد تم الإفراج عنك. خطتك ما زالت هنا لمساعدتك.",
        "ur": "{name}، آپ رہا ہو چکے ہیں۔ آپ کا پلان اب بھی آپ کی مدد کے لیے یہاں ہے۔",
    },
    "next_appointments": {
        "en": "Your next appointments:",
        "cy": "Eich apwyntiadau nesaf:",
        "pl": "Twoje najbliższe wizyty:",
        "ro": "Următoarele tale programări:",
        "sq": "Takimet e tua të ardhshme:",
        "lt": "Tavo artimiausi susitikimai:",
        "ar": "مواعيدك القادمة:",
        "ur": "آپ کی اگلی اپائنٹمنٹس:",
    },
    "no_appointments": {
        "en": "You have no appointments booked yet. Ask your worker, or talk to a person here.",
        "cy": "Does dim apwyntiadau wedi'u trefnu i chi eto. Gofynnwch i'ch gweithiwr, neu siaradwch â pherson yma.",
        "pl": "Nie masz jeszcze umówionych wizyt. Zapytaj swojego opiekuna albo porozmawiaj tu z człowiekiem.",
        "ro": "Nu ai încă nicio programare. Întreabă-ți consilierul sau vorbește aici cu o persoană.",
        "sq": "Nuk ke ende asnjë takim të caktuar. Pyet punonjësin tënd, ose fol këtu me një person.",
        "lt": "Dar neturi suplanuotų susitikimų. Paklausk savo darbuotojo arba pakalbėk čia su žmogumi.",
        "ar": "لا توجد لديك مواعيد محجوزة بعد. اسأل المسؤول عن حالتك، أو تحدث مع شخص هنا.",
        "ur": "ابھی آپ کی کوئی اپائنٹمنٹ بک نہیں ہے۔ اپنے ورکر سے پوچھیں، یا یہاں کسی انسان سے بات کریں۔",
    },
    "see_full_plan": {
        "en": "Your full plan: /my-plan",
        "cy": "Eich cynllun llawn: /my-plan",
        "pl": "Cały plan: /my-plan",
        "ro": "Tot planul: /my-plan",
        "sq": "Plani yt i plotë: /my-plan",
        "lt": "Visas tavo planas: /my-plan",
        "ar": "خطتك كاملة: /my-plan",
        "ur": "آپ کا پورا پلان: /my-plan",
    },
    # Talking to a person --------------------------------------------------------------------
    "handoff_sent": {
        "en": "I've passed your message to the team. A member of staff will reply here within one working day.",
        "cy": "Dw i wedi anfon eich neges at y tîm. Bydd aelod o staff yn ateb yma o fewn un diwrnod gwaith.",
        "pl": "Przekazałem twoją wiadomość zespołowi. Ktoś z personelu odpowie tutaj w ciągu jednego dnia roboczego.",
        "ro": "Am transmis mesajul tău echipei. Cineva din personal îți va răspunde aici în cel mult o zi lucrătoare.",
        "sq": "Ia dërgova mesazhin tënd ekipit. Dikush nga stafi do të përgjigjet këtu brenda një dite pune.",
        "lt": "Perdaviau tavo žinutę komandai. Darbuotojas atsakys čia per vieną darbo dieną.",
        "ar": "أرسلت رسالتك إلى الفريق. سيرد عليك أحد الموظفين هنا خلال يوم عمل واحد.",
        "ur": "میں نے آپ کا پیغام ٹیم کو بھیج دیا ہے۔ عملے کا کوئی رکن ایک کاروباری دن کے اندر یہاں جواب دے گا۔",
    },
    "handoff_failed": {
        "en": "Sorry, I couldn't reach the team just now. Please try again later, or ask your worker.",
        "cy": "Mae'n ddrwg gen i, alla i ddim cyrraedd y tîm ar hyn o bryd. Rhowch gynnig arall arni nes ymlaen, neu gofynnwch i'ch gweithiwr.",
        "pl": "Przepraszam, nie mogę teraz połączyć się z zespołem. Spróbuj później albo zapytaj swojego opiekuna.",
        "ro": "Îmi pare rău, nu pot contacta echipa acum. Încearcă mai târziu sau întreabă-ți consilierul.",
        "sq": "Më vjen keq, nuk munda ta kontaktoj ekipin tani. Provo përsëri më vonë, ose pyet punonjësin tënd.",
        "lt": "Atsiprašau, dabar nepavyko susisiekti su komanda. Pabandyk vėliau arba paklausk savo darbuotojo.",
        "ar": "عذرًا، لم أتمكن من الوصول إلى الفريق الآن. حاول مرة أخرى لاحقًا، أو اسأل المسؤول عن حالتك.",
        "ur": "معاف کیجیے، میں ابھی ٹیم تک نہیں پہنچ سکا۔ بعد میں دوبارہ کوشش کریں، یا اپنے ورکر سے پوچھیں۔",
    },
    "urgent_help_phone": {
        "en": "If it's urgent, call 999, or Samaritans free on 116 123, day or night.",
        "cy": "Os yw'n fater brys, ffoniwch 999, neu'r Samariaid am ddim ar 116 123, ddydd neu nos.",
        "pl": "Jeśli to pilne, dzwoń pod 999 albo do Samaritans pod darmowy numer 116 123, całą dobę.",
        "ro": "Dacă e urgent, sună la 999 sau la Samaritans, gratuit, la 116 123, zi și noapte.",
        "sq": "Nëse është urgjente, telefono 999, ose Samaritans falas në 116 123, ditë e natë.",
        "lt": "Jei skubu, skambink 999 arba nemokamai Samaritans 116 123, dieną ir naktį.",
        "ar": "إذا كان الأمر عاجلًا، اتصل بالرقم 999، أو بجمعية Samaritans مجانًا على 116 123، ليلًا ونهارًا.",
        "ur": "اگر معاملہ فوری ہے تو 999 پر کال کریں، یا Samaritans کو مفت 116 123 پر، دن رات۔",
    },
    "urgent_help_kiosk": {
        "en": "If it's urgent, press your cell call bell or speak to any officer.",
        "cy": "Os yw'n fater brys, pwyswch gloch eich cell neu siaradwch ag unrhyw swyddog.",
        "pl": "Jeśli to pilne, naciśnij dzwonek w celi albo powiedz dowolnemu funkcjonariuszowi.",
        "ro": "Dacă e urgent, apasă soneria din celulă sau vorbește cu orice ofițer.",
        "sq": "Nëse është urgjente, shtyp butonin e ziles në qeli ose fol me cilindo oficer.",
        "lt": "Jei skubu, paspausk kameros iškvietimo mygtuką arba kreipkis į bet kurį pareigūną.",
        "ar": "إذا كان الأمر عاجلًا، اضغط جرس الزنزانة أو تحدث مع أي ضابط.",
        "ur": "اگر معاملہ فوری ہے تو اپنے سیل کی گھنٹی بجائیں یا کسی بھی افسر سے بات کریں۔",
    },
    # Recovery Champions ---------------------------------------------------------------------
    "champion_how_to": {
        "en": "A Recovery Champion is someone who has been through recovery and can support you before and after release. To ask for one, go to /my-champion and say what matters to you, such as language or where you will live. Staff will match you with a checked champion.",
        "cy": "Mae Hyrwyddwr Adferiad (Recovery Champion) yn rhywun sydd wedi bod drwy adferiad ac sy'n gallu eich cefnogi cyn ac ar ôl rhyddhau. I ofyn am un, ewch i /my-champion a dweud beth sy'n bwysig i chi, fel iaith neu ble byddwch chi'n byw. Bydd y staff yn eich paru â hyrwyddwr sydd wedi cael ei wirio.",
        "pl": "Recovery Champion to ktoś, kto sam przeszedł drogę wychodzenia z nałogu i może cię wspierać przed wyjściem i po nim. Żeby o niego poprosić, wejdź na /my-champion i napisz, co jest dla ciebie ważne, np. język albo gdzie będziesz mieszkać. Personel dobierze ci sprawdzoną osobę.",
        "ro": "Un Recovery Champion este cineva care a trecut el însuși prin recuperare și te poate sprijini înainte și după eliberare. Ca să ceri unul, intră pe /my-champion și spune ce contează pentru tine, de exemplu limba sau unde vei locui. Personalul te va pune în legătură cu o persoană verificată.",
        "sq": "Një Recovery Champion është dikush që ka kaluar vetë rrugën e shërimit dhe mund të të mbështesë para dhe pas lirimit. Për të kërkuar një, shko te /my-champion dhe shkruaj çfarë ka rëndësi për ty, si gjuha ose ku do të jetosh. Stafi do të të lidhë me një person të verifikuar.",
        "lt": "Recovery Champion – tai žmogus, kuris pats išgyveno sveikimą ir gali tave palaikyti prieš paleidimą ir po jo. Jei nori jo paprašyti, eik į /my-champion ir parašyk, kas tau svarbu, pavyzdžiui, kalba ar kur gyvensi. Darbuotojai parinks patikrintą žmogų.",
        "ar": "Recovery Champion هو شخص مرّ بتجربة التعافي بنفسه ويمكنه دعمك قبل الإفراج وبعده. لطلب واحد، اذهب إلى /my-champion واكتب ما يهمك، مثل اللغة أو مكان سكنك. سيختار لك الموظفون شخصًا تم التحقق منه.",
        "ur": "Recovery Champion وہ شخص ہے جو خود نشے سے بحالی کے راستے سے گزرا ہو اور رہائی سے پہلے اور بعد آپ کا ساتھ دے سکے۔ اس کے لیے /my-champion پر جائیں اور لکھیں کہ آپ کے لیے کیا اہم ہے، جیسے زبان یا آپ کہاں رہیں گے۔ عملہ آپ کو کسی تصدیق شدہ شخص سے ملا دے گا۔",
    },
    "anything_else": {
        "en": "Is there anything else I can help with?",
        "cy": "Oes unrhyw beth arall y galla i helpu gydag e?",
        "pl": "Mogę pomóc w czymś jeszcze?",
        "ro": "Te mai pot ajuta cu ceva?",
        "sq": "A mund të të ndihmoj me diçka tjetër?",
        "lt": "Ar galiu dar kuo nors padėti?",
        "ar": "هل يمكنني مساعدتك في شيء آخر؟",
        "ur": "کیا میں کسی اور چیز میں مدد کر سکتا ہوں؟",
    },
    # Language -------------------------------------------------------------------------------
    "language_changed": {
        "en": "OK, from now on I will write in English.",
        "cy": "Iawn, o hyn ymlaen bydda i'n ysgrifennu yn Gymraeg.",
        "pl": "Dobrze, od teraz piszę po polsku.",
        "ro": "Bine, de acum înainte scriu în română.",
        "sq": "Mirë, tani e tutje do të shkruaj në shqip.",
        "lt": "Gerai, nuo šiol rašysiu lietuviškai.",
        "ar": "حسنًا، من الآن سأكتب بالعربية.",
        "ur": "ٹھیک ہے، اب سے میں اردو میں لکھوں گا۔",
    },
    "language_choose": {
        "en": "Which language would you like?",
        "cy": "Pa iaith hoffech chi?",
        "pl": "W jakim języku chcesz rozmawiać?",
        "ro": "În ce limbă vrei să vorbim?",
        "sq": "Në cilën gjuhë do të flasësh?",
        "lt": "Kokia kalba norėtum kalbėti?",
        "ar": "بأي لغة تريد أن نتحدث؟",
        "ur": "آپ کس زبان میں بات کرنا چاہتے ہیں؟",
    },
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


def text(key, language, **values):
    """The text for key in language, falling back to English; {placeholders} filled in."""
    by_language = TEXTS[key]
    template = by_language.get(language) or by_language[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template
