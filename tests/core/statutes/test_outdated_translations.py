"""A statute in several languages: when a clause or the title is reworded in one language, the others show as out of
date on the pages and in the API until they are written again or marked as still saying the same; a new revision
keeps the marks of the text it starts from."""

from datetime import date

from django_tenants.utils import schema_context, tenant_context

from core.statutes.models import Clause
from core.statutes.services import revision_approve, revision_start, revision_submit


def _clause(university, statute, number: str) -> Clause:
    with schema_context(university.schema_name):
        return Clause.objects.get(revision__statute=statute, revision__number=0, number=number)


def test_a_reworded_clause_puts_its_translation_out_of_date_until_it_is_checked(admin_api, draft_statute_a,
                                                                                 university_a):
    clause = _clause(university_a, draft_statute_a, "7.4")
    url = f"/api/statutes/clauses/{clause.pk}/"

    reworded = admin_api.patch(url, {"texts": {"tr": "Bilgi notunu hazırlamak ve imzaya sunmak;"}},
                               content_type="application/json").json()
    caught_up = admin_api.patch(url, {"texts": {"en": "Prepare the information note and present it for signature;"}},
                                content_type="application/json").json()
    admin_api.patch(url, {"texts": {"tr": "Bilgi notu hazırlamak;"}}, content_type="application/json")
    checked = admin_api.patch(url, {"translations_checked": ["text"]}, content_type="application/json").json()

    assert reworded["outdated_translations"] == {"text": ["en"]}
    assert caught_up["outdated_translations"] == {}
    assert checked["outdated_translations"] == {}


def test_a_new_revision_keeps_the_mark_and_the_editor_and_the_clause_form_show_it(
        office_a_en, admin_api, draft_statute_a, university_a, people_a):
    marked = _clause(university_a, draft_statute_a, "7.5")
    admin_api.patch(f"/api/statutes/clauses/{marked.pk}/", {"texts": {"tr": "YÖK tanınırlığını sorgulamak;"}},
                    content_type="application/json")
    with tenant_context(university_a):
        revision_submit(revision=marked.revision, acting_user=people_a["admin"])
        revision_approve(revision=marked.revision, in_force_from=date(2026, 1, 1), acting_user=people_a["admin"])
        revision = revision_start(statute=draft_statute_a, descriptions={"tr": "Görevler güncellendi"},
                                  acting_user=people_a["admin"])
        clause = Clause.objects.get(revision=revision, number="7.5")

    editor = office_a_en.get(f"/statutes/{draft_statute_a.pk}/revisions/{revision.number}/edit/").content.decode()
    form = office_a_en.get(f"/statutes/clauses/{clause.pk}/edit/").content.decode()
    saved = office_a_en.post(f"/statutes/clauses/{clause.pk}/edit/", {
        "kind": "clause", "number": "7.5", "text_tr": "YÖK tanınırlığını sorgulamak;",
        "text_en": "Check recognition by YÖK;", "text_checked": "on"})

    assert clause.outdated_translations == {"text": ["en"]}
    assert editor.count("translation out of date") == 1
    assert "Text (English) — out of date" in form
    assert saved.status_code == 302
    with schema_context(university_a.schema_name):
        assert Clause.objects.get(pk=clause.pk).outdated_translations == {}


def test_a_reworded_title_is_marked_on_the_statutes_page_and_in_the_api(admin_api, office_a_en, statute_a):
    url = f"/api/statutes/{statute_a.pk}/"

    reworded = admin_api.patch(url, {"titles": {"tr": "Uluslararası İşbirliği Sorumlusu Görev Tanımı"}},
                               content_type="application/json").json()
    page = office_a_en.get(f"/statutes/{statute_a.pk}/").content.decode()
    form = office_a_en.get(f"/statutes/{statute_a.pk}/edit/").content.decode()
    checked = admin_api.patch(url, {"translations_checked": ["title"]}, content_type="application/json").json()

    assert reworded["outdated_translations"] == {"title": ["en"]}
    assert "translation out of date" in page
    assert "Title (English) — out of date" in form
    assert checked["outdated_translations"] == {}
