"""The approval workflows a new university starts with, as data: each step named in all four languages.

Turkish universities follow seed 000 (7.1–7.9), Kyrgyz universities the approval chain of
seed 004 (Osh State University's statute: drafts with the units, agreed with the partner,
then the vice-rector for external relations, the legal department and the rector). The
Kyrgyz chain carries no clause numbers: they are Osh's own statute's (the demo gives them to
Osh), and another Kyrgyz university's statute numbers its clauses its own way. A country
whose universities check no partner's recognition gets no recognition step. Each office
edits its own copy afterwards.
"""

from core.agreements.models import DocumentKind as Doc
from core.agreements.models import SignatureSide as Side
from core.agreements.models import WorkflowStep
from core.office.models import Role
from core.partners.recognition import recognition_policy


def _step(code, names, *, clause="", role=Role.OFFICER, needs=(), produces=(), skippable=False,
          sends_letter=False, letter_addressee=WorkflowStep.Addressee.GENERIC, letter_language="",
          checks_recognition=False, puts_in_force=False, publishes=False, records_signature="",
          reminder_days=None) -> dict:
    return {
        "code": code, "names": names, "clause": clause, "role": role,
        "required_documents": list(needs), "produced_documents": list(produces), "skippable": skippable,
        "sends_letter": sends_letter, "letter_addressee": letter_addressee, "letter_language": letter_language,
        "checks_recognition": checks_recognition, "puts_in_force": puts_in_force,
        "publishes": publishes, "records_signature": records_signature, "reminder_days": reminder_days,
    }


TURKISH_WORKFLOW = {
    "names": {"tr": "İşbirliği protokolü onay süreci", "ky": "Кызматташуу келишимин бекитүү жолу",
              "ru": "Порядок утверждения соглашения о сотрудничестве",
              "en": "Approval of a cooperation agreement"},
    "steps": [
        # 7.1: a letter from the foreign university; 7.2: a request from one of our academic units.
        _step("request_received", {"tr": "Talep alındı", "ky": "Өтүнүч кабыл алынды", "ru": "Запрос получен",
                                   "en": "Request received"},
              clause="7.1–7.2", needs=[Doc.REQUEST_LETTER], reminder_days=7),
        _step("info_note", {"tr": "Bilgi notu", "ky": "Маалымдама", "ru": "Информационная справка",
                            "en": "Information note"},
              clause="7.4", produces=[Doc.INFO_NOTE], reminder_days=7),
        _step("yok_recognition", {"tr": "YÖK tanınırlık kontrolü", "ky": "YÖK тарабынан таанылышын текшерүү",
                                  "ru": "Проверка признания YÖK", "en": "YÖK recognition check"},
              clause="7.5", produces=[Doc.RECOGNITION_EVIDENCE], checks_recognition=True, reminder_days=14),
        # 7.6 in two steps: the letter asking for the opinions goes out, then the opinions come back.
        _step("opinions_requested", {"tr": "Hukuk Müşavirliği ve Öğrenci İşleri Daire Başkanlığından görüş istendi",
                                     "ky": "Укук иштер бөлүмүнөн жана студенттер бөлүмүнөн пикир суралды",
                                     "ru": "Запрошены заключения юридического отдела и отдела по работе со студентами",
                                     "en": "Opinions asked of Legal Counsel and Student Affairs"},
              clause="7.6", produces=[Doc.COVER_LETTER], sends_letter=True,
              letter_addressee=WorkflowStep.Addressee.OPINIONS, reminder_days=7),
        _step("opinions", {"tr": "Hukuk Müşavirliği ve Öğrenci İşleri Daire Başkanlığı görüşleri",
                           "ky": "Укук иштер бөлүмүнүн жана студенттер бөлүмүнүн пикирлери",
                           "ru": "Заключения юридического отдела и отдела по работе со студентами",
                           "en": "Legal Counsel and Student Affairs opinions"},
              clause="7.6", needs=[Doc.LEGAL_OPINION, Doc.STUDENT_AFFAIRS_OPINION], reminder_days=14),
        _step("senate_submission", {"tr": "Senatoya sunulması", "ky": "Окумуштуулар кеңешине сунуу",
                                    "ru": "Представление в Учёный совет", "en": "Submission to the Senate"},
              clause="7.7", role=Role.COORDINATOR, needs=[Doc.SENATE_FILE], produces=[Doc.COVER_LETTER],
              sends_letter=True, letter_addressee=WorkflowStep.Addressee.SENATE, reminder_days=7),
        _step("senate_decision", {"tr": "Senato kararı", "ky": "Окумуштуулар кеңешинин чечими",
                                  "ru": "Решение Учёного совета", "en": "Senate decision"},
              clause="7.7", role=Role.COORDINATOR, needs=[Doc.SENATE_DECISION], reminder_days=30),
        _step("rector_signature", {"tr": "Rektör imzası", "ky": "Ректордун колу", "ru": "Подпись ректора",
                                   "en": "Rector's signature"},
              clause="7.8", role=Role.COORDINATOR, needs=[Doc.AGREEMENT_TEXT], records_signature=Side.OURS,
              reminder_days=14),
        _step("partner_countersignature",
              {"tr": "Karşı tarafa imza için e-posta ile gönderildi",
               "ky": "Өнөктөшкө кол коюу үчүн электрондук почта менен жөнөтүлдү",
               "ru": "Отправлено партнёру на подпись по электронной почте",
               "en": "Sent to the partner for countersignature by e-mail"},
              clause="7.8", produces=[Doc.COVER_LETTER], sends_letter=True,
              letter_addressee=WorkflowStep.Addressee.PARTNER, letter_language="en", reminder_days=30),
        _step("in_force", {"tr": "Yürürlüğe girdi", "ky": "Күчүнө кирди", "ru": "Вступило в силу",
                           "en": "In force"},
              # The countersigned copy is back: the partner's signature is dated here, not when the copy went out.
              clause="7.9", needs=[Doc.SIGNED_AGREEMENT], puts_in_force=True, records_signature=Side.PARTNER),
        _step("filed_published", {"tr": "Klasörlendi ve yayımlandı", "ky": "Архивге тапшырылды жана жарыяланды",
                                  "ru": "Подшито в дело и опубликовано", "en": "Filed and published"},
              clause="7.9", skippable=True, publishes=True, reminder_days=14),
    ],
}

