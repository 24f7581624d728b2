"""The demo office's partners and agreements (KOPRU_DEMO only), written through the same services as the office's.

Turkish demo universities share one set, Osh State University has its own (names in
Kyrgyz, Russian and English, its Kyrgyz workflow). Agreements are walked through the
university's default workflow to several states: in force and published, waiting at a
step, sent back, rejected, draft. Dates are relative to today, so one agreement in force
always expires within 90 days and the reminders have something to say.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import override

from core.accounts.models import User
from core.agreements.models import Agreement, DocumentKind, IscedField
from core.agreements.partner_requests.services import request_forward, request_register
from core.agreements.publishing.services import agreement_set_published
from core.agreements.services import agreement_create
from core.agreements.workflow.selectors import upload_kinds
from core.agreements.workflow.services import agreement_complete_step, agreement_reject, agreement_submit
from core.documents.layout import Paragraph
from core.documents.pdf import render_pdf
from core.office.models import AcademicUnit
from core.partners.info_note import info_note_generate
from core.partners.models import Partner, Recognition, RecognitionCheck
from core.partners.services import (
    partner_contact_create,
    partner_create,
    partner_unit_create,
    ranking_save,
    recognition_check_record,
)
from tenants.models import University

# Where a demo agreement is left: one of these, or the code of the workflow step it waits at.
DRAFT, REJECTED, IN_FORCE = "draft", "rejected", "in_force"

SMS, STA = "SMS", "STA"
OUT, IN = "outgoing", "incoming"


def _sms(direction, isced, places, months, language, level, eqf=6) -> dict:
    return {"direction": direction, "mobility_type": SMS, "isced": isced, "eqf_level": eqf,
            "places_per_year": places, "months_per_person": Decimal(months), "language": language,
            "cefr_level": level}


def _sta(direction, isced, places, days, language="en", level="B2") -> dict:
    return {"direction": direction, "mobility_type": STA, "isced": isced, "places_per_year": places,
            "days_per_person": days, "language": language, "cefr_level": level}


# Contacts' positions in each language.
ERASMUS_COORDINATOR = {"tr": "Erasmus+ kurum koordinatörü", "ky": "Erasmus+ институционалдык координатору",
                       "ru": "Институциональный координатор Erasmus+",
                       "en": "Erasmus+ institutional coordinator"}
INTERNATIONAL_OFFICE = {"tr": "Uluslararası İlişkiler Ofisi", "ky": "Эл аралык байланыштар бөлүмү",
                        "ru": "Отдел международных связей",
                        "en": "International Relations Office"}
HEAD_OF_FOREIGN_RELATIONS = {"tr": "Dış İlişkiler Ofisi Başkanı", "ky": "Тышкы байланыштар бөлүмүнүн башчысы",
                             "ru": "Начальник отдела внешних связей",
                             "en": "Head of the Foreign Relations Office"}
INTERNATIONAL_COOPERATION = {"tr": "Uluslararası İşbirliği Dairesi", "ky": "Эл аралык кызматташтык департаменти",
                             "ru": "Департамент международного сотрудничества",
                             "en": "Department of International Cooperation"}
INTERNATIONAL_UNIT = {"tr": "Uluslararası İlişkiler Birimi", "ky": "Эл аралык байланыштар бөлүгү",
                      "ru": "Подразделение международных связей",
                      "en": "International Relations Unit"}
INTERNATIONAL_DEPARTMENT = {"tr": "Uluslararası İlişkiler Dairesi", "ky": "Эл аралык байланыштар департаменти",
                            "ru": "Департамент международных связей",
                            "en": "International Relations Department"}
INTERNATIONAL_COORDINATOR = {"tr": "Uluslararası İlişkiler Koordinatörü",
                             "ky": "Эл аралык байланыштар боюнча координатор",
                             "ru": "Координатор международных связей",
                             "en": "Coordinator of International Relations"}
INTERNATIONAL_ADMINISTRATION = {"tr": "Uluslararası İlişkiler Müdürlüğü", "ky": "Эл аралык байланыштар башкармалыгы",
                                "ru": "Управление международных связей",
                                "en": "International Relations Administration"}

WIEN = {
    "names": {"tr": "Viyana Üniversitesi", "ky": "Вена университети", "ru": "Венский университет",
              "en": "University of Vienna"},
    "cities": {"tr": "Viyana", "ky": "Вена", "ru": "Вена", "en": "Vienna"},
    "short_name": "Universität Wien", "country": "AT", "website": "https://www.univie.ac.at",
    "erasmus_code": "A  WIEN01", "schac": "univie.ac.at",
    "rankings": [{"system": "QS", "rank": 137}, {"system": "THE", "rank": 119}],
    "units": [{"tr": "Bilgisayar Bilimleri Fakültesi", "ky": "Информатика факультети",
               "ru": "Факультет информатики", "en": "Faculty of Computer Science"}],
    "contact": {"name": "Julia Berger", "positions": ERASMUS_COORDINATOR,
                "email": "erasmus@univie.example", "phone": "+43 1 4277 00000"},
    "recognition": Recognition.RECOGNISED,
}
WARSZAWA = {
    "names": {"tr": "Varşova Üniversitesi", "ky": "Варшава университети", "ru": "Варшавский университет",
              "en": "University of Warsaw"},
    "cities": {"tr": "Varşova", "ky": "Варшава", "ru": "Варшава", "en": "Warsaw"},
    "short_name": "Uniwersytet Warszawski", "country": "PL", "website": "https://www.uw.edu.pl",
    "erasmus_code": "PL WARSZAW01", "schac": "uw.edu.pl",
    "rankings": [{"system": "QS", "rank": 258}, {"system": "THE", "band": "601–800"}],
    "units": [{"tr": "İktisadi Bilimler Fakültesi", "ky": "Экономикалык илимдер факультети",
               "ru": "Факультет экономических наук", "en": "Faculty of Economic Sciences"}],
    "contact": {"name": "Katarzyna Nowak", "positions": INTERNATIONAL_OFFICE,
                "email": "iro@uw.example", "phone": "+48 22 552 00 00"},
    "recognition": Recognition.RECOGNISED,
}
MANAS = {
    "names": {"tr": "Kırgızistan-Türkiye Manas Üniversitesi", "ky": "Кыргыз-Түрк «Манас» университети",
              "ru": "Кыргызско-Турецкий университет «Манас»", "en": "Kyrgyz-Turkish Manas University"},
    "cities": {"tr": "Bişkek", "ky": "Бишкек", "ru": "Бишкек", "en": "Bishkek"},
    "short_name": "KTMÜ", "country": "KG", "website": "https://www.manas.edu.kg", "schac": "manas.edu.kg",
    "contact": {"name": "Aizada Toktogulova", "positions": HEAD_OF_FOREIGN_RELATIONS,
                "email": "foreign@manas.example", "phone": "+996 312 49 00 00"},
}
KAZNU = {
    "names": {"tr": "El-Farabi Kazak Millî Üniversitesi", "ky": "Аль-Фараби атындагы Казак улуттук университети",
              "ru": "Казахский национальный университет имени аль-Фараби",
              "en": "Al-Farabi Kazakh National University"},
    "cities": {"tr": "Almatı", "ky": "Алматы", "ru": "Алматы", "en": "Almaty"},
    "short_name": "KazNU", "country": "KZ", "website": "https://www.kaznu.kz", "schac": "kaznu.kz",
    "rankings": [{"system": "QS", "rank": 150}],
    "units": [{"tr": "Şarkiyat Fakültesi", "ky": "Чыгыш таануу факультети", "ru": "Факультет востоковедения",
               "en": "Faculty of Oriental Studies"}],
    "contact": {"name": "Aigerim Sadykova", "positions": INTERNATIONAL_COOPERATION,
                "email": "international@kaznu.example", "phone": "+7 727 377 00 00"},
    "recognition": Recognition.RECOGNISED,
}
COIMBRA = {
    "names": {"tr": "Coimbra Üniversitesi", "ky": "Коимбра университети", "ru": "Коимбрский университет",
              "en": "University of Coimbra"},
    "cities": {"tr": "Coimbra", "ky": "Коимбра", "ru": "Коимбра", "en": "Coimbra"},
    "short_name": "Universidade de Coimbra", "country": "PT", "website": "https://www.uc.pt",
    "erasmus_code": "P  COIMBRA01", "schac": "uc.pt",
    "rankings": [{"system": "THE", "band": "801–1000"}, {"system": "QS", "rank": 352}],
    "units": [{"tr": "Fen ve Teknoloji Fakültesi", "ky": "Табигый илимдер жана технологиялар факультети",
               "ru": "Факультет естественных наук и технологий", "en": "Faculty of Sciences and Technology"}],
    "contact": {"name": "João Ferreira", "positions": INTERNATIONAL_UNIT,
                "email": "dri@uc.example", "phone": "+351 239 000 000"},
    "recognition": Recognition.RECOGNISED,
}
OSH = {
    "names": {"tr": "Oş Devlet Üniversitesi", "ky": "Ош мамлекеттик университети",
              "ru": "Ошский государственный университет", "en": "Osh State University"},
    "cities": {"tr": "Oş", "ky": "Ош", "ru": "Ош", "en": "Osh"},
    "short_name": "ОшМУ", "country": "KG", "website": "https://www.oshsu.kg", "schac": "oshsu.kg",
    "contact": {"name": "Nurlan Abdyrakhmanov", "positions": INTERNATIONAL_DEPARTMENT,
                "email": "intl@oshsu.example"},
    "recognition": Recognition.ASKED_YOK,
}
YESEVI = {
    "names": {"tr": "Hoca Ahmet Yesevi Uluslararası Türk-Kazak Üniversitesi",
              "ky": "Кожо Ахмед Ясави атындагы Эл аралык казак-түрк университети",
              "ru": "Международный казахско-турецкий университет имени Ходжи Ахмеда Ясави",
              "en": "Khoja Akhmet Yassawi International Kazakh-Turkish University"},
    "cities": {"tr": "Türkistan", "ky": "Түркстан", "ru": "Туркестан", "en": "Turkistan"},
    "short_name": "Ahmet Yesevi", "country": "KZ", "website": "https://www.ayu.edu.kz", "schac": "ayu.edu.kz",
    "contact": {"name": "Murat Karabulut", "positions": INTERNATIONAL_COORDINATOR,
                "email": "international@ayu.example"},
    "recognition": Recognition.RECOGNISED,
}
ANKARA = {
    "names": {"tr": "Ankara Üniversitesi", "ky": "Анкара университети", "ru": "Анкарский университет",
              "en": "Ankara University"},
    "cities": {"tr": "Ankara", "ky": "Анкара", "ru": "Анкара", "en": "Ankara"},
    "short_name": "AÜ", "country": "TR", "website": "https://www.ankara.edu.tr",
    "erasmus_code": "TR ANKARA01", "schac": "ankara.edu.tr",
    "rankings": [{"system": "THE", "band": "1001–1200"}, {"system": "QS", "band": "801–850"}],
    "contact": {"name": "Elif Demir", "positions": INTERNATIONAL_OFFICE,
                "email": "iro@ankara.example", "phone": "+90 312 000 00 00"},
    "recognition": Recognition.RECOGNISED,
}
KASTAMONU = {
    "names": {"tr": "Kastamonu Üniversitesi", "ky": "Кастамону университети", "ru": "Университет Кастамону",
              "en": "Kastamonu University"},
    "cities": {"tr": "Kastamonu", "ky": "Кастамону", "ru": "Кастамону", "en": "Kastamonu"},
    "short_name": "KÜ", "country": "TR", "website": "https://www.kastamonu.edu.tr",
    "erasmus_code": "TR KASTAMO01", "schac": "kastamonu.edu.tr",
    "rankings": [{"system": "THE", "band": "1501+"}],
    "units": [{"tr": "İktisadi ve İdari Bilimler Fakültesi", "ky": "Экономика жана башкаруу илимдери факультети",
               "ru": "Факультет экономических и административных наук",
               "en": "Faculty of Economics and Administrative Sciences"}],
    "contact": {"name": "Ayşe Kaya", "positions": ERASMUS_COORDINATOR,
                "email": "erasmus@kastamonu.example", "phone": "+90 366 000 00 00"},
    "recognition": Recognition.RECOGNISED,
}
KAZAN = {
    "names": {"tr": "Kazan Federal Üniversitesi", "ky": "Казан федералдык университети",
              "ru": "Казанский (Приволжский) федеральный университет", "en": "Kazan Federal University"},
    "cities": {"tr": "Kazan", "ky": "Казан", "ru": "Казань", "en": "Kazan"},
    "short_name": "КФУ", "country": "RU", "website": "https://kpfu.ru", "schac": "kpfu.ru",
    "rankings": [{"system": "THE", "band": "801–1000"}],
    "contact": {"name": "Ильдар Хасанов", "positions": INTERNATIONAL_ADMINISTRATION,
                "email": "international@kpfu.example"},
    "recognition": Recognition.RECOGNISED,
}
TSUE = {
    "names": {"tr": "Taşkent Devlet Ekonomi Üniversitesi", "ky": "Ташкент мамлекеттик экономикалык университети",
              "ru": "Ташкентский государственный экономический университет",
              "en": "Tashkent State University of Economics"},
    "cities": {"tr": "Taşkent", "ky": "Ташкент", "ru": "Ташкент", "en": "Tashkent"},
    "short_name": "ТГЭУ", "country": "UZ", "website": "https://tsue.uz", "schac": "tsue.uz",
    "contact": {"name": "Dilshod Karimov", "positions": INTERNATIONAL_DEPARTMENT,
                "email": "intl@tsue.example"},
    "recognition": Recognition.ASKED_YOK,
}

# Signatories' titles in each language, as their agreements name them.
RECTOR = {"tr": "Rektör", "ky": "Ректор", "ru": "Ректор", "en": "Rector"}
VICE_RECTOR = {"tr": "Rektör Yardımcısı", "ky": "Проректор", "ru": "Проректор", "en": "Vice-Rector"}
VICE_RECTOR_INTERNATIONAL = {"tr": "Uluslararası İlişkilerden Sorumlu Rektör Yardımcısı",
                             "ky": "Эл аралык байланыштар боюнча проректор",
                             "ru": "Проректор по международным связям", "en": "Vice-Rector for International Affairs"}
ENGINEERING = "Faculty of Engineering and Architecture"
ECONOMICS_FACULTY = "Faculty of Economics and Administrative Sciences"
COMPUTER_ENGINEERING = "Department of Computer Engineering"
CIVIL_ENGINEERING = "Department of Civil Engineering"
ECONOMICS = "Department of Economics"

TURKISH = {
    "partners": {"wien": WIEN, "warszawa": WARSZAWA, "manas": MANAS, "kaznu": KAZNU, "coimbra": COIMBRA,
                 "osh": OSH, "yesevi": YESEVI, "ankara": ANKARA},
    "our_signatory": {"side": "ours", "name": "Prof. Dr. Mehmet Aydın", "titles": RECTOR},
    "agreements": [
        {"state": IN_FORCE, "published": True, "kind": Agreement.Kind.ERASMUS_KA131, "partners": ["wien"],
         "titles": {"tr": "Viyana Üniversitesi ile Erasmus+ kurumlararası anlaşma (KA131)",
                    "en": "Erasmus+ inter-institutional agreement with the University of Vienna (KA131)"},
         "reference": "IIA-A-WIEN01", "scopes": ["student_exchange", "staff_exchange"],
         "origin": Agreement.Origin.PARTNER_LETTER, "starts": -420, "ends": 1000,
         "renewal": Agreement.Renewal.BY_NOTICE, "text_languages": ["en"], "units": [ENGINEERING],
         "partner_signatory": {"name": "Univ.-Prof. Dr. Anna Huber", "titles": VICE_RECTOR_INTERNATIONAL},
         "conditions": [_sms(OUT, "0613", 2, "5", "de", "B1"), _sms(IN, "0613", 2, "5", "en", "B2"),
                        _sta(OUT, "0613", 1, 5), _sta(IN, "0613", 1, 5)]},
        {"state": IN_FORCE, "published": True, "kind": Agreement.Kind.ERASMUS_KA131, "partners": ["warszawa"],
         "titles": {"tr": "Varşova Üniversitesi ile Erasmus+ kurumlararası anlaşma (KA131)",
                    "en": "Erasmus+ inter-institutional agreement with the University of Warsaw (KA131)"},
         "reference": "IIA-PL-WARSZAW01", "scopes": ["student_exchange", "staff_exchange"],
         "origin": Agreement.Origin.INTERNAL_UNIT, "starts": -1400, "ends": 60,
         "renewal": Agreement.Renewal.BY_NOTICE, "text_languages": ["en"], "units": [ECONOMICS_FACULTY],
         "partner_signatory": {"name": "Prof. dr hab. Tomasz Zieliński", "titles": VICE_RECTOR},
         "conditions": [_sms(OUT, "0311", 3, "5", "en", "B2"), _sms(IN, "0311", 2, "5", "en", "B2"),
                        _sta(OUT, "0311", 1, 7)]},
        {"state": IN_FORCE, "published": True, "kind": Agreement.Kind.MEVLANA, "partners": ["kaznu"],
         "titles": {"tr": "El-Farabi Kazak Millî Üniversitesi ile Mevlana Değişim Programı protokolü",
                    "en": "Mevlana Exchange Programme protocol with Al-Farabi Kazakh National University"},
         "reference": "MEV-2025-04", "scopes": ["student_exchange", "staff_exchange"],
         "origin": Agreement.Origin.OFFICE, "starts": -200, "ends": 1600,
         "renewal": Agreement.Renewal.AUTOMATIC, "text_languages": ["tr", "ru"], "units": [ECONOMICS_FACULTY],
         "partner_signatory": {"name": "Prof. Dr. Serik Abenov", "titles": RECTOR},
         "conditions": [_sms(OUT, "0311", 2, "4", "ru", "B1"), _sms(IN, "0311", 2, "4", "tr", "B1")]},
        # Waits at the recognition step: YÖK has been asked about the partner and has not answered.
        {"state": "yok_recognition", "kind": Agreement.Kind.BILATERAL, "partners": ["osh"],
         "titles": {"tr": "Oş Devlet Üniversitesi ile akademik işbirliği protokolü",
                    "en": "Memorandum of understanding on academic cooperation with Osh State University"},
         "scopes": ["student_exchange", "research"], "origin": Agreement.Origin.INTERNAL_UNIT,
         "renewal": Agreement.Renewal.AUTOMATIC, "text_languages": ["tr", "ru"], "units": [ECONOMICS_FACULTY],
         "conditions": [_sms(OUT, "0413", 2, "5", "ru", "B1"), _sms(IN, "0413", 2, "5", "tr", "B1")]},
        {"state": "senate_decision", "kind": Agreement.Kind.DUAL_DEGREE, "partners": ["coimbra"],
         "titles": {"tr": "Coimbra Üniversitesi ile İnşaat Mühendisliği çift diploma programı protokolü",
                    "en": "Dual degree protocol in Civil Engineering with the University of Coimbra"},
         "scopes": ["joint_programmes", "student_exchange"], "origin": Agreement.Origin.INTERNAL_UNIT,
         "starts": 90, "ends": 90 + 5 * 365, "renewal": Agreement.Renewal.BY_NOTICE, "text_languages": ["en", "pt"],
         "units": [CIVIL_ENGINEERING],
         "conditions": [_sms(OUT, "0732", 3, "10", "en", "B2", eqf=7), _sms(IN, "0732", 3, "10", "en", "B2", eqf=7)]},
        {"state": "opinions", "kind": Agreement.Kind.ORHUN, "partners": ["yesevi"],
         "send_back": "Hukuk Müşavirliği protokol metninin Türkçe çevirisini istiyor; bilgi notu çeviriyle "
                      "birlikte yeniden hazırlanmalı.",
         "titles": {"tr": "Hoca Ahmet Yesevi Üniversitesi ile Orhun Değişim Programı protokolü",
                    "en": "Orhun Exchange Programme protocol with Khoja Akhmet Yassawi University"},
         "scopes": ["student_exchange"], "origin": Agreement.Origin.PARTNER_LETTER,
         "renewal": Agreement.Renewal.NONE, "text_languages": ["tr", "kk"], "units": [ENGINEERING],
         "conditions": [_sms(OUT, "0613", 2, "4", "tr", "B1"), _sms(IN, "0613", 2, "4", "tr", "B1")]},
        {"state": DRAFT, "kind": Agreement.Kind.FARABI, "partners": ["ankara"],
         "titles": {"tr": "Ankara Üniversitesi ile Farabi Değişim Programı protokolü",
                    "en": "Farabi Exchange Programme protocol with Ankara University"},
         "scopes": ["student_exchange"], "origin": Agreement.Origin.INTERNAL_UNIT, "text_languages": ["tr"],
         "units": [ECONOMICS_FACULTY], "conditions": [_sms(OUT, "0413", 2, "4", "tr", "")]},
        {"state": REJECTED, "kind": Agreement.Kind.BILATERAL, "partners": ["manas"],
         "reject": "Karşı tarafın talep yazısı imzasız; imzalı talep yazısı gelmeden süreç başlatılamaz.",
         "titles": {"tr": "Kırgızistan-Türkiye Manas Üniversitesi ile personel değişimi protokolü",
                    "en": "Staff exchange protocol with Kyrgyz-Turkish Manas University"},
         "scopes": ["staff_exchange"], "origin": Agreement.Origin.PARTNER_LETTER, "text_languages": ["tr", "ky"],
         "conditions": [_sta(OUT, "0111", 2, 7, "tr", "B2")]},
    ],
    "request": {
        "agreement": 0, "unit": COMPUTER_ENGINEERING, "received": -5,
        "sender": "Universität Wien, International Office (Julia Berger)",
        "subject": "Bahar dönemi için iki öğrencinin aday gösterilmesi",
        "body": "Viyana Üniversitesi, Erasmus+ anlaşması kapsamında bahar dönemi için Bilgisayar Mühendisliği "
                "Bölümüne iki öğrenci aday gösteriyor; ders seçimlerinin bölümce onaylanması isteniyor.",
    },
}

KYRGYZ = {
    "partners": {"kastamonu": KASTAMONU, "ankara": ANKARA, "kazan": KAZAN, "kaznu": KAZNU, "manas": MANAS,
                 "tsue": TSUE, "warszawa": WARSZAWA},
    "our_signatory": {"side": "ours", "name": "Азамат Осмонов", "titles": RECTOR},
    "agreements": [
        {"state": IN_FORCE, "published": True, "kind": Agreement.Kind.BILATERAL, "partners": ["kastamonu"],
         "titles": {"ky": "Кастамону университети менен кызматташуу келишими",
                    "ru": "Соглашение о сотрудничестве с Университетом Кастамону",
                    "en": "Cooperation agreement with Kastamonu University"},
         "reference": "ЭБ-2025-12", "scopes": ["student_exchange", "staff_exchange"],
         "origin": Agreement.Origin.PARTNER_LETTER, "starts": -500, "ends": 1300,
         "renewal": Agreement.Renewal.AUTOMATIC, "text_languages": ["ky", "tr"], "units": [ECONOMICS_FACULTY],
         "partner_signatory": {"name": "Prof. Dr. Ahmet Yılmaz", "titles": RECTOR},
         "conditions": [_sms(OUT, "0311", 2, "5", "tr", "B1"), _sms(IN, "0311", 2, "5", "ru", "B1"),
                        _sta(OUT, "0311", 1, 7)]},
        {"state": IN_FORCE, "published": True, "kind": Agreement.Kind.ERASMUS_KA171, "partners": ["warszawa"],
         "titles": {"ky": "Варшава университети менен Erasmus+ эл аралык келишими (KA171)",
                    "ru": "Международное соглашение Erasmus+ с Варшавским университетом (KA171)",
                    "en": "Erasmus+ international agreement with the University of Warsaw (KA171)"},
         "reference": "KA171-2023-PL", "scopes": ["student_exchange", "staff_exchange"],
         "origin": Agreement.Origin.PARTNER_LETTER, "starts": -1000, "ends": 60,
         "renewal": Agreement.Renewal.NONE, "text_languages": ["en"], "units": [ECONOMICS_FACULTY],
         "partner_signatory": {"name": "Prof. dr hab. Tomasz Zieliński", "titles": VICE_RECTOR},
         "conditions": [_sms(OUT, "0311", 2, "5", "en", "B2"), _sta(OUT, "0311", 1, 7), _sta(IN, "0311", 1, 7)]},
        {"state": IN_FORCE, "published": True, "kind": Agreement.Kind.BILATERAL, "partners": ["kazan"],
         "titles": {"ky": "Казан федералдык университети менен академиялык мобилдүүлүк жөнүндө келишим",
                    "ru": "Соглашение об академической мобильности с Казанским федеральным университетом",
                    "en": "Academic mobility agreement with Kazan Federal University"},
         "reference": "ЭБ-2024-31", "scopes": ["student_exchange", "research"],
         "origin": Agreement.Origin.OFFICE, "starts": -300, "ends": 1500,
         "renewal": Agreement.Renewal.BY_NOTICE, "text_languages": ["ru"], "units": [ENGINEERING],
         "partner_signatory": {"name": "Рустам Гарипов", "titles": RECTOR},
         "conditions": [_sms(OUT, "0613", 2, "5", "ru", "B2"), _sms(IN, "0613", 1, "5", "ru", "B1")]},
        {"state": "vice_rector", "kind": Agreement.Kind.DUAL_DEGREE, "partners": ["ankara"],
         "titles": {"ky": "Анкара университети менен кош диплом программасы боюнча келишим",
                    "ru": "Соглашение о программе двойного диплома с Анкарским университетом",
                    "en": "Dual degree agreement with Ankara University"},
         "scopes": ["joint_programmes"], "origin": Agreement.Origin.INTERNAL_UNIT, "starts": 120,
         "ends": 120 + 4 * 365, "renewal": Agreement.Renewal.BY_NOTICE, "text_languages": ["ky", "tr"],
         "units": [ECONOMICS], "conditions": [_sms(OUT, "0311", 3, "10", "tr", "B2", eqf=7)]},
        {"state": "legal_department", "kind": Agreement.Kind.BILATERAL, "partners": ["kaznu"],
         "titles": {"ky": "Аль-Фараби атындагы Казак улуттук университети менен кызматташуу келишими",
                    "ru": "Соглашение о сотрудничестве с Казахским национальным университетом имени аль-Фараби",
                    "en": "Cooperation agreement with Al-Farabi Kazakh National University"},
         "scopes": ["student_exchange", "research"], "origin": Agreement.Origin.OFFICE,
         "renewal": Agreement.Renewal.AUTOMATIC, "text_languages": ["ru"], "units": [ENGINEERING],
         "conditions": [_sms(OUT, "0732", 2, "5", "ru", "B1"), _sms(IN, "0732", 2, "5", "ru", "B1")]},
        {"state": DRAFT, "kind": Agreement.Kind.BILATERAL, "partners": ["tsue"],
         "titles": {"ky": "Ташкент мамлекеттик экономикалык университети менен кызматташуу келишими",
                    "ru": "Соглашение о сотрудничестве с Ташкентским государственным экономическим университетом",
                    "en": "Cooperation agreement with Tashkent State University of Economics"},
         "scopes": ["student_exchange", "staff_exchange"], "origin": Agreement.Origin.INTERNAL_UNIT,
         "text_languages": ["ru"], "units": [ECONOMICS], "conditions": [_sms(OUT, "0311", 2, "5", "ru", "B1")]},
        {"state": REJECTED, "kind": Agreement.Kind.BILATERAL, "partners": ["manas"],
         "reject": "Келишимдин долбоору бөлүмдөр менен макулдашыла элек; долбоорду кайра иштеп чыгуу керек.",
         "titles": {"ky": "Кыргыз-Түрк «Манас» университети менен илимий кызматташуу келишими",
                    "ru": "Соглашение о научном сотрудничестве с Кыргызско-Турецким университетом «Манас»",
                    "en": "Research cooperation agreement with Kyrgyz-Turkish Manas University"},
         "scopes": ["research"], "origin": Agreement.Origin.OFFICE, "text_languages": ["ky", "ru"]},
    ],
    "request": {
        "agreement": 0, "unit": ECONOMICS, "received": -4,
        "sender": "Kastamonu Üniversitesi, Uluslararası İlişkiler Koordinatörlüğü",
        "subject": "Жазгы семестрге эки студенттин талапкерлиги",
        "body": "Кастамону университети келишимдин алкагында жазгы семестрге Экономика бөлүмүнө эки студентти "
                "сунуштайт; окуу пландарын бөлүм менен макулдашуу суралат.",
    },
}


def demo_content_for(country: str) -> dict:
    """Osh's set for Kyrgyz universities, the Turkish set for the others (as their workflows go)."""
    return KYRGYZ if country == "KG" else TURKISH


