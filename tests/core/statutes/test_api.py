"""The statutes API: the same rules as the pages, in JSON; isolation between universities."""

from datetime import date

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context, tenant_context

from core.agreements.models import WorkflowStep
from core.statutes.models import Clause, Revision, Statute
from tests.conftest import host_of
from tests.core.accounts.helpers import api, token_for
from tests.core.statutes.conftest import make_job_description, revision_of


def test_list_in_constant_queries(admin_api, university_a, statute_a, people_a):
    admin_api.get("/api/statutes/")
    with CaptureQueriesContext(connection) as few:
        first = admin_api.get("/api/statutes/")
    with tenant_context(university_a):
        for _ in range(3):
            make_job_description(people_a["admin"])
    with CaptureQueriesContext(connection) as many:
        response = admin_api.get("/api/statutes/?kind=job_description")

    assert first.json()["results"][0]["current_revision"] == {
        "number": 0, "status": "in_force", "in_force_from": "2014-09-01", "in_force_until": None}
    assert response.json()["count"] == len(response.json()["results"]) == 4
    assert len(many) == len(few)


def test_detail_carries_document_control_and_the_tree(admin_api, statute_a):
    body = admin_api.get(f"/api/statutes/{statute_a.pk}/").json()

    assert (body["document_number"], body["approved_by_name"]) == ("KYS-GT-431", "Genel Sekreter")
    assert body["agreed_by"] == [{"name": "Hukuk Müşavirliği", "title": {"tr": None, "ky": None, "ru": None,
                                                                          "en": None}}]
    assert body["approved_by_title"] == {"tr": "Genel Sekreter", "ky": None, "ru": None, "en": None}
    assert body["job"]["position"]["en"] == "International Cooperation Officer"
    section = body["shown_revision"]["clauses"][0]
    assert (section["number"], section["depth"], section["kind"]) == ("7.", 0, "section")
    assert [(child["number"], child["depth"]) for child in section["children"]] == [
        ("7.4", 1), ("7.5", 1), ("7.6", 1), ("7.16", 1), ("7.16", 1)]
    assert section["children"][0]["texts"]["tr"] == "Bilgi notu hazırlamak;"


def test_create_edit_submit_and_approve_through_the_api(admin_api, university_a):
    created = admin_api.post("/api/statutes/", {
        "kind": "statute", "titles": {"ky": "Жобо"}, "document_number": "OSH-02",
        "agreed_by": [{"name": "Проректор", "title": {"ky": "тышкы байланыштар"}}],
    }, content_type="application/json")
    statute_id = created.json()["id"]
    clauses = f"/api/statutes/{statute_id}/revisions/0/clauses/"
    section = admin_api.post(clauses, {"kind": "section", "number": "I.", "texts": {"ky": "Жалпы жоболор"}},
                             content_type="application/json").json()
    second = admin_api.post(clauses, {"number": "2.", "texts": {"ky": "Экинчи"}, "parent": section["id"]},
                            content_type="application/json").json()
    first = admin_api.post(clauses, {"number": "1.", "texts": {"ky": "Биринчи"}, "parent": section["id"],
                                     "index": 0}, content_type="application/json").json()
    edited = admin_api.patch(f"/api/statutes/clauses/{second['id']}/", {"texts": {"ru": "Второй"}},
                             content_type="application/json")
    moved = admin_api.patch(f"/api/statutes/clauses/{second['id']}/", {"parent": None, "index": 0},
                            content_type="application/json")
    deleted = admin_api.delete(f"/api/statutes/clauses/{second['id']}/")
    submitted = admin_api.post(f"/api/statutes/{statute_id}/revisions/0/submit/")
    approved = admin_api.post(f"/api/statutes/{statute_id}/revisions/0/approve/", {"in_force_from": "2023-09-01"},
                              content_type="application/json")

    assert created.status_code == 201 and created.json()["shown_revision"]["status"] == "draft"
    assert first["depth"] == 1
    assert edited.json()["texts"] == {"tr": None, "ky": "Экинчи", "ru": "Второй", "en": None}
    assert (moved.json()["parent"], moved.json()["depth"]) == (None, 0)
    assert deleted.status_code == 204
    assert submitted.json()["status"] == "in_approval"
    assert (approved.json()["status"], approved.json()["in_force_from"]) == ("in_force", "2023-09-01")
    tree = admin_api.get(f"/api/statutes/{statute_id}/revisions/0/").json()["clauses"]
    assert [(node["number"], [child["number"] for child in node["children"]]) for node in tree] == [("I.", ["1."])]