KYRGYZ_WORKFLOW = {
    "names": {"tr": "İşbirliği protokolünün onay süreci", "ky": "Кызматташуу келишимин бекитүү жолу",
              "ru": "Порядок утверждения соглашения о сотрудничестве",
              "en": "Approval of a cooperation agreement"},
    "steps": [
        _step("draft_with_units", {"tr": "Taslak birimlerle hazırlandı", "ky": "Долбоор түзүмдөр менен даярдалды",
                                   "ru": "Проект подготовлен с подразделениями",
                                   "en": "Draft prepared with the units"},
              needs=[Doc.AGREEMENT_TEXT], produces=[Doc.AGREEMENT_TEXT], reminder_days=14),
        _step("agreed_with_partner", {"tr": "Karşı tarafla mutabık kalındı", "ky": "Өнөктөш менен макулдашылды",
                                      "ru": "Согласовано с партнёром", "en": "Agreed with the partner"},
              reminder_days=30),
        _step("vice_rector", {"tr": "Dış ilişkilerden sorumlu rektör yardımcısının onayı",
                              "ky": "Тышкы байланыштар боюнча проректордун макулдугу",
                              "ru": "Согласование с проректором по внешним связям",
                              "en": "Vice-rector for external relations"},
              role=Role.COORDINATOR, produces=[Doc.COVER_LETTER], sends_letter=True, reminder_days=7),
        _step("legal_department", {"tr": "Hukuk biriminin görüşü", "ky": "Укук иштер бөлүмүнүн макулдугу",
                                   "ru": "Согласование с юридическим отделом", "en": "Legal department"},
              role=Role.COORDINATOR, needs=[Doc.LEGAL_OPINION], reminder_days=7),
        _step("rector_approval", {"tr": "Rektör onayı", "ky": "Ректордун бекитүүсү", "ru": "Утверждение ректором",
                                  "en": "Rector's approval"},
              role=Role.COORDINATOR, records_signature=Side.OURS, reminder_days=14),
        _step("in_force", {"tr": "Yürürlüğe girdi", "ky": "Күчүнө кирди", "ru": "Вступило в силу",
                           "en": "In force"},
              needs=[Doc.SIGNED_AGREEMENT], puts_in_force=True, records_signature=Side.PARTNER),
    ],
}


def default_workflow_for(country: str) -> dict:
    """Kyrgyz universities get seed 004's chain; every other country seed 000's, the fuller of the two, without
    the recognition step where the country has no recognition rule."""
    spec = KYRGYZ_WORKFLOW if country == "KG" else TURKISH_WORKFLOW
    if recognition_policy(country) is None:
        spec = {**spec, "steps": [step for step in spec["steps"] if not step["checks_recognition"]]}
    return spec