@dataclass
class _Demo:
    university: University
    acting_user: User
    today: date
    stand_ins: dict[str, bytes] = field(default_factory=dict)

    def day(self, offset: int | None) -> date | None:
        return None if offset is None else self.today + timedelta(days=offset)

    def stand_in(self, kind: str) -> bytes:
        """A one-page PDF naming the document; one per kind (drawing a PDF takes about a fifth of a second)."""
        if kind not in self.stand_ins:
            label = str(DocumentKind(kind).label)
            blocks = [Paragraph(text=label, bold=True), Paragraph(text=str(self.university.name), space_before=True),
                      Paragraph(text=self.today.strftime("%d.%m.%Y"))]
            self.stand_ins[kind] = render_pdf(blocks, {}, title=label, language=self.university.default_language)
        return self.stand_ins[kind]


@transaction.atomic
def demo_partners_ensure(*, university: University, acting_user: User) -> bool:
    """Write the demo partners and agreements in the current schema unless it has partners; True if it wrote.

    Needs the university's default workflow and the demo units (demo.universities makes both first).
    """
    if not settings.KOPRU_DEMO:
        raise RuntimeError("Demo partners are written only when KOPRU_DEMO=1.")
    if Partner.objects.exists():
        return False
    content = demo_content_for(university.country)
    demo = _Demo(university=university, acting_user=acting_user, today=timezone.localdate())
    # Labels and letters are written in the office's language, as its people would write them.
    with override(university.default_language):
        partners = {key: _partner(demo, spec) for key, spec in content["partners"].items()}
        agreements = [_agreement(demo, spec, partners, content) for spec in content["agreements"]]
        _request(demo, content["request"], agreements)
    return True