def test_the_signers_titles_go_and_come_back_per_language(admin_api, statute_a):
    url = f"/api/statutes/{statute_a.pk}/"

    # when: the approver's title in Kyrgyz and Russian, the Turkish one kept; the agreed-by rows replaced
    patched = admin_api.patch(url, {
        "approved_by_title": {"ky": "Ректор", "ru": "Ректор университета"},
        "prepared_by_title": {"tr": "", "en": "Office coordinator"},
        "agreed_by": [{"name": "К.Ш. Аттокуров", "title": {"ky": "Тышкы байланыштар боюнча проректор",
                                                            "ru": "Проректор по внешним связям"}},
                      {"name": "Укук иштер бөлүмү"}],
    }, content_type="application/json")
    too_long = admin_api.patch(url, {"agreed_by": [{"name": "A", "title": {"ky": "ы" * 256}}]},
                               content_type="application/json")
    not_texts = admin_api.patch(url, {"approved_by_title": "Ректор"}, content_type="application/json")

    # then
    assert patched.status_code == 200, patched.json()
    body = admin_api.get(url).json()
    assert body["approved_by_title"] == {"tr": "Genel Sekreter", "ky": "Ректор", "ru": "Ректор университета",
                                         "en": None}
    assert body["prepared_by_title"] == {"tr": None, "ky": None, "ru": None, "en": "Office coordinator"}
    assert body["agreed_by"] == [
        {"name": "К.Ш. Аттокуров", "title": {"tr": None, "ky": "Тышкы байланыштар боюнча проректор",
                                             "ru": "Проректор по внешним связям", "en": None}},
        {"name": "Укук иштер бөлүмү", "title": {"tr": None, "ky": None, "ru": None, "en": None}},
    ]
    assert too_long.status_code == 400 and not_texts.status_code == 400
    assert len(admin_api.get(url).json()["agreed_by"]) == 2


def test_new_revision_in_force_on_and_diff(admin_api, statute_a):
    url = f"/api/statutes/{statute_a.pk}/"
    no_description = admin_api.post(url + "revisions/", {"descriptions": {"tr": ""}}, content_type="application/json")
    started = admin_api.post(url + "revisions/", {"descriptions": {"en": "7.4 shortened"}},
                             content_type="application/json")
    clause = next(child for child in started.json()["clauses"][0]["children"] if child["number"] == "7.4")
    admin_api.patch(f"/api/statutes/clauses/{clause['id']}/", {"texts": {"en": "Prepare a note;"}},
                    content_type="application/json")
    admin_api.post(url + "revisions/1/submit/")
    admin_api.post(url + "revisions/1/approve/", {"in_force_from": "2024-07-08"}, content_type="application/json")

    on_old = admin_api.get(url + "in-force/?date=2020-01-01").json()
    on_new = admin_api.get(url + "in-force/?date=2024-07-08").json()
    before = admin_api.get(url + "in-force/?date=2000-01-01")
    bad_date = admin_api.get(url + "in-force/?date=yesterday")
    diff = admin_api.get(url + "diff/?a=0&b=1&lang=en").json()
    revisions = admin_api.get(url + "revisions/").json()

    assert no_description.status_code == 400 and no_description.json()["error"]["code"] == "description_required"
    assert started.status_code == 201 and started.json()["number"] == 1
    assert (on_old["number"], on_old["in_force_until"], on_new["number"]) == (0, "2024-07-07", 1)
    assert before.status_code == 404 and bad_date.status_code == 400
    changed = [row for row in diff if row["status"] != "unchanged"]
    assert [(row["number"], row["status"]) for row in changed] == [("7.4", "changed")]
    assert "<ins>a</ins>" in changed[0]["new_html"] and "<del>" in changed[0]["old_html"]
    assert [(row["number"], row["status"], row["description"]) for row in revisions] == [
        (0, "superseded", ""), (1, "in_force", "7.4 shortened")]


