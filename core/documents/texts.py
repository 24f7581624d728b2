"""The wording of the default documents in each language, as official correspondence writes it.

These are document content, not interface strings: they are what a letter says, in the
language the letter is written in, whatever the reader's interface language. The default
DOCX templates and the PDF layouts both take their words from here, so they say the same.
Keys inside {braces} are filled by Python's str.format; {{ placeholders }} by the template.
"""

TEXTS: dict[str, dict[str, str]] = {
    "tr": {
        "council_decision": (
            "Senatonun {{ statute.approval.decision_date }} tarihli ve "
            "{{ statute.approval.decision_number }} sayılı kararıyla kabul edilmiştir."
        ),
        "opinions_subject": "{title} hakkında görüş talebi",
        "partner_subject": "{title} imzası hk.",
        "to_distribution": "DAĞITIM YERLERİNE",
        "to_legal_counsel": "Hukuk Müşavirliğine",
        "to_student_affairs": "Öğrenci İşleri Daire Başkanlığına",
        "opinions_body": (
            "Üniversitemiz ile {{ agreement.partners }} arasında imzalanması planlanan "
            "“{{ agreement.title }}” ({{ agreement.kind }}) taslağı ve bilgi notu ekte sunulmuştur."
        ),
        "ask_opinions": "Söz konusu protokol taslağına ilişkin görüşlerinizin birimimize bildirilmesi hususunda;",
        "closing_authority": "Bilgilerinizi ve gereğini arz ederim.",
        "closing_person": "Saygılarımla.",
        "on_behalf": "{authority} a.",
        "phone": "Tel",
        "email": "E-posta",
        "kep": "KEP Adresi",
        "ask": "Bilgi için: {contact}",
        "office": "Uluslararası İlişkiler Ofisi",
        "number": "Sayı: {{ document.number }}",
        "date": "Tarih: {{ document.date }}",
        "subject": "Konu: {{ document.subject }}",
        "reference": "İlgi: {{ document.reference }}",
        "attachments": "Ek:",
        "distribution": "Dağıtım:",
        "for_action": "Gereği: {addressee}",
        "for_information": "Bilgi: {office}",
        "info_note_title": "BİLGİ NOTU",
        "info_note_subject": "{partner} hakkında bilgi notu",
        "general": "1. Genel bilgiler",
        "name": "Adı",
        "country": "Ülkesi",
        "city": "Şehri",
        "website": "Web sitesi",
        "erasmus_code": "Erasmus kodu",
        "units": "2. Akademik birimleri",
        "no_units": "Kayıtlı akademik birimi yok.",
        "rankings": "3. Uluslararası sıralamalardaki yeri",
        "ranking": "Sıralama",
        "year": "Yıl",
        "rank": "Sırası",
        "no_rankings": "Kayıtlı sıralama bilgisi yok.",
        "recognition": "5. YÖK tanınırlık durumu",
        "status": "Durumu",
        "checked_on": "Son kontrol tarihi",
        "method": "Kontrol yöntemi",
        "evidence": "Belge veya adres",
        "agreements": "4. Üniversitemizle protokolleri",
        "agreement": "Protokol",
        "type": "Türü",
        "validity": "Geçerlilik",
        "no_agreements": "Üniversitemizle kayıtlı protokolü yok.",
        "prepared_by": "Hazırlayan",
        "letter_subject": "{title} hk.",
        "to_senate": "SENATO BAŞKANLIĞINA",
        "to_partner": "{partner} Rektörlüğüne",
        "to_whom": "İLGİLİ MAKAMA",
        "letter_body": (
            "Üniversitemiz ile {{ agreement.partners }} arasında imzalanması planlanan "
            "“{{ agreement.title }}” ({{ agreement.kind }}) metni ekte sunulmuştur."
        ),
        "ask_senate": "Söz konusu protokolün Senatoda görüşülerek karara bağlanması hususunda;",
        "ask_partner": "Protokolün tarafınızca imzalanarak bir nüshasının Üniversitemize iletilmesi hususunda;",
        "ask_generic": "Söz konusu protokol hakkında gereğinin yapılması hususunda;",
        "sample_partner": "Örnek Üniversitesi",
        "sample_person": "Ad Soyad",
        "regards": "Saygılarımızla,",
        "to_migration_office": "T.C. {city} Valiliği İl Göç İdaresi Müdürlüğüne",
        "to_any_migration_office": "İl Göç İdaresi Müdürlüğüne",
        "role_student": "öğrencisi",
        "role_staff": "personeli",
        "activity_student": "öğrenim hareketliliği",
        "activity_staff": "personel hareketliliği",
        "person_name": "Adı Soyadı",
        "passport": "Pasaport No",
        "nationality": "Uyruğu",
        "birth_date": "Doğum tarihi",
        "home_institution": "Kurumu",
        "programme": "Program",
        "period": "Süre",
        "host_unit": "Kabul eden birim",
        "invitation_title": "DAVET MEKTUBU",
        "invitation_subject": "{person} davet mektubu",
        "dear": "Sayın {{ person.name }},",
        "invitation_body": (
            "{{ person.home_institution }} {{ person.role }} {{ person.name }} (pasaport no: {{ "
            "person.passport_number }}), "
            "{{ mobility.programme }} kapsamında {{ mobility.starts_on }} – {{ mobility.ends_on }} tarihleri arasında "
            "{{ mobility.host_unit }} bünyesinde {{ mobility.activity }} gerçekleştirmek üzere Üniversitemize davet "
            "edilmektedir."
        ),
        "invitation_support": (
            "Üniversitemiz, vize ve ikamet izni işlemlerinde kendisine gerekli desteği "
            "sağlayacaktır."
        ),
        "certificate_title": "KATILIM BELGESİ",
        "certificate_subject": "{person} katılım belgesi",
        "certificate_body": (
            "{{ person.home_institution }} {{ person.role }} {{ person.name }} (pasaport no: {{ "
            "person.passport_number }}), "
            "{{ mobility.programme }} kapsamında {{ mobility.starts_on }} – {{ mobility.ends_on }} tarihleri arasında "
            "Üniversitemiz {{ mobility.host_unit }} bünyesinde {{ mobility.activity }} faaliyetine katılmıştır."
        ),
        "certificate_use": "Bu belge ilgilinin talebi üzerine düzenlenmiştir.",
        "residence_subject": "{person} ikamet izni hk.",
        "residence_body": (
            "{{ mobility.programme }} kapsamında {{ mobility.starts_on }} – {{ mobility.ends_on }} tarihleri arasında "
            "Üniversitemiz {{ mobility.host_unit }} bünyesinde bulunacak olan {{ person.nationality }} uyruklu "
            "{{ person.name }} (pasaport no: {{ person.passport_number }}) adlı kişinin ikamet izni başvurusuna "
            "ilişkin "
            "belgeleri ekte sunulmuştur."
        ),
        "residence_request": "İkamet izninin düzenlenmesi hususunda gereğini bilgilerinize arz ederim.",
        "doc_number": "Doküman No",
        "first_published": "İlk Yayın Tarihi",
        "revision_date": "Revizyon Tarihi",
        "revision_no": "Revizyon No",
        "page_no": "Sayfa No",
        "rev_no": "Rev. No",
        "rev_date": "Rev. Tarihi",
        "description": "Açıklama",
        "revisions_heading": "Revizyon geçmişi",
        "job_heading": "Görev tanımı",
        "position": "Görev adı",
        "place_in_organisation": "Kurum içindeki yeri",
        "superior": "Birinci derecede sorumlu amiri",
        "deputy": "Vekalet edecek personel",
        "requirements": "İş gerekleri",
        "sign_role": "Görevi",
        "sign_title": "Unvanı",
        "signature": "İmza",
        "approved_by": "Onaylayan",
        "agreed_by": "Uygun Görüş",
        "approve": "ONAYLIYORUM",
        "in_force": "Yürürlük tarihi: {{ statute.approval.in_force_from }}",
        "report_period": "Dönem: {{ report.period }}",
        "report_count": "Kayıt sayısı: {{ report.rows|length }}",
        "report_empty": "Bu dönem için kayıt yok.",
        "count": "Sayı",
        "sample_statute": "Uluslararası İlişkiler Ofisi Yönergesi",
        "sample_section": "Amaç ve kapsam",
        "sample_clause": "Bu yönerge ofisin görevlerini düzenler.",
        "sample_revision": "İlk yayın",
        "sample_report": "Giden öğrenci raporu",
        "sample_programme": "Erasmus+ KA131",
        "sample_unit": "Mühendislik Fakültesi",
        "sample_city": "Kastamonu",
        "sample_document": "Pasaport fotokopisi",
    },
    "ky": {
        # The date in words takes no suffix here ("…-жылдын 2-марты" cannot be followed by "-ж." or "-дагы").
        "council_decision": (
            "Окумуштуулар кеңешинин №{{ statute.approval.decision_number }} протоколу менен бекитилген, "
            "протоколдун күнү: {{ statute.approval.decision_date }}"
        ),
        "opinions_subject": "«{title}» келишиминин долбоору боюнча пикир суроо жөнүндө",
        "partner_subject": "«{title}» келишими",
        "to_distribution": "ТАРАТУУ БОЮНЧА",
        "to_legal_counsel": "Укук иштер бөлүмүнө",
        "to_student_affairs": "Студенттер бөлүмүнө",
        "opinions_body": (
            "Университетибиз менен {{ agreement.partners }} ортосунда кол коюлушу пландалган "
            "«{{ agreement.title }}» ({{ agreement.kind }}) келишиминин долбоору жана маалымдама тиркелет."
        ),
        "ask_opinions": "Келишимдин долбоору боюнча пикириңизди бөлүмүбүзгө билдирүүңүздү суранабыз.",
        "closing_authority": "Урматтоо менен,",
        "closing_person": "Урматтоо менен,",
        "on_behalf": "{authority} атынан",
        "phone": "Тел.",
        "email": "Эл. почта",
        "kep": "Катталган эл. почта",
        "ask": "Маалымат үчүн: {contact}",
        "office": "Эл аралык байланыштар бөлүмү",
        "number": "№ {{ document.number }}",
        "date": "Күнү: {{ document.date }}",
        "subject": "Темасы: {{ document.subject }}",
        "reference": "Негиз: {{ document.reference }}",
        "attachments": "Тиркеме:",
        "distribution": "Таратуу:",
        "for_action": "Аткаруу үчүн: {addressee}",
        "for_information": "Маалымат үчүн: {office}",
        "info_note_title": "МААЛЫМДАМА",
        "info_note_subject": "{partner} жөнүндө маалымдама",
        "general": "1. Жалпы маалымат",
        "name": "Аталышы",
        "country": "Өлкөсү",
        "city": "Шаары",
        "website": "Веб-сайты",
        "erasmus_code": "Erasmus коду",
        "units": "2. Академиялык бөлүмдөрү",
        "no_units": "Катталган академиялык бөлүмдөрү жок.",
        "rankings": "3. Эл аралык рейтингдердеги орду",
        "ranking": "Рейтинг",
        "year": "Жыл",
        "rank": "Орду",
        "no_rankings": "Рейтинг боюнча маалымат жок.",
        "recognition": "5. YÖK тарабынан таанылышы",
        "status": "Абалы",
        "checked_on": "Акыркы текшерүү күнү",
        "method": "Текшерүү ыкмасы",
        "evidence": "Документ же дарек",
        "agreements": "4. Биздин университет менен келишимдери",
        "agreement": "Келишим",
        "type": "Түрү",
        "validity": "Мөөнөтү",
        "no_agreements": "Биздин университет менен катталган келишими жок.",
        "prepared_by": "Даярдаган",
        "letter_subject": "«{title}» жөнүндө",
        "to_senate": "ОКУМУШТУУЛАР КЕҢЕШИНЕ",
        "to_partner": "Ректорго: {partner}",
        "to_whom": "ТИЕШЕЛҮҮ МЕКЕМЕГЕ",
        "letter_body": (
            "Биздин университет менен {{ agreement.partners }} ортосунда кол коюлушу пландалган "
            "«{{ agreement.title }}» ({{ agreement.kind }}) келишиминин тексти тиркелет."
        ),
        "ask_senate": "Аталган келишимди Окумуштуулар кеңешинде карап чыгып, чечим кабыл алууңуздарды суранабыз.",
        "ask_partner": "Келишимге кол коюп, бир нускасын биздин университетке жөнөтүп берүүңүздү суранабыз.",
        "ask_generic": "Аталган келишим боюнча тиешелүү чараларды көрүүңүздү суранабыз.",
        "sample_partner": "Үлгү университети",
        "sample_person": "Аты-жөнү",
        "regards": "Урматтоо менен,",
        "to_migration_office": "{city} облусунун миграция кызматына",
        "to_any_migration_office": "Облустук миграция кызматына",
        "role_student": "студенти",
        "role_staff": "кызматкери",
        "activity_student": "окуу мобилдүүлүгү",
        "activity_staff": "кызматкерлердин мобилдүүлүгү",
        "person_name": "Аты-жөнү",
        "passport": "Паспорт №",
        "nationality": "Жарандыгы",
        "birth_date": "Туулган күнү",
        "home_institution": "Жиберүүчү мекеме",
        "programme": "Программа",
        "period": "Мөөнөтү",
        "host_unit": "Кабыл алуучу бөлүм",
        "invitation_title": "ЧАКЫРУУ КАТЫ",
        "invitation_subject": "{person} үчүн чакыруу каты",
        "dear": "Урматтуу {{ person.name }},",
        "invitation_body": (
            "{{ person.home_institution }} {{ person.role }} {{ person.name }} (паспорт № {{ person.passport_number "
            "}}) "
            "{{ mobility.programme }} программасынын алкагында {{ mobility.starts_on }} – {{ mobility.ends_on }} "
            "аралыгында {{ mobility.host_unit }} бөлүмүндө {{ mobility.activity }} үчүн биздин университетке чакырылат."
        ),
        "invitation_support": "Биздин университет виза жана жашоого уруксат алуу иштеринде ага зарыл колдоо көрсөтөт.",
        "certificate_title": "КАТЫШУУ СЕРТИФИКАТЫ",
        "certificate_subject": "{person}: катышуу сертификаты",
        "certificate_body": (
            "Ушул сертификат {{ person.home_institution }} {{ person.role }} {{ person.name }} (паспорт № "
            "{{ person.passport_number }}) {{ mobility.programme }} программасынын алкагында {{ mobility.starts_on "
            "}} – "
            "{{ mobility.ends_on }} аралыгында биздин университеттин {{ mobility.host_unit }} бөлүмүндө "
            "{{ mobility.activity }} боюнча катышкандыгын тастыктайт."
        ),
        "certificate_use": "Сертификат талап кылынган жерге көрсөтүү үчүн берилди.",
        "residence_subject": "{person} үчүн жашоого уруксат жөнүндө",
        "residence_body": (
            "{{ mobility.programme }} программасынын алкагында {{ mobility.starts_on }} – {{ mobility.ends_on }} "
            "аралыгында биздин университеттин {{ mobility.host_unit }} бөлүмүндө боло турган {{ person.nationality }} "
            "жараны {{ person.name }} (паспорт № {{ person.passport_number }}) жашоого уруксат алуу үчүн тапшырган "
            "документтери тиркелет."
        ),
        "residence_request": "Жашоого уруксат берүү маселесин кароону суранабыз.",
        "doc_number": "Документтин №",
        "first_published": "Алгач жарыяланган күнү",
        "revision_date": "Кайра каралган күнү",
        "revision_no": "Кайра кароонун №",
        "page_no": "Барак №",
        "rev_no": "№",
        "rev_date": "Күнү",
        "description": "Өзгөртүүнүн мазмуну",
        "revisions_heading": "Кайра кароолордун тарыхы",
        "job_heading": "Кызматтык нускама",
        "position": "Кызмат орду",
        "place_in_organisation": "Түзүмдөгү орду",
        "superior": "Түздөн-түз жетекчиси",
        "deputy": "Ордун басуучу",
        "requirements": "Талаптар",
        "sign_role": "Милдети",
        "sign_title": "Кызмат орду",
        "signature": "Колу",
        "approved_by": "Бекиткен",
        "agreed_by": "Макулдашкан",
        "approve": "БЕКИТЕМИН",
        "in_force": "Күчүнө кирген күнү: {{ statute.approval.in_force_from }}",
        "report_period": "Мезгил: {{ report.period }}",
        "report_count": "Жазуулардын саны: {{ report.rows|length }}",
        "report_empty": "Бул мезгил үчүн жазуулар жок.",
        "count": "Саны",
        "sample_statute": "Эл аралык байланыштар бөлүмү жөнүндө жобо",
        "sample_section": "Максаты жана колдонуу чөйрөсү",
        "sample_clause": "Бул жобо бөлүмдүн милдеттерин жөнгө салат.",
        "sample_revision": "Биринчи жарыялоо",
        "sample_report": "Чет өлкөгө жөнөтүлгөн студенттер боюнча отчет",
        "sample_programme": "Erasmus+ KA171",
        "sample_unit": "Медицина факультети",
        "sample_city": "Ош",
        "sample_document": "Паспорттун көчүрмөсү",
    },
    "ru": {
        "council_decision": (
            "Утверждено решением Учёного совета, протокол № "
            "{{ statute.approval.decision_number }} от {{ statute.approval.decision_date }}"
        ),
        "opinions_subject": "О заключениях по проекту соглашения «{title}»",
        "partner_subject": "Соглашение «{title}»",
        "to_distribution": "ПО СПИСКУ РАССЫЛКИ",
        "to_legal_counsel": "В юридический отдел",
        "to_student_affairs": "В отдел по работе со студентами",
        "opinions_body": (
            "Направляем проект соглашения «{{ agreement.title }}» ({{ agreement.kind }}), которое университет "
            "планирует заключить с {{ agreement.partners }}, и информационную справку."
        ),
        "ask_opinions": "Просим направить заключение по проекту соглашения в наш отдел.",
        "closing_authority": "С уважением,",
        "closing_person": "С уважением,",
        "on_behalf": "За {authority}",
        "phone": "Тел.",
        "email": "Эл. почта",
        "kep": "Адрес защищённой почты",
        "ask": "Исполнитель: {contact}",
        "office": "Отдел международных связей",
        "number": "№ {{ document.number }}",
        "date": "Дата: {{ document.date }}",
        "subject": "Тема: {{ document.subject }}",
        "reference": "Основание: {{ document.reference }}",
        "attachments": "Приложение:",
        "distribution": "Рассылка:",
        "for_action": "Для исполнения: {addressee}",
        "for_information": "Для сведения: {office}",
        "info_note_title": "ИНФОРМАЦИОННАЯ СПРАВКА",
        "info_note_subject": "Информационная справка: {partner}",
        "general": "1. Общие сведения",
        "name": "Название",
        "country": "Страна",
        "city": "Город",
        "website": "Веб-сайт",
        "erasmus_code": "Код Erasmus",
        "units": "2. Академические подразделения",
        "no_units": "Академические подразделения не указаны.",
        "rankings": "3. Место в международных рейтингах",
        "ranking": "Рейтинг",
        "year": "Год",
        "rank": "Место",
        "no_rankings": "Сведения о рейтингах отсутствуют.",
        "recognition": "5. Признание YÖK",
        "status": "Статус",
        "checked_on": "Дата последней проверки",
        "method": "Способ проверки",
        "evidence": "Документ или адрес",
        "agreements": "4. Соглашения с нашим университетом",
        "agreement": "Соглашение",
        "type": "Тип",
        "validity": "Срок действия",
        "no_agreements": "Соглашений с нашим университетом нет.",
        "prepared_by": "Подготовил(а)",
        "letter_subject": "О соглашении «{title}»",
        "to_senate": "В УЧЁНЫЙ СОВЕТ",
        "to_partner": "Ректору: {partner}",
        "to_whom": "ПО МЕСТУ ТРЕБОВАНИЯ",
        "letter_body": (
            "Направляем текст соглашения «{{ agreement.title }}» ({{ agreement.kind }}), которое планируется "
            "заключить между нашим университетом и партнёром: {{ agreement.partners }}."
        ),
        "ask_senate": "Просим рассмотреть указанное соглашение на заседании Учёного совета и принять решение.",
        "ask_partner": "Просим подписать соглашение и направить один экземпляр в наш университет.",
        "ask_generic": "Просим принять необходимые меры по указанному соглашению.",
        "sample_partner": "Образцовый университет",
        "sample_person": "Фамилия Имя",
        "regards": "С уважением,",
        "to_migration_office": "В управление миграционной службы ({city})",
        "to_any_migration_office": "В управление миграционной службы",
        "role_student": "студент(ка)",
        "role_staff": "сотрудник(ца)",
        "activity_student": "академическая мобильность (обучение)",
        "activity_staff": "мобильность персонала",
        "person_name": "Фамилия, имя",
        "passport": "Номер паспорта",
        "nationality": "Гражданство",
        "birth_date": "Дата рождения",
        "home_institution": "Направляющий вуз",
        "programme": "Программа",
        "period": "Период",
        "host_unit": "Принимающее подразделение",
        "invitation_title": "ПРИГЛАСИТЕЛЬНОЕ ПИСЬМО",
        "invitation_subject": "Приглашение: {person}",
        "dear": "Уважаемый(ая) {{ person.name }}!",
        "invitation_body": (
            "{{ person.name }} (паспорт № {{ person.passport_number }}), {{ person.role }}: {{ "
            "person.home_institution }}, "
            "приглашается в наш университет ({{ mobility.host_unit }}) в рамках программы {{ mobility.programme }} "
            "на период с {{ mobility.starts_on }} по {{ mobility.ends_on }}. Цель: {{ mobility.activity }}."
        ),
        "invitation_support": (
            "Наш университет окажет необходимое содействие в оформлении визы и разрешения на временное проживание."
        ),
        "certificate_title": "СЕРТИФИКАТ УЧАСТИЯ В ПРОГРАММЕ МОБИЛЬНОСТИ",
        "certificate_subject": "Сертификат участия: {person}",
        "certificate_body": (
            "Настоящий сертификат подтверждает, что {{ person.name }} (паспорт № {{ person.passport_number }}), "
            "{{ person.role }}: {{ person.home_institution }}, в рамках программы {{ mobility.programme }} в период с "
            "{{ mobility.starts_on }} по {{ mobility.ends_on }} участвовал(а) в программе мобильности нашего "
            "университета ({{ mobility.host_unit }}). Вид мобильности: {{ mobility.activity }}."
        ),
        "certificate_use": "Сертификат выдан для предъявления по месту требования.",
        "residence_subject": "О разрешении на временное проживание: {person}",
        "residence_body": (
            "Направляем документы {{ person.name }} (гражданство: {{ person.nationality }}, паспорт № "
            "{{ person.passport_number }}) для оформления разрешения на временное проживание. В рамках программы "
            "{{ mobility.programme }} с {{ mobility.starts_on }} по {{ mobility.ends_on }} указанное лицо находится в "
            "нашем университете ({{ mobility.host_unit }})."
        ),
        "residence_request": "Просим рассмотреть вопрос о выдаче разрешения на временное проживание.",
        "doc_number": "Номер документа",
        "first_published": "Дата первого издания",
        "revision_date": "Дата пересмотра",
        "revision_no": "Номер редакции",
        "page_no": "Страница",
        "rev_no": "№ ред.",
        "rev_date": "Дата ред.",
        "description": "Описание изменений",
        "revisions_heading": "История редакций",
        "job_heading": "Должностная инструкция",
        "position": "Должность",
        "place_in_organisation": "Место в структуре",
        "superior": "Непосредственный руководитель",
        "deputy": "Замещающий",
        "requirements": "Требования",
        "sign_role": "Роль",
        "sign_title": "Должность",
        "signature": "Подпись",
        "approved_by": "Утвердил(а)",
        "agreed_by": "Согласовано",
        "approve": "УТВЕРЖДАЮ",
        "in_force": "Введено в действие с {{ statute.approval.in_force_from }}",
        "report_period": "Период: {{ report.period }}",
        "report_count": "Количество записей: {{ report.rows|length }}",
        "report_empty": "За этот период записей нет.",
        "count": "Количество",
        "sample_statute": "Положение об отделе международных связей",
        "sample_section": "Цель и сфера применения",
        "sample_clause": "Настоящее положение определяет задачи отдела.",
        "sample_revision": "Первое издание",
        "sample_report": "Отчёт об исходящих студентах",
        "sample_programme": "Erasmus+ KA171",
        "sample_unit": "Медицинский факультет",
        "sample_city": "Ош",
        "sample_document": "Копия паспорта",
    },
    "en": {
        "council_decision": (
            "Approved by the Academic Council, minutes No. "
            "{{ statute.approval.decision_number }} of {{ statute.approval.decision_date }}"
        ),
        "opinions_subject": "Request for opinions on the draft agreement “{title}”",
        "partner_subject": "Cooperation agreement “{title}”",
        "to_distribution": "TO THE ADDRESSEES BELOW",
        "to_legal_counsel": "Legal Counsel",
        "to_student_affairs": "Student Affairs",
        "opinions_body": (
            "Please find enclosed the draft of “{{ agreement.title }}” ({{ agreement.kind }}), which our university "
            "plans to sign with {{ agreement.partners }}, with the information note."
        ),
        "ask_opinions": "We kindly ask you to send us your opinion on the draft.",
        "closing_authority": "Yours faithfully,",
        "closing_person": "Yours sincerely,",
        "on_behalf": "for the {authority}",
        "phone": "Tel.",
        "email": "E-mail",
        "kep": "Registered e-mail (KEP)",
        "ask": "Contact: {contact}",
        "office": "International Relations Office",
        "number": "No.: {{ document.number }}",
        "date": "Date: {{ document.date }}",
        "subject": "Subject: {{ document.subject }}",
        "reference": "Reference: {{ document.reference }}",
        "attachments": "Enclosure:",
        "distribution": "Distribution:",
        "for_action": "For action: {addressee}",
        "for_information": "For information: {office}",
        "info_note_title": "INFORMATION NOTE",
        "info_note_subject": "Information note on {partner}",
        "general": "1. General information",
        "name": "Name",
        "country": "Country",
        "city": "City",
        "website": "Website",
        "erasmus_code": "Erasmus code",
        "units": "2. Academic units",
        "no_units": "No academic units recorded.",
        "rankings": "3. Standing in international rankings",
        "ranking": "Ranking",
        "year": "Year",
        "rank": "Rank",
        "no_rankings": "No ranking entries recorded.",
        "recognition": "5. Recognition by YÖK",
        "status": "Status",
        "checked_on": "Last checked on",
        "method": "How it was checked",
        "evidence": "Letter or address",
        "agreements": "4. Agreements with our university",
        "agreement": "Agreement",
        "type": "Type",
        "validity": "Validity",
        "no_agreements": "No agreements with our university.",
        "prepared_by": "Prepared by",
        "letter_subject": "Re: {title}",
        "to_senate": "TO THE SENATE",
        "to_partner": "To the Rector, {partner}",
        "to_whom": "TO WHOM IT MAY CONCERN",
        "letter_body": (
            "Please find enclosed the text of “{{ agreement.title }}” ({{ agreement.kind }}), which our "
            "university plans to sign with {{ agreement.partners }}."
        ),
        "ask_senate": "We kindly ask the Senate to consider the agreement and decide on it.",
        "ask_partner": "We kindly ask you to sign the agreement and return one copy to our university.",
        "ask_generic": "We kindly ask you to take the necessary action on the agreement.",
        "sample_partner": "Sample University",
        "sample_person": "First Last",
        "regards": "Yours sincerely,",
        "to_migration_office": "To the Provincial Directorate of Migration Management, {city}",
        "to_any_migration_office": "To the Provincial Directorate of Migration Management",
        "role_student": "a student",
        "role_staff": "a staff member",
        "activity_student": "a study mobility",
        "activity_staff": "a staff mobility",
        "person_name": "Full name",
        "passport": "Passport No.",
        "nationality": "Nationality",
        "birth_date": "Date of birth",
        "home_institution": "Home institution",
        "programme": "Programme",
        "period": "Period",
        "host_unit": "Host unit",
        "invitation_title": "LETTER OF INVITATION",
        "invitation_subject": "Invitation of {person}",
        "dear": "Dear {{ person.name }},",
        "invitation_body": (
            "{{ person.name }} (passport no. {{ person.passport_number }}), {{ person.role }} of "
            "{{ person.home_institution }}, is invited to our university to carry out {{ mobility.activity }} at "
            "{{ mobility.host_unit }} under {{ mobility.programme }} from {{ mobility.starts_on }} to "
            "{{ mobility.ends_on }}."
        ),
        "invitation_support": "Our university will provide the support needed for the visa and residence permit.",
        "certificate_title": "CERTIFICATE OF ATTENDANCE",
        "certificate_subject": "Certificate of attendance: {person}",
        "certificate_body": (
            "This is to certify that {{ person.name }} (passport no. {{ person.passport_number }}), {{ person.role }} "
            "of {{ person.home_institution }}, took part in {{ mobility.activity }} at {{ mobility.host_unit }} of our "
            "university under {{ mobility.programme }} from {{ mobility.starts_on }} to {{ mobility.ends_on }}."
        ),
        "certificate_use": "This certificate is issued at the request of the person concerned.",
        "residence_subject": "Residence permit of {person}",
        "residence_body": (
            "Please find enclosed the documents of {{ person.name }}, a national of {{ person.nationality }} "
            "(passport no. {{ person.passport_number }}), who stays at {{ mobility.host_unit }} of our university "
            "under "
            "{{ mobility.programme }} from {{ mobility.starts_on }} to {{ mobility.ends_on }}, for the residence "
            "permit "
            "application."
        ),
        "residence_request": "We kindly ask you to issue the residence permit.",
        "doc_number": "Document No.",
        "first_published": "First publication date",
        "revision_date": "Revision date",
        "revision_no": "Revision No.",
        "page_no": "Page",
        "rev_no": "Rev. No.",
        "rev_date": "Rev. Date",
        "description": "Description",
        "revisions_heading": "Revision history",
        "job_heading": "Job description",
        "position": "Position",
        "place_in_organisation": "Place in the organisation",
        "superior": "First-degree superior",
        "deputy": "Deputy",
        "requirements": "Requirements",
        "sign_role": "Role",
        "sign_title": "Title",
        "signature": "Signature",
        "approved_by": "Approved by",
        "agreed_by": "Agreed by",
        "approve": "APPROVED",
        "in_force": "In force from {{ statute.approval.in_force_from }}",
        "report_period": "Period: {{ report.period }}",
        "report_count": "Number of records: {{ report.rows|length }}",
        "report_empty": "No records for this period.",
        "count": "Count",
        "sample_statute": "International Relations Office Regulation",
        "sample_section": "Purpose and scope",
        "sample_clause": "This regulation sets out the duties of the office.",
        "sample_revision": "First publication",
        "sample_report": "Outgoing students report",
        "sample_programme": "Erasmus+ KA131",
        "sample_unit": "Faculty of Engineering",
        "sample_city": "Ankara",
        "sample_document": "Copy of the passport",
    },
}

# The line above the institution's name in letters, by the university's country and the letter's language.
STATE_LINES: dict[tuple[str, str], str] = {
    ("TR", "tr"): "T.C.",
    ("KG", "ky"): "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН БИЛИМ БЕРҮҮ ЖАНА ИЛИМ МИНИСТРЛИГИ",
    ("KG", "ru"): "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ КЫРГЫЗСКОЙ РЕСПУБЛИКИ",
}
