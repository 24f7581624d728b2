"""The plain-text parser on the five seeds and their translations: numbering, nesting, document control."""

from datetime import date
from pathlib import Path

import pytest

from core.statutes.parser import (
    BULLET,
    SECTION,
    job_fields,
    parse_date,
    parse_document,
    shape,
)

SEEDS = Path(__file__).resolve().parents[3] / "demo" / "seeds"
ORIGINALS = {"000": "tr", "001": "tr", "002": "tr", "003": "tr", "004": "ky"}


def seed(number: str, language: str | None = None):
    return parse_document((SEEDS / f"seed_{number}.{language or ORIGINALS[number]}.txt").read_text("utf-8"))


def numbers(nodes) -> list[str]:
    return [node.number for node in nodes]


def test_seed_000_nests_7_1_to_7_18_under_7_with_the_repeated_7_16():
    # when
    document = seed("000")

    # then
    assert numbers(document.nodes) == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    duties = document.nodes[6]
    assert duties.kind == SECTION and duties.text == "GÖREV, YETKİ VE SORUMLULUKLARI:"
    assert numbers(duties.children) == [f"7.{n}." for n in range(1, 17)] + ["7.16.", "7.17.", "7.18."]
    assert duties.children[15].text.startswith("İşbirliği protokolleri kapsamında gidecek")
    assert duties.children[16].text.startswith("İşbirliği protokolleri kapsamında gelen öğrenci ve personelin")
    assert duties.children[-1].text.endswith("diğer görevleri yerine getirmek.")
    assert all(not clause.children for clause in duties.children)


def test_seed_000_joins_a_label_alone_on_its_line_with_the_text_after_the_colon():
    document = seed("000")

    assert document.nodes[0].text == "GÖREV UNVANI: Uluslararası İşbirlikleri Sorumlusu"
    assert document.nodes[3].text == "VEKALETİ: Uluslararası İlişkiler Ofisi Koordinatör Yardımcısı"


def test_seed_000_puts_the_six_bullets_under_6_is_gerekleri():
    requirements = seed("000").nodes[5]

    assert requirements.text.startswith("İŞ GEREKLERİ") and requirements.kind == SECTION
    assert [child.style for child in requirements.children] == [BULLET] * 6
    assert requirements.children[0].text == "657 sayılı Devlet Memurları Kanunu ile tanımlanan memur olma şartlarını " \
                                            "taşımak,"
    assert requirements.children[-1].text == "Takım çalışmasına yatkın olmak."


def test_seed_000_reads_the_revision_table_and_who_prepared_and_approved_it():
    control = seed("000").control

    assert [(row.number, row.revised_on) for row in control.revisions] == [
        (1, date(2014, 11, 7)), (2, date(2015, 12, 8)), (3, date(2016, 1, 27)), (4, date(2021, 10, 15)),
        (5, date(2023, 12, 18)), (6, date(2024, 7, 8))]
    assert control.revisions[0].description == "Üniversite logosu güncellenmiştir."
    assert control.revisions[3].description.startswith("Birinci Derecede Sorumlu Amiri, İş Gerekleri")
    assert control.prepared_by.title == "Uluslararası İlişkiler Ofisi Koordinatörü"
    assert control.approved_by.title == "Genel Sekreter"


def test_seed_000_names_the_parts_of_the_job_description():
    fields = job_fields(seed("000").nodes)

    assert fields["position"] == "Uluslararası İşbirlikleri Sorumlusu"
    assert fields["superior"] == "Uluslararası İlişkiler Ofisi Koordinatörü"
    assert fields["deputy"] == "Uluslararası İlişkiler Ofisi Koordinatör Yardımcısı"
    assert fields["requirements"].splitlines()[1] == "Asgari lisans diplomasına sahip olmak,"


def test_seed_001_puts_the_o_bullets_under_its_heading():
    document = seed("001")

    assert len(document.nodes) == 1
    heading = document.nodes[0]
    assert heading.kind == SECTION and heading.text == "Görev ve Sorumluluklar"
    first, *bullets = heading.children
    assert first.number == "" and first.text.startswith("Yabancı ülkelerdeki yükseköğrenim kurumları")
    assert numbers(bullets) == ["o"] * 13
    assert bullets[0].text.startswith("Üniversitemizin Avrupa Yüksek Öğrenim Alanına")
    assert bullets[-1].text.startswith("2011-2012 eğitim öğretim yılından")
    assert "\u00a0" not in bullets[2].text and "  " not in bullets[0].text