def _partner(demo: _Demo, spec: dict) -> Partner:
    details = {name: spec[name] for name in ("short_name", "country", "website", "erasmus_code", "schac")
               if name in spec}
    partner = partner_create(names=spec["names"], texts={"city": spec["cities"]}, acting_user=demo.acting_user,
                             **details)
    for names in spec.get("units", ()):
        partner_unit_create(partner=partner, names=names, acting_user=demo.acting_user)
    partner_contact_create(partner=partner, is_primary=True, acting_user=demo.acting_user, **spec["contact"])
    for entry in spec.get("rankings", ()):
        ranking_save(partner=partner, year=demo.today.year - 1, acting_user=demo.acting_user, **entry)
    recognition = spec.get("recognition")  # none: not checked yet
    if recognition == Recognition.RECOGNISED:
        recognition_check_record(
            partner=partner, status=recognition, checked_on=demo.day(-30), method=RecognitionCheck.Method.OKULTANIMA,
            reference="https://okultanima.yok.gov.tr", acting_user=demo.acting_user,
        )
    elif recognition == Recognition.ASKED_YOK:
        recognition_check_record(
            partner=partner, status=recognition, checked_on=demo.day(-10), method=RecognitionCheck.Method.YOK_LETTER,
            reference=f"E-{demo.today.year}-{partner.pk:04d}", acting_user=demo.acting_user,
        )
    return partner


