"""Case folding, cross-script search and alphabet order with real place and university names."""

import pytest
from django.utils import translation

from i18n.text import collation_key, fold, matches, search_key, sort_by_language, transliterate


def test_turkish_folding_keeps_dotted_and_dotless_i_apart():
    assert fold("İZMİR", "tr") == "izmir"
    assert fold("IĞDIR", "tr") == "ığdır"
    assert fold("IĞDIR", "az") == "ığdır"


def test_other_languages_fold_both_capital_is_to_a_plain_i():
    assert fold("IĞDIR", "en") == "iğdir"
    assert fold("İzmir", "ru") == "izmir"  # no combining dot left behind


def test_transliteration_follows_the_russian_and_the_kyrgyz_scheme():
    assert transliterate("Ош") == "Osh"
    assert transliterate("Жалал-Абад", "ru") == "Zhalal-Abad"
    assert transliterate("Жалал-Абад", "ky") == "Jalal-Abad"
    assert transliterate("Кыргыз-Түрк «Манас» университети", "ky") == "Kyrgyz-Türk «Manas» universiteti"
    assert transliterate("Өзгөн, Нарың", "ky") == "Özgön, Naryng"


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("Osh", "Ош"),
        ("Oş", "Ош мамлекеттик университети"),
        ("igdir", "Iğdır Üniversitesi"),
        ("IĞDIR", "Iğdır"),
        ("izmir", "İzmir Yüksek Teknoloji Enstitüsü"),
        ("kyrgyz-turk manas universiteti", "Кыргыз-Түрк «Манас» университети"),
        ("Kırgız", "Кыргыз-Түрк «Манас» университети"),
        ("ozgon", "Өзгөн"),
        ("Jalal-Abad", "Жалал-Абад мамлекеттик университети"),
        ("Dzhalal-Abad", "Жалал-Абад"),
        ("Федор", "Фёдор Достоевский"),
        ("canakkale onsekiz", "Çanakkale Onsekiz Mart Üniversitesi"),
    ],
)
def test_search_matches_across_scripts_case_and_diacritics(query, text):
    assert matches(query, text)


def test_search_needs_every_word_of_the_query():
    assert matches("manas universiteti", "Кыргыз-Түрк «Манас» университети")
    assert not matches("manas kastamonu", "Кыргыз-Түрк «Манас» университети")
    assert not matches("Ankara", "Iğdır Üniversitesi")


def test_an_empty_query_matches_everything():
    assert matches("", "Ош")
    assert matches("  «» ", "Ош")


def test_search_key_is_plain_latin_words():
    assert search_key("Кыргыз-Түрк «Манас» университети") == search_key("kyrgyz turk manas universiteti")
    assert search_key("  Kastamonu   Üniversitesi! ") == "kastamonu universitesi"


def test_turkish_order_puts_c_before_c_cedilla_and_dotless_i_before_i():
    names = ["Denizli", "Çanakkale", "İnebolu", "Cankiri", "Işıklı", "Ilgaz", "ankara", "Bartın"]

    assert sort_by_language(names, language="tr") == [
        "ankara", "Bartın", "Cankiri", "Çanakkale", "Denizli", "Ilgaz", "Işıklı", "İnebolu",
    ]


def test_english_order_treats_turkish_letters_as_accented_latin():
    names = ["Denizli", "Cankiri", "Çanakkale"]

    assert sort_by_language(names, language="en") == ["Çanakkale", "Cankiri", "Denizli"]


def test_kyrgyz_order_follows_the_kyrgyz_alphabet():
    names = ["Ысык-Көл", "Үч-Коргон", "Өзгөн", "Нарын", "Ош", "Баткен"]

    # Python's code-point order would put Ү and Ө after Ы.
    assert sort_by_language(names, language="ky") == ["Баткен", "Нарын", "Ош", "Өзгөн", "Үч-Коргон", "Ысык-Көл"]


def test_russian_order_sorts_yo_with_ye():
    names = ["ель", "ёлка", "ежевика", "Ёж", "яблоко"]

    # Code-point order would put every ё after я.
    assert sort_by_language(names, language="ru") == ["Ёж", "ежевика", "ёлка", "ель", "яблоко"]


def test_latin_names_follow_cyrillic_ones_in_kyrgyz_and_russian_and_the_reverse_in_turkish():
    names = ["Osh", "Ош", "Ankara"]

    assert sort_by_language(names, language="ky") == ["Ош", "Ankara", "Osh"]
    assert sort_by_language(names, language="tr") == ["Ankara", "Osh", "Ош"]


def test_order_ignores_case_and_punctuation_and_sorts_a_word_break_first():
    assert sort_by_language(["Аксу", "«Ак-Суу»", "ак жол"], language="ru") == ["ак жол", "«Ак-Суу»", "Аксу"]
    assert collation_key("ANKARA", "tr")[0] == collation_key("ankara", "tr")[0]


def test_sort_uses_the_active_language_and_a_key():
    universities = [{"name": "Çanakkale"}, {"name": "Cankiri"}]

    with translation.override("tr"):
        in_turkish = sort_by_language(universities, key=lambda university: university["name"])
    with translation.override("en"):
        in_english = sort_by_language(universities, key=lambda university: university["name"])

    assert [u["name"] for u in in_turkish] == ["Cankiri", "Çanakkale"]
    assert [u["name"] for u in in_english] == ["Çanakkale", "Cankiri"]