def test_seed_002_reads_the_document_control_table():
    control = seed("002").control

    assert control.document_number == "KYS-GT-431"
    assert control.first_published_on == date(2025, 10, 31)
    assert control.revised_on is None  # "--"
    assert control.revision_number == 0
    assert control.page_count == 3
    assert control.title == "Öğrenci İşleri Personeli Görev Tanımı"


def test_seed_002_puts_the_bullets_under_their_capital_headings():
    document = seed("002")

    assert [node.text for node in document.nodes] == [
        "GÖREV TANIMI: Akademik Birimler Öğrenci İşleri Personeli", "KURUM İÇİNDEKİ YERİ",
        "GÖREV, YETKİ VE SORUMLULUKLARI", "ÖĞRENCİ İŞLERİ BİRİM PERSONELİ ÜNVANLAR",
        "GÖREVİN GEREKTİRDİĞİ NİTELİKLER"]
    duties = document.nodes[2]
    assert duties.kind == SECTION
    assert [child.style for child in duties.children] == [BULLET] * 30
    assert duties.children[0].text.startswith("İlk kayıt (ÖSYM, Farabi")
    assert [child.text for child in document.nodes[3].children] == [
        "Şef", "Bilgisayar İşletmeni", "Memur", "Veri Hazırlama ve Kontrol İşletmeni", "İşçi",
        "Sözleşmeli Personel"]
    assert document.nodes[1].children[0].text.startswith("Üst Makam: Fakülte")
    assert "[image" not in str(document.nodes)


def test_seed_002_names_the_parts_of_the_job_description():
    fields = job_fields(seed("002").nodes)

    assert fields["position"] == "Akademik Birimler Öğrenci İşleri Personeli"
    assert fields["superior"].startswith("Fakülte/Yüksekokul/Meslek Yüksekokulu Sekreteri")
    assert fields["requirements"].splitlines() == [
        "657 Sayılı Devlet Memurları Kanunu", "Resmi Yazışma Hakkında Usul ve Esaslar", "YÖK Mevzuatı"]


def test_seed_003_lists_a_to_j_in_the_turkish_alphabet_with_c_cedilla_and_dotless_i():
    document = seed("003")

    scope = next(node for node in document.nodes if node.text == "Scope of Activities")
    assert numbers(scope.children) == ["a)", "b)", "c)", "ç)", "d)", "e)", "f)", "g)", "h)", "ı)", "i)", "j)"]
    first = scope.children[0]
    assert first.text.startswith("To establish, develop, and maintain collaboration")  # the line after "a)"
    assert [child.text for child in first.children] == [
        "Student exchange", "Faculty exchange", "Joint programs, projects, research, and meetings",
        "Mutual cooperation in other areas"]
    assert scope.children[3].text.startswith("To organize promotional meetings")


def test_seed_003_reads_its_headings_as_sections():
    document = seed("003")

    headings = [node.text for node in document.nodes if node.kind == SECTION]
    assert headings[:5] == ["About Us", "Aim", "Establishment", "Scope of Activities",
                            "Internationalization Performance"]
    aim = document.nodes[1]
    assert aim.children[0].text.startswith("Iğdır Üniversitesi Dış İlişkiler Koordinatörlüğü")


def test_seed_004_has_its_roman_sections_with_their_numbered_clauses():
    document = seed("004")

    assert numbers(document.nodes) == ["I.", "II.", "III.", "IV.", "V.", "VI."]
    assert all(node.kind == SECTION for node in document.nodes)
    general, tasks, parties, rights, organisation, responsibility = document.nodes
    assert general.text == "Жалпы жоболор"
    assert numbers(general.children) == [f"{n}." for n in range(1, 10)]
    assert numbers(tasks.children) == [f"{n}." for n in range(1, 16)]
    assert numbers(responsibility.children) == ["1."]
    # "Бөлүмдүн кызматкерлери укуктуу:" introduces the list of rights.
    (lead_in,) = rights.children
    assert lead_in.kind == SECTION and lead_in.text == "Бөлүмдүн кызматкерлери укуктуу:"
    assert numbers(lead_in.children) == [f"{n}." for n in range(1, 10)]
    assert numbers(parties.children[0].children) == ["1.", "2.", "3."]
    # V.: two clauses, then the head of the department's own six.
    assert numbers(organisation.children) == ["1.", "2.", ""]
    assert organisation.children[2].text == "Начальник:"
    assert numbers(organisation.children[2].children) == [f"{n}." for n in range(1, 7)]


