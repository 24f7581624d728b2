"""The parser on statutes of every shape: chapters, articles, "(1)" paragraphs and "a)" items in four languages.

The texts in texts/ follow the structure of statutes universities publish, but their wording is
written for these tests (the published texts are quoted nowhere):
- tr_dis_iliskiler_yonergesi.txt: a Turkish "Dış İlişkiler Birimi Yönergesi" with blank lines, shaped like
  Karamanoğlu Mehmetbey University's and Bolu Abant İzzet Baysal University's (BİRİNCİ BÖLÜM and its title,
  a heading over each "MADDE n –", "(1)" paragraphs, "a)" … "ç)" definitions, GEÇİCİ MADDE, Yürürlük, Yürütme);
- tr_uluslararasi_iliskiler_ofisi_yonergesi.txt: a Turkish "Uluslararası İlişkiler Ofisi Yönergesi" pasted
  without blank lines, lines broken in mid-sentence, as PDF copies of Siirt's and Avrasya University's read
  ("Madde 1- (1)"), with page labels and a running header between the pages;
- ky_akademiyalyk_mobilduuluk_jobosu.txt: a Kyrgyz жобо ("БИРИНЧИ БӨЛҮМ", "1-берене.", "1.1.", "а)");
  no Kyrgyz statute with берене articles was found to model it on, so it follows the genre's usual form;
- ky_osh_eab_jobosu_without_blank_lines.txt: seed 004 (Osh State University's жобо) pasted without blank lines;
- ru_polozhenie_o_mezhdunarodnoy_deyatelnosti.txt: a Russian "Положение" ("Глава 1.", "Статья 1.", "1.1.",
  "а)", and a chapter of positions "1." "2." without articles); written to the genre, none was found;
- en_international_exchange_regulations.txt: English regulations ("Chapter 1", "Article 1 – Purpose", "(1)",
  "(a)"); written to the genre, none was found.
"""

import re
from collections import Counter
from pathlib import Path

import pytest

from core.statutes.parser import (
    ARTICLE,
    CHAPTER,
    LETTER,
    PARAGRAPH,
    PAREN_NUMBER,
    SECTION,
    normalise_lines,
    parse_document,
    shape,
    walk,
)

TEXTS = Path(__file__).resolve().parent / "texts"


def parsed(name: str):
    return parse_document((TEXTS / name).read_text("utf-8"))


def counts(document) -> dict[str, int]:
    found = Counter(node.style for _depth, node in walk(document.nodes))
    return {style: found[style] for style in (CHAPTER, ARTICLE, PAREN_NUMBER, LETTER, "decimal", PARAGRAPH)}


def node_at(document, *path: int):
    nodes, node = document.nodes, None
    for index in path:
        node = nodes[index]
        nodes = node.children
    return node


# The expected outline of each text: how many chapters, articles, "(n)" paragraphs, letter items, decimal
# points and unnumbered paragraphs it has, and how many lines it leaves unplaced.
OUTLINES = {
    "tr_dis_iliskiler_yonergesi.txt": ({CHAPTER: 3, ARTICLE: 12, PAREN_NUMBER: 15, LETTER: 13, "decimal": 0,
                                        PARAGRAPH: 1}, 2),
    "tr_uluslararasi_iliskiler_ofisi_yonergesi.txt": ({CHAPTER: 3, ARTICLE: 8, PAREN_NUMBER: 12, LETTER: 9,
                                                       "decimal": 0, PARAGRAPH: 1}, 7),
    "ky_akademiyalyk_mobilduuluk_jobosu.txt": ({CHAPTER: 3, ARTICLE: 6, PAREN_NUMBER: 0, LETTER: 6, "decimal": 11,
                                                PARAGRAPH: 1}, 0),
    "ky_osh_eab_jobosu_without_blank_lines.txt": ({CHAPTER: 0, ARTICLE: 0, PAREN_NUMBER: 0, LETTER: 0,
                                                   "decimal": 45, PARAGRAPH: 2}, 3),
    "ru_polozhenie_o_mezhdunarodnoy_deyatelnosti.txt": ({CHAPTER: 4, ARTICLE: 5, PAREN_NUMBER: 0, LETTER: 6,
                                                         "decimal": 13, PARAGRAPH: 1}, 0),
    "en_international_exchange_regulations.txt": ({CHAPTER: 3, ARTICLE: 6, PAREN_NUMBER: 8, LETTER: 6, "decimal": 0,
                                                   PARAGRAPH: 3}, 1),
}