def _academic_year(day: date | None) -> int | None:
    """The academic year a day falls in, by the year it starts in (September)."""
    return None if day is None else (day.year if day.month >= 9 else day.year - 1)


def _agreement(demo: _Demo, spec: dict, partners: dict[str, Partner], content: dict) -> Agreement:
    starts_on, ends_on = demo.day(spec.get("starts")), demo.day(spec.get("ends"))
    signatories = [content["our_signatory"]]
    if "partner_signatory" in spec:
        signatories.append({"side": "partner", **spec["partner_signatory"]})
    if spec["state"] == IN_FORCE:
        signatories = [{**signatory, "signed_on": starts_on} for signatory in signatories]
    isced = {isced_field.code: isced_field for isced_field in IscedField.objects.filter(
        code__in=[condition["isced"] for condition in spec.get("conditions", ())])}
    agreement = agreement_create(
        acting_user=demo.acting_user, titles=spec["titles"], partners=[partners[key] for key in spec["partners"]],
        units=AcademicUnit.objects.filter(name_en__in=spec.get("units", ())), signatories=signatories,
        conditions=[{**condition, "isced": isced[condition["isced"]]} for condition in spec.get("conditions", ())],
        kind=spec["kind"], reference=spec.get("reference", ""), scopes=spec["scopes"], origin=spec["origin"],
        starts_on=starts_on, ends_on=ends_on, first_academic_year=_academic_year(starts_on),
        last_academic_year=_academic_year(ends_on), renewal=spec.get("renewal", Agreement.Renewal.NONE),
        text_languages=spec["text_languages"],
    )
    if spec["state"] == DRAFT:
        return agreement
    agreement = agreement_submit(agreement=agreement, acting_user=demo.acting_user)
    if spec["state"] == REJECTED:
        return agreement_reject(agreement=agreement, step=agreement.current_step, acting_user=demo.acting_user,
                                reason=spec["reject"])
    agreement = _walk(demo, agreement, until=None if spec["state"] == IN_FORCE else spec["state"])
    if "send_back" in spec:
        agreement = agreement_reject(agreement=agreement, step=agreement.current_step,
                                     acting_user=demo.acting_user, reason=spec["send_back"])
    if spec.get("published"):
        agreement_set_published(agreement=agreement, published=True, acting_user=demo.acting_user)
    return agreement