def test_seed_004_joins_a_sentence_that_goes_on_after_a_blank_line():
    second = seed("004").nodes[2].children[0].children[1]

    assert second.number == "2."
    assert second.text.endswith("практикаларын уюштуруу ж.б. көптөгөн багыттар боюнча ректорат, эл аралык "
                                "уюмдар, чет өлкөлүк окуу жайлар ж.б. менен;")


def test_seed_004_reads_who_approved_agreed_and_prepared_it():
    control = seed("004").control

    assert control.title == "Ош мамлекеттик университетинин эл аралык байланыштар бөлүмүнүн жобосу"
    assert control.approved_by.name == "К.Г. Кожобеков"
    assert control.approved_by.title.startswith("Ош мамлекеттик университетинин ректору")
    assert control.approved_on == date(2023, 9, 1)
    assert [(person.name, person.title) for person in control.agreed_by] == [
        ("К.Ш. Аттокуров", "Тышкы байланыштар боюнча проректор, доцент"),
        ("Ж. А. Айдарбекова", "Укук иштер бөлүмүнүн башчысы")]
    assert control.prepared_by.name == "А.О. Абдувалиев"
    assert control.prepared_by.title == "Эл аралык байланыштар бөлүмүнүн начальниги, доцент"


def test_seed_004_leaves_the_letterhead_and_signatures_out_of_the_clauses():
    document = seed("004")

    texts = " ".join(node.text for node in _all(document.nodes))
    assert "Бекитемин" not in texts and "Кожобеков" not in texts and "Макулдашылды" not in texts
    assert "**" not in texts


def _all(nodes):
    for node in nodes:
        yield node
        yield from _all(node.children)


TRANSLATIONS = sorted(
    (path.name.split(".")[0].removeprefix("seed_"), path.name.split(".")[1])
    for path in SEEDS.glob("seed_*.txt") if path.name.split(".")[1] != ORIGINALS[path.name[5:8]]
)


@pytest.mark.parametrize(("number", "language"), TRANSLATIONS)
def test_each_translation_has_the_structure_of_its_original(number, language):
    assert shape(seed(number, language).nodes) == shape(seed(number).nodes)


@pytest.mark.parametrize(("number", "language"), [each for each in TRANSLATIONS if each[0] in ("000", "002", "004")])
def test_each_translation_carries_the_same_document_control(number, language):
    original, translation = seed(number).control, seed(number, language).control

    assert translation.document_number == original.document_number
    assert translation.first_published_on == original.first_published_on
    assert translation.approved_on == original.approved_on
    assert [row.revised_on for row in translation.revisions] == [row.revised_on for row in original.revisions]
    assert len(translation.agreed_by) == len(original.agreed_by)
    assert translation.title


@pytest.mark.parametrize(("text", "expected"), [
    ("31.10.2025", date(2025, 10, 31)),
    ("2025-10-31", date(2025, 10, 31)),
    ("2023-жылдын « 1 » сентябры", date(2023, 9, 1)),
    ("2023 г. « 1 » сентября", date(2023, 9, 1)),
    ("1 Eylül 2023", date(2023, 9, 1)),
    ("2023, « 1 » September", date(2023, 9, 1)),
    ("--", None),
    ("31.02.2025", None),
])
def test_dates_as_offices_write_them(text, expected):
    assert parse_date(text) == expected


def test_numbers_without_a_final_dot_nest_too_and_tabs_and_bold_are_stripped():
    document = parse_document("\t**7. DUTIES**\n7.1 First duty\n7.1.1 A detail\n7.2 Second duty,\ngoing on\n8. Other")

    assert numbers(document.nodes) == ["7.", "8."]
    assert document.nodes[0].text == "DUTIES"
    assert numbers(document.nodes[0].children) == ["7.1", "7.2"]
    assert numbers(document.nodes[0].children[0].children) == ["7.1.1"]
    assert document.nodes[0].children[1].text == "Second duty, going on"


def test_letters_bullets_and_paragraphs_nest_under_the_item_above():
    text = "SCOPE\n\n1. First\na) one\n• dot\n• dot two\nb) two\n\n2. Second\n\nA paragraph of the second item."
    document = parse_document(text)

    (scope,) = document.nodes
    assert numbers(scope.children) == ["1.", "2."]
    assert numbers(scope.children[0].children) == ["a)", "b)"]
    assert numbers(scope.children[0].children[0].children) == ["•", "•"]
    assert [node.text for node in scope.children[1].children] == ["A paragraph of the second item."]