@pytest.mark.parametrize("name", sorted(OUTLINES))
def test_each_text_has_its_expected_outline(name):
    expected, unplaced = OUTLINES[name]

    document = parsed(name)

    assert counts(document) == expected
    assert len(document.unplaced) == unplaced


def _words(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"\w+", text)}


@pytest.mark.parametrize("name", sorted(OUTLINES))
def test_nothing_is_lost_every_line_is_placed_read_as_document_control_or_listed_as_not_placed(name):
    text = (TEXTS / name).read_text("utf-8")

    document = parse_document(text)

    kept = set()
    for _depth, node in walk(document.nodes):
        kept |= _words(f"{node.number} {node.text}")
    for line in document.unplaced:
        kept |= _words(line.text)
    kept |= _words(str(document.control.as_dict()))
    missing = {number: line for number, line in enumerate(normalise_lines(text), start=1)
               if line and not _words(line) <= kept}
    # Only the labels and dates of the document control ("Бекитемин:", "2023-жылдын « 1 » сентябры") are read
    # without their words being kept as written.
    assert set(missing) <= set(document.control_lines)
    assert all(len(line.split()) <= 8 for line in missing.values())


def test_a_turkish_yonerge_nests_articles_in_chapters_with_their_headings_paragraphs_and_items():
    document = parsed("tr_dis_iliskiler_yonergesi.txt")

    first, second, third = document.nodes
    assert (first.kind, first.number, first.text) == (SECTION, "BİRİNCİ BÖLÜM", "Amaç, Kapsam, Dayanak ve Tanımlar")
    assert [(node.number, node.text) for node in first.children] == [
        ("MADDE 1", "Amaç"), ("MADDE 2", "Kapsam"), ("MADDE 3", "Dayanak"), ("MADDE 4", "Tanımlar")]
    definitions = node_at(document, 0, 3, 0)
    assert (definitions.number, definitions.text) == ("(1)", "Bu Yönergede geçen;")
    assert [node.number for node in definitions.children] == ["a)", "b)", "c)", "ç)", "d)", "e)"]
    assert node_at(document, 0, 0, 0).text.startswith("Bu Yönergenin amacı, Karadeniz Kıyısı Üniversitesi")
    assert [node.number for node in node_at(document, 1, 1).children] == ["(1)", "(2)"]
    assert [(node.number, node.text) for node in third.children[1:]] == [
        ("GEÇİCİ MADDE 1", "Geçiş hükmü"), ("MADDE 10", "Yürürlük"), ("MADDE 11", "Yürütme")]
    assert document.control.title == "DIŞ İLİŞKİLER BİRİMİ YÖNERGESİ"
    assert second.text == "Birimin Yapısı, Görevleri ve Çalışma Esasları"


def test_a_sentence_after_a_list_belongs_to_the_paragraph_that_opened_the_list():
    documents = parsed("tr_dis_iliskiler_yonergesi.txt")

    (first, second) = node_at(documents, 1, 2).children  # MADDE 7 – Başvuru belgeleri
    assert [node.number for node in first.children] == ["a)", "b)", "c)", ""]
    closing = first.children[-1]
    assert (closing.style, closing.text) == (PARAGRAPH, "Bu belgeler, ilan edilen son başvuru tarihine kadar "
                                                        "Birime teslim edilir.")
    assert first.children[2].text == "Yabancı dil belgesi."
    assert second.number == "(2)"


def test_a_yonerge_pasted_without_blank_lines_is_read_clause_by_clause_and_broken_lines_are_joined():
    document = parsed("tr_uluslararasi_iliskiler_ofisi_yonergesi.txt")

    assert max(len(node.text) for _depth, node in walk(document.nodes)) < 300
    assert [node.number for node in document.nodes] == ["BİRİNCİ BÖLÜM", "İKİNCİ BÖLÜM", "ÜÇÜNCÜ BÖLÜM"]
    purpose = node_at(document, 0, 0, 0)
    assert purpose.text == ("Bu Yönergenin amacı, Rektörlüğe bağlı olarak görev yapan Dağ Eteği Üniversitesi "
                            "Uluslararası İlişkiler Ofisinin kuruluşu, görev ve sorumlulukları ile işleyişine ilişkin "
                            "usul ve esasları düzenlemektir.")
    assert node_at(document, 0, 2, 1, 0).text == ("Bilim Elçisi: İkili işbirliği anlaşması imzalanan her "
                                                   "üniversite için atanan ve o üniversite ile ilişkilerden sorumlu "
                                                   "öğretim elemanını,")
    duties = node_at(document, 1, 1, 0)
    assert [node.number for node in duties.children] == ["a)", "b)", "c)", "ç)", ""]
    assert duties.children[-1].text == "Ofis, bu görevleri yerine getirirken akademik birimlerin görüşünü alır."
    assert [(node.number, node.text) for node in document.nodes[2].children] == [
        ("Madde 7", "Yürürlük"), ("Madde 8", "Yürütme")]


