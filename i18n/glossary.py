"""The office's terms: one term per concept and language, and the variants that must not come back.

An international relations office writes to its rector, its Senate and its partners in fixed terms;
a letter that says "anlaşma" in one line and "protokol" in the next, or a page that calls the cover
letter "кат" here and "коштомо кат" there, reads as two things. This list starts from the glossary of
DESIGN.md and adds the concepts the pages use. tests/i18n/test_glossary.py reads the catalogues
against it: every msgid that names a concept (``english``, a regular expression on the msgid) must be
translated with the concept's term (``stem``, a regular expression that also finds its inflected
forms, on text folded by i18n.text.fold) and never with one of the variants in ``avoid``; ``never``
lists variants that are wrong in any string of that language.

Concepts are matched in this order, and the part of a msgid one concept matched is not matched again
by a later one: the specific ("Erasmus+ inter-institutional agreement", "cover letter") come before
the general ("agreement", "letter"). Where DESIGN.md's table gives no term ("—") the term here is
the one the catalogues settled on.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    text: str  # the term as the glossary gives it
    stem: str  # regex finding the term and its inflected forms in folded (lower-case) text
    avoid: tuple[str, ...] = ()  # regexes: variants that must not translate this concept


@dataclass(frozen=True)
class Concept:
    key: str
    english: str  # regex on the msgid (case-insensitive) that names the concept
    terms: dict[str, Term]
    note: str = ""
    en: str = field(default="")


GLOSSARY: tuple[Concept, ...] = (
    # Names of programmes' own documents keep the programme's official wording.
    Concept(
        "erasmus_agreement", r"erasmus\+ (?:inter-institutional|international) agreement",
        en="Erasmus+ inter-institutional agreement",
        note="The Turkish National Agency's own name, 'Kurumlararası Anlaşma', is kept for Erasmus+ agreements.",
        terms={"tr": Term("kurumlararası anlaşma", r"anlaşma"),
               "ky": Term("мекемелер аралык келишим", r"келишим"),
               "ru": Term("межинституциональное соглашение", r"соглашени")}),
    Concept(
        "learning_agreement", r"learning agreement", en="learning agreement",
        terms={"tr": Term("öğrenim anlaşması", r"öğrenim anlaşma"),
               "ky": Term("окуу келишими", r"окуу келишим"),
               "ru": Term("соглашение об обучении", r"соглашени\w* об обучении")}),
    Concept(
        "grant_agreement", r"grant agreement", en="grant agreement",
        terms={"tr": Term("hibe sözleşmesi", r"hibe sözleşme"),
               "ky": Term("грант келишими", r"грант\w* келишим"),
               "ru": Term("грантовый договор", r"грантов\w+ договор")}),
    Concept(
        "reference_number", r"reference number", en="reference number (of an agreement)",
        note="The office's own number of the agreement, quoted as 'İlgi' in its cover letters; "
             "not the number of a letter ('Sayı').",
        terms={"tr": Term("referans numarası", r"referans numara", avoid=(r"\bsayı",)),
               "ky": Term("каттоо номери", r"каттоо номер", avoid=(r"шилтеме",)),
               "ru": Term("регистрационный номер", r"регистрационн\w+ номер", avoid=(r"ссылк",))}),
    Concept(
        "letter_number", r"letter'?s number|number of [\w'ÖöÜü]+ letter|\bletter number",
        en="number of an official letter (Sayı)",
        note="The number an official letter carries in its head; msgids that say only 'Number' of a "
             "letter carry the context 'letter number'.",
        terms={"tr": Term("sayı", r"\bsayı", avoid=(r"numara", r"referans")),
               "ky": Term("каттын номери", r"кат(?:тын|ынын) номер", avoid=(r"шилтеме",)),
               "ru": Term("исходящий номер", r"исходящ\w+ номер", avoid=(r"ссылк",))}),
    Concept(
        "document_number", r"document number", en="document number (quality system)",
        terms={"tr": Term("doküman no", r"doküman no"),
               "ky": Term("документтин номери", r"документтин номер"),
               "ru": Term("номер документа", r"номер\w* документа")}),
    Concept(
        "revision_number", r"revision number|rev\. no", en="revision number",
        terms={"tr": Term("revizyon no", r"rev(?:izyon|\.) no"),
               "ky": Term("редакциянын номери", r"ред(?:акциянын|\.) (?:номер|№)"),
               "ru": Term("номер редакции", r"(?:номер\w* редакции|ред\. №)")}),
    Concept(
        "cooperation_agreement", r"cooperation agreement", en="cooperation agreement",
        terms={"tr": Term("işbirliği protokolü", r"işbirliği protokol", avoid=(r"anlaşma",)),
               "ky": Term("кызматташуу келишими", r"кызматташуу келишим"),
               "ru": Term("соглашение о сотрудничестве", r"соглашени\w* о сотрудничестве")}),
    Concept(
        "agreement", r"\bagreements?\b|\bmou\b", en="agreement",
        note="DESIGN.md: 'işbirliği protokolü'; a bilateral MoU is 'mutabakat zaptı'.",
        terms={"tr": Term("protokol", r"protokol|mutabakat zapt", avoid=(r"anlaşma", r"sözleşme")),
               "ky": Term("келишим", r"келишим|меморандум", avoid=(r"макулдашуу", r"протокол(?!\s*/)")),
               "ru": Term("соглашение", r"соглашени|меморандум", avoid=(r"договор",))}),
    Concept(
        "partner", r"\bpartners?\b", en="partner institution",
        terms={"tr": Term("ortak kurum", r"ortak kurum", avoid=(r"\bpartner", r"\bortağ", r"\bortakla")),
               "ky": Term("өнөктөш", r"өнөктөш", avoid=(r"партнер",)),
               "ru": Term("партнёр", r"партн[её]р", avoid=(r"партнер",))}),
    Concept(
        "workflow_step", r"workflow steps?|approval steps?", en="workflow step",
        terms={"tr": Term("onay süreci adımı", r"onay süreci adım", avoid=(r"iş akış",)),
               "ky": Term("бекитүү жолунун кадамы", r"бекитүү жолу\w* кадам",
                          avoid=(r"иш агым", r"иш жол", r"иш кадам")),
               "ru": Term("этап утверждения", r"этап\w* утверждения", avoid=(r"процесс",))}),
    Concept(
        "workflow", r"\bworkflows?\b", en="approval workflow",
        terms={"tr": Term("onay süreci", r"onay süre[cç]", avoid=(r"iş akış",)),
               "ky": Term("бекитүү жолу", r"бекитүү жол", avoid=(r"иш агым", r"иш жол", r"бекитилүү жол")),
               "ru": Term("порядок утверждения", r"(?:порядк|порядок)\w* утверждения|этап\w* утверждения",
                          avoid=(r"процесс",))}),
    Concept(
        "step", r"\bsteps?\b", en="step (of the workflow)",
        terms={"tr": Term("adım", r"adım"),
               "ky": Term("кадам", r"кадам"),
               "ru": Term("этап", r"этап", avoid=(r"\bшаг",))}),
    Concept(
        "residence_permit_letter", r"residence permit", en="residence permit",
        note="DESIGN.md says 'oturma izni'; the law (6458) and the migration offices write 'ikamet izni'.",
        terms={"tr": Term("ikamet izni", r"ikamet izn", avoid=(r"oturma izn",)),
               "ky": Term("жашоого уруксат", r"жашоого уруксат"),
               "ru": Term("вид на жительство", r"вид\w* на жительство")}),
    Concept(
        "cover_letter", r"cover letters?", en="official cover letter",
        note="DESIGN.md gives Kyrgyz 'кат'; 'кат' alone is any letter (the request letter, YÖK's letter), "
             "so the cover letter is 'коштомо кат', as 'сопроводительное письмо' in Russian.",
        terms={"tr": Term("üst yazı", r"üst yazı", avoid=(r"kapak yazı", r"ön yazı")),
               "ky": Term("коштомо кат", r"коштомо кат", avoid=(r"(?<!коштомо )(?<![\w-])кат(?:ты|ы|)\b",)),
               "ru": Term("сопроводительное письмо", r"сопроводительн\w+ письм")}),
    Concept(
        "invitation_letter", r"invitation letter", en="invitation letter",
        terms={"tr": Term("davet mektubu", r"davet mektub"),
               "ky": Term("чакыруу каты", r"чакыруу кат"),
               "ru": Term("пригласительное письмо", r"пригласительн\w+ письм")}),
    Concept(
        "request_letter", r"request letter", en="request letter",
        terms={"tr": Term("talep yazısı", r"talep yazı"),
               "ky": Term("өтүнүч кат", r"өтүнүч кат"),
               "ru": Term("письмо-запрос", r"письм\w*-запрос")}),
    Concept(
        "information_note", r"information note|info note", en="information note",
        terms={"tr": Term("bilgi notu", r"bilgi not"),
               "ky": Term("маалымдама", r"маалымдама", avoid=(r"баяндама", r"маалымкат")),
               "ru": Term("информационная справка", r"информационн\w+ справк", avoid=(r"записк",))}),
    Concept(
        "certificate_of_attendance", r"certificates? of attendance", en="certificate of attendance",
        terms={"tr": Term("katılım belgesi", r"katılım belge"),
               "ky": Term("катышуу сертификаты", r"катышуу сертификат", avoid=(r"маалымкат",)),
               "ru": Term("сертификат участия", r"сертификат\w* участия", avoid=(r"справк",))}),
    Concept(
        "request_for_opinion", r"request for (?:an? )?opinion", en="request for opinion",
        terms={"tr": Term("görüş talebi", r"görüş tal"),
               "ky": Term("корутунду суроо", r"корутунду\w* сур"),
               "ru": Term("запрос заключения", r"запрос\w* заключени")}),
    Concept(
        "opinion", r"\bopinions?\b", en="opinion (of Legal Counsel, Student Affairs)",
        terms={"tr": Term("görüş", r"görüş"),
               "ky": Term("корутунду", r"корутунду", avoid=(r"пикир",)),
               "ru": Term("заключение", r"заключени", avoid=(r"мнени",))}),
    Concept(
        "letter", r"(?<!-)(?<!lowercase )\bletters?\b(?! (?:a–z|E)\b)", en="letter",
        note="Not the letters of an alphabet ('two-letter code', 'lowercase letters a–z', 'the letter E').",
        terms={"tr": Term("yazı", r"yazı|mektub"),
               "ky": Term("кат", r"\bкат"),
               "ru": Term("письмо", r"письм")}),
    Concept(
        "office", r"international relations office", en="International Relations Office",
        terms={"tr": Term("Uluslararası İlişkiler Ofisi", r"uluslararası ilişkiler ofis"),
               "ky": Term("Эл аралык байланыштар бөлүмү", r"эл аралык байланыштар бөлүм"),
               "ru": Term("Отдел международных связей", r"отдел\w* международных связей")}),
    Concept(
        "senate", r"\bsenate\b|academic council", en="Senate / Academic Council",
        terms={"tr": Term("Senato", r"senato"),
               "ky": Term("Окумуштуулар кеңеши", r"окумуштуулар кеңеш"),
               "ru": Term("Учёный совет", r"уч[её]н\w+ совет", avoid=(r"сенат",))}),
    Concept(
        "legal_counsel", r"legal counsel|legal department", en="Legal Counsel",
        terms={"tr": Term("Hukuk Müşavirliği", r"hukuk müşavir"),
               "ky": Term("Укук иштер бөлүмү", r"укук иштер бөлүм"),
               "ru": Term("Юридический отдел", r"юридическ\w+ отдел")}),
    Concept(
        "student_affairs", r"student affairs", en="Student Affairs",
        terms={"tr": Term("Öğrenci İşleri Daire Başkanlığı", r"öğrenci işleri"),
               "ky": Term("Студенттер бөлүмү", r"студенттер бөлүм"),
               "ru": Term("Отдел по работе со студентами", r"отдел\w* по работе со студентами")}),
    Concept(
        "rector", r"\brector\b", en="Rector",
        terms={"tr": Term("Rektör", r"rektör"), "ky": Term("ректор", r"ректор"), "ru": Term("ректор", r"ректор")}),
    Concept(
        "course_recognition", r"course recognition|course exemption", en="course exemption / recognition",
        terms={"tr": Term("ders muafiyeti", r"muafiyet"),
               "ky": Term("сабактарды эсепке алуу", r"эсепке алуу"),
               "ru": Term("перезачёт дисциплин", r"перезач[её]т")}),
    Concept(
        "recognition", r"recogni[sz]", en="recognition of a foreign institution (YÖK)",
        terms={"tr": Term("tanınma", r"tanın|tanım", avoid=(r"tanınırlık",)),
               "ky": Term("таануу", r"таан|тааны"),
               "ru": Term("признание", r"призна")}),
    Concept(
        "mobility", r"\bmobility\b", en="mobility",
        terms={"tr": Term("hareketlilik", r"hareketlili"),
               "ky": Term("академиялык мобилдүүлүк", r"мобилдүүлү"),
               "ru": Term("академическая мобильность", r"мобильност")}),
    Concept(
        "job_description", r"job descriptions?", en="job description",
        terms={"tr": Term("görev tanımı", r"görev tanım"),
               "ky": Term("кызматтык нускама", r"кызматтык нускама"),
               "ru": Term("должностная инструкция", r"должностн\w+ инструкци")}),
    Concept(
        "statute", r"\bstatutes?\b", en="statute, regulation",
        terms={"tr": Term("yönerge", r"yönerge"),
               "ky": Term("жобо", r"жобо"),
               "ru": Term("положение", r"положени")}),
    Concept(
        "revision", r"\brevisions?\b|\brev\.", en="revision (of a statute)",
        terms={"tr": Term("revizyon", r"revizyon|rev\."),
               "ky": Term("редакция", r"редакци|ред\."),
               "ru": Term("редакция", r"редакци|ред\.", avoid=(r"ревизи",))}),
    Concept(
        "draft", r"\bdrafts?\b", en="draft",
        note="A draft of an agreement or a statute is a 'проект' in Russian official usage, as 'долбоор' in "
             "Kyrgyz; what goes back to draft goes 'на доработку'.",
        terms={"tr": Term("taslak", r"taslağ|taslak"),
               "ky": Term("долбоор", r"долбоор"),
               "ru": Term("проект", r"проект|доработк", avoid=(r"черновик",))}),
    Concept(
        "clause", r"\bclauses?\b", en="clause (numbered item of a statute)",
        terms={"tr": Term("madde", r"madde"),
               "ky": Term("пункт", r"пункт"),
               "ru": Term("пункт", r"пункт")}),
    Concept(
        "article", r"\barticles?\b", en="article (of a law or regulation)",
        terms={"tr": Term("madde", r"madde"),
               "ky": Term("берене", r"берене"),
               "ru": Term("статья", r"стать")}),
    Concept(
        "signatory", r"\bsignator(?:y|ies)\b", en="signatory",
        terms={"tr": Term("imzacı", r"imzacı"),
               "ky": Term("кол коюучу", r"кол коюучу"),
               "ru": Term("подписант", r"подписант")}),
    Concept(
        "audit_log", r"audit log", en="audit log",
        terms={"tr": Term("denetim günlüğü", r"denetim günlüğ"),
               "ky": Term("аудит журналы", r"аудит журнал"),
               "ru": Term("журнал аудита", r"журнал\w* аудита")}),
    Concept(
        "audit_entry", r"audit entr", en="audit entry",
        terms={"tr": Term("denetim kaydı", r"denetim kayd|denetim kayıt"),
               "ky": Term("аудит жазуусу", r"аудит жазуу"),
               "ru": Term("запись аудита", r"запис\w* аудита")}),
    Concept(
        "notification", r"\bnotifications?\b", en="notification",
        terms={"tr": Term("bildirim", r"bildirim"),
               "ky": Term("билдирүү", r"билдирүү"),
               "ru": Term("уведомление", r"уведомлени")}),
    Concept(
        "reminder", r"\bremind", en="reminder",
        terms={"tr": Term("hatırlatma", r"hatırlat"),
               "ky": Term("эскертүү", r"эскерт"),
               "ru": Term("напоминание", r"напомина|напомн")}),
    Concept(
        "academic_unit", r"academic units?", en="academic unit",
        terms={"tr": Term("akademik birim", r"akademik birim"),
               "ky": Term("академиялык бөлүм", r"академиялык бөлүм", avoid=(r"академиялык түзүм",)),
               "ru": Term("академическое подразделение", r"академическ\w+ подразделени")}),
    Concept(
        "unit", r"\b(?:sub-)?units?\b", en="unit (of a university)",
        note="Kyrgyz 'бөлүм' alone is the office; a university's unit is 'түзүмдүк бөлүм' "
             "('структурное подразделение').",
        terms={"tr": Term("birim", r"birim"),
               "ky": Term("түзүмдүк бөлүм", r"түзүмдүк бөлүм|академиялык бөлүм", avoid=(r"түзүм(?!дүк)",)),
               "ru": Term("подразделение", r"подразделени")}),
    Concept(
        "office_of_university", r"\boffice\b", en="office (the International Relations Office)",
        terms={"tr": Term("ofis", r"ofis"),
               "ky": Term("бөлүм", r"бөлүм"),
               "ru": Term("отдел", r"отдел")}),
    Concept(
        "password", r"\bpasswords?\b", en="password",
        terms={"tr": Term("parola", r"parola", avoid=(r"şifre",)),
               "ky": Term("сырсөз", r"сырсөз"),
               "ru": Term("пароль", r"парол")}),
    Concept(
        "subject", r"\bsubject\b(?! (?:type|id))", en="subject of a letter (Konu)",
        terms={"tr": Term("konu", r"konu"),
               "ky": Term("темасы", r"тема"),
               "ru": Term("тема", r"тема")}),
    Concept(
        "enclosure", r"\benclosures?\b|\battachments?\b", en="enclosure (Ek)",
        terms={"tr": Term("ek", r"\bek"),
               "ky": Term("тиркеме", r"тиркеме"),
               "ru": Term("приложение", r"приложени")}),
    Concept(
        "distribution", r"\bdistribution\b", en="distribution (Dağıtım)",
        terms={"tr": Term("dağıtım", r"dağıtım"),
               "ky": Term("таратуу", r"таратуу"),
               "ru": Term("рассылка", r"рассылк")}),
    Concept(
        "double_braces", r"double braces|curly braces", en="double braces {{ }}",
        terms={"tr": Term("çift süslü parantez", r"süslü parantez", avoid=(r"tırnak",)),
               "ky": Term("фигуралык кашаалар", r"фигуралык кашаа", avoid=(r"тырмак",)),
               "ru": Term("фигурные скобки", r"фигурн\w+ скобк", avoid=(r"кавычк",))}),
    Concept(
        "kyrgyz", r"\bkyrgyz\b", en="Kyrgyz (the language)",
        terms={"tr": Term("Kırgızca", r"kırgız"),
               "ky": Term("кыргызча", r"кыргыз"),
               "ru": Term("кыргызский", r"кыргыз", avoid=(r"киргиз",))}),
)

# Variants wrong in any string of the language, whatever its msgid says.
NEVER: dict[str, tuple[str, ...]] = {
    "tr": (r"\bşifre(?!le)", r"tanınırlık", r"yola çıktı", r"iş akış"),
    "ky": (r"көпүрө",  # the product is called Köprü in every language
           r"тырмак", r"маалымат баяндама", r"суроо-талап", r"иш агым"),
    "ru": (r"киргиз", r"предписано", r"справка об участии", r"черновик",
           r"[“”„]"),  # Russian quotes are «…»
}