def _walk(demo: _Demo, agreement: Agreement, *, until: str | None) -> Agreement:
    """Complete step after step, with the documents each asks for, until the step `until` (None: to the end)."""
    while agreement.current_step is not None and agreement.current_step.code != until:
        step = agreement.current_step
        uploads = {kind: _document(demo, agreement, kind) for kind in upload_kinds(step)}
        agreement = agreement_complete_step(agreement=agreement, step=step, acting_user=demo.acting_user,
                                            uploads=uploads)
    if until is not None and agreement.current_step is None:
        raise ValueError(f"The workflow has no step {until!r}.")
    return agreement


def _document(demo: _Demo, agreement: Agreement, kind: str) -> SimpleUploadedFile:
    """The file a step asks for: the real information note, or a one-page stand-in PDF naming the document."""
    if kind == DocumentKind.INFO_NOTE:
        note = info_note_generate(partner=agreement.partners.first(), acting_user=demo.acting_user)
        with note.pdf.open("rb") as file:
            content = file.read()
    else:
        content = demo.stand_in(kind)
    return SimpleUploadedFile(f"{slugify(kind)}.pdf", content, content_type="application/pdf")


def _request(demo: _Demo, spec: dict, agreements: list[Agreement]) -> None:
    """A request under an agreement in force (seed 000 7.10), forwarded to one of the demo departments."""
    agreement_request = request_register(
        agreement=agreements[spec["agreement"]], received_on=demo.day(spec["received"]), sender=spec["sender"],
        subject=spec["subject"], body=spec["body"], acting_user=demo.acting_user,
    )
    request_forward(agreement_request=agreement_request, unit=AcademicUnit.objects.get(name_en=spec["unit"]),
                    acting_user=demo.acting_user)