def test_refusals_carry_codes_and_change_nothing(admin_api, university_a, statute_a):
    url = f"/api/statutes/{statute_a.pk}/revisions/0/"
    with schema_context(university_a.schema_name):
        clause = Clause.objects.get(revision__statute=statute_a, number="7.4")

    in_force_edit = admin_api.patch(f"/api/statutes/clauses/{clause.pk}/", {"texts": {"tr": "Değişti"}},
                                    content_type="application/json")
    no_kind = admin_api.post("/api/statutes/", {"titles": {"tr": "X"}}, content_type="application/json")
    no_title = admin_api.post("/api/statutes/", {"kind": "statute", "titles": {"tr": ""}},
                              content_type="application/json")
    approve_again = admin_api.post(url + "approve/", {"in_force_from": "2030-01-01"}, content_type="application/json")
    foreign_parent = admin_api.post(url + "clauses/", {"texts": {"tr": "x"}, "parent": 999999},
                                    content_type="application/json")

    assert (in_force_edit.status_code, in_force_edit.json()["error"]["code"]) == (409, "not_a_draft")
    assert no_kind.status_code == 400 and "kind" in no_kind.json()["error"]["fields"]
    assert no_title.json()["error"]["code"] == "title_required"
    assert (approve_again.status_code, approve_again.json()["error"]["code"]) == (409, "wrong_status")
    assert foreign_parent.status_code == 400 and "parent" in foreign_parent.json()["error"]["fields"]
    with schema_context(university_a.schema_name):
        assert Clause.objects.get(pk=clause.pk).text_tr == "Bilgi notu hazırlamak;"
        assert Statute.objects.count() == 1


def test_links_both_ways_through_the_api(admin_api, university_a, statute_a, workflow_a):
    with schema_context(university_a.schema_name):
        clause = Clause.objects.get(revision__statute=statute_a, number="7.6")
        opinions = WorkflowStep.objects.get(code="opinions")

    linked = admin_api.put(f"/api/statutes/clauses/{clause.pk}/links/",
                           {"roles": ["officer"], "workflow_steps": [opinions.pk]}, content_type="application/json")
    bad_role = admin_api.put(f"/api/statutes/clauses/{clause.pk}/links/",
                             {"roles": ["rector"], "workflow_steps": []}, content_type="application/json")

    assert (linked.json()["roles"], linked.json()["workflow_steps"]) == (["officer"], [opinions.pk])
    assert bad_role.json()["error"]["code"] == "invalid_role"


def test_who_may_do_what(university_a, draft_statute_a, people_a):
    url = f"/api/statutes/{draft_statute_a.pk}/revisions/0/"
    viewer, coordinator = api(university_a, people_a["viewer"]), api(university_a, people_a["coordinator"])

    viewer_reads = viewer.get(f"/api/statutes/{draft_statute_a.pk}/")
    viewer_writes = viewer.post(url + "clauses/", {"texts": {"tr": "x"}}, content_type="application/json")
    coordinator_submits = coordinator.post(url + "submit/")
    coordinator_approves = coordinator.post(url + "approve/", {"in_force_from": "2024-01-01"},
                                            content_type="application/json")

    assert viewer_reads.status_code == 200
    assert viewer_writes.status_code == 403 and coordinator_approves.status_code == 403
    assert coordinator_submits.status_code == 200
    assert revision_of(university_a, draft_statute_a, 0).status == Revision.Status.IN_APPROVAL


def test_ids_of_another_university_are_not_found_and_tokens_stay_home(admin_api, university_a, university_b,
                                                                      statute_b, admin_b):
    """Kastamonu holds no statute in this test, so Osh's ids can only name Osh's rows."""
    with schema_context(university_b.schema_name):
        clause = Clause.objects.get(revision__statute=statute_b)
    osh_token_here = Client(HTTP_HOST=host_of(university_a),
                            HTTP_AUTHORIZATION=f"Token {token_for(university_b, admin_b)}")

    assert admin_api.get(f"/api/statutes/{statute_b.pk}/").status_code == 404
    assert admin_api.get(f"/api/statutes/{statute_b.pk}/in-force/?date={date.today()}").status_code == 404
    assert admin_api.get(f"/api/statutes/clauses/{clause.pk}/").status_code == 404
    assert admin_api.delete(f"/api/statutes/clauses/{clause.pk}/").status_code == 404
    assert osh_token_here.get("/api/statutes/").status_code == 401
    with schema_context(university_b.schema_name):
        assert Clause.objects.filter(pk=clause.pk).exists()