def test_page_labels_running_headers_and_stray_page_numbers_are_listed_as_not_placed_with_their_line():
    document = parsed("tr_uluslararasi_iliskiler_ofisi_yonergesi.txt")

    assert [(line.line, line.text) for line in document.unplaced] == [
        (1, "T.C."), (2, "DAĞ ETEĞİ ÜNİVERSİTESİ"), (28, "Sayfa 1 / 3"), (29, "Uluslararası İlişkiler Ofisi Yönergesi"),
        (47, "Sayfa 2 / 3"), (48, "Uluslararası İlişkiler Ofisi Yönergesi"), (60, "3")]
    assert node_at(document, 2, 1, 0).text == "Bu Yönerge hükümlerini Dağ Eteği Üniversitesi Rektörü yürütür."


def test_a_kyrgyz_jobo_nests_points_and_items_in_berene_articles():
    document = parsed("ky_akademiyalyk_mobilduuluk_jobosu.txt")

    assert [(node.number, node.text) for node in document.nodes] == [
        ("БИРИНЧИ БӨЛҮМ", "ЖАЛПЫ ЖОБОЛОР"), ("ЭКИНЧИ БӨЛҮМ", "МОБИЛДҮҮЛҮКТҮ УЮШТУРУУ"),
        ("ҮЧҮНЧҮ БӨЛҮМ", "КОРУТУНДУ ЖОБОЛОР")]
    assert [(node.number, node.text) for node in document.nodes[0].children] == [
        ("1-берене.", "Жобонун максаты"), ("2-берене.", "Негизги түшүнүктөр")]
    assert [node.number for node in node_at(document, 0, 0).children] == ["1.1.", "1.2."]
    assert node_at(document, 0, 0, 1).text.endswith("Уставынын жана Окумуштуулар кеңешинин чечимдеринин негизинде "
                                                    "иштелип чыккан.")
    documents = node_at(document, 1, 0, 2)
    assert [node.number for node in documents.children] == ["а)", "б)", "в)", ""]
    assert documents.children[-1].text.startswith("Документтер эл аралык байланыштар бөлүмүнө")
    assert document.control.approved_by.name == "Ж.К. Асанов"
    assert [person.name for person in document.control.agreed_by] == ["Б.Т. Осмонова"]


def test_seed_004_pasted_without_blank_lines_keeps_its_sections_and_the_head_of_departments_list():
    document = parsed("ky_osh_eab_jobosu_without_blank_lines.txt")

    assert [node.number for node in document.nodes] == ["I.", "II.", "III.", "IV.", "V.", "VI."]
    assert [len(node.children) for node in document.nodes] == [9, 15, 4, 10, 2, 1]
    head = node_at(document, 4, 1)
    assert head.text.endswith("Начальник:")
    assert [node.number for node in head.children] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert document.control.prepared_by.name == "А.О. Абдувалиев"


def test_a_russian_polozhenie_has_chapters_articles_points_and_positions_under_a_chapter():
    document = parsed("ru_polozhenie_o_mezhdunarodnoy_deyatelnosti.txt")

    assert [node.number for node in document.nodes] == ["Глава 1.", "Глава 2.", "Глава 3.", "Глава 4."]
    goals = node_at(document, 0, 1)
    assert (goals.number, goals.text) == ("Статья 2.", "Цели международной деятельности")
    assert [node.number for node in goals.children[0].children] == ["а)", "б)", "в)", ""]
    assert node_at(document, 1, 1, 0).text.endswith("подписывает ректор или уполномоченное им лицо.")
    mobility = document.nodes[2]
    assert [(node.number, node.style) for node in mobility.children] == [("1.", "decimal"), ("2.", "decimal"),
                                                                         ("3.", "decimal")]
    assert document.control.title == "ПОЛОЖЕНИЕ о международной деятельности Приречного государственного университета"
    assert document.control.prepared_by.name == "И.П. Сергеева"


def test_english_regulations_read_articles_with_their_heading_and_paragraphs_with_their_items():
    document = parsed("en_international_exchange_regulations.txt")

    assert [(node.number, node.text) for node in document.nodes[0].children] == [
        ("Article 1", "Purpose"), ("Article 2", "Definitions")]
    definitions = node_at(document, 0, 1)
    assert [(node.number, node.text[:20]) for node in definitions.children] == [
        ("", "In these Regulations"), ("(a)", "\"exchange\" means a p"), ("(b)", "\"learning agreement\""),
        ("(c)", "\"International Offic")]
    eligibility = node_at(document, 1, 0, 0)
    assert [node.number for node in eligibility.children] == ["(a)", "(b)", "(c)", ""]
    assert node_at(document, 1, 1, 1).text.endswith("within ten working days of the application deadline.")


def test_depth_follows_the_nesting_chapter_article_paragraph_item():
    rows = [(depth, node.number) for depth, node in walk(parsed("tr_dis_iliskiler_yonergesi.txt").nodes)]

    assert rows[:4] == [(0, "BİRİNCİ BÖLÜM"), (1, "MADDE 1"), (2, "(1)"), (1, "MADDE 2")]
    assert (3, "a)") in rows and max(depth for depth, _number in rows) == 3


@pytest.mark.parametrize("line", [
    "BİRİNCİ BÖLÜM", "Üçüncü Bölüm", "ЭКИНЧИ БӨЛҮМ", "1-бөлүм. Жалпы жоболор", "Глава 2. Общие положения",
    "Раздел II", "Chapter 3", "PART 1 – GENERAL",
])
def test_chapter_labels_in_four_languages(line):
    (chapter,) = parse_document(f"{line}\nMADDE 1 – Metin.").nodes

    assert chapter.style == CHAPTER and chapter.kind == SECTION
    assert [node.style for node in chapter.children] == [ARTICLE]


@pytest.mark.parametrize(("line", "number"), [
    ("MADDE 1 – (1) Metin.", "MADDE 1"), ("Madde 1- Metin.", "Madde 1"), ("GEÇİCİ MADDE 2 – Metin.", "GEÇİCİ MADDE 2"),
    ("Статья 1. Текст.", "Статья 1."), ("1-берене. Текст.", "1-берене."), ("Article 1 – Text.", "Article 1"),
    ("Section 4. Text.", "Section 4."),
])
def test_article_labels_in_four_languages(line, number):
    (article,) = parse_document(line).nodes

    assert (article.style, article.number) == (ARTICLE, number)


def test_words_that_only_start_like_labels_are_text():
    document = parse_document("MADDE 1 – (1) Birim,\nMadde 5 kapsamında kurulur.\nBirinci bölümde sayılanlar da.")

    assert [node.number for _depth, node in walk(document.nodes)] == ["MADDE 1", "(1)"]


def test_turkish_and_english_versions_of_one_yonerge_share_their_shape():
    turkish = parse_document("BİRİNCİ BÖLÜM\nGenel Hükümler\nAmaç\nMADDE 1 – (1) Metin.\n(2) Metin.\n"
                             "İKİNCİ BÖLÜM\nSon Hükümler\nGEÇİCİ MADDE 1 – (1) Metin.")
    english = parse_document("CHAPTER I\nGeneral Provisions\nPurpose\nArticle 1 – (1) Text.\n(2) Text.\n"
                             "Chapter 2 – Final Provisions\nGeçici Madde 1 – (1) Text.")

    assert shape(turkish.nodes) == shape(english.nodes)
    assert shape(turkish.nodes)[:2] == [(0, "I"), (1, "§1")]


def test_a_sentence_broken_before_a_number_or_a_bracketed_letter_goes_on_and_real_lists_still_open():
    document = parse_document("MADDE 3 – (1) Bu Yönerge, 2547 sayılı Kanunun\n4. maddesinin\n(c) bendine dayanılarak "
                              "hazırlanmıştır.\n(2) Ofisin görevleri\na) protokol hazırlamak\nb) ilan yapmak")

    (article,) = document.nodes
    first, second = article.children
    assert first.text == "Bu Yönerge, 2547 sayılı Kanunun 4. maddesinin (c) bendine dayanılarak hazırlanmıştır."
    assert [(node.number, node.text) for node in second.children] == [("a)", "protokol hazırlamak"),
                                                                       ("b)", "ilan yapmak")]
