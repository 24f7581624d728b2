"""Requests under agreements in force (seed 000 7.10): registered, forwarded to a unit, answered there, closed."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tenants.utils import schema_context, tenant_context

from core.agreements.models import Agreement, AgreementRequest
from core.agreements.partner_requests.services import request_answer, request_close, request_forward, request_register
from core.audit.models import AuditEntry
from core.notifications.models import Notification
from core.office.models import Role
from kopru.errors import ServiceError
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api, in_english, sign_in, token_for
from tests.core.agreements.workflow_helpers import pdf
from tests.factories.agreements import AgreementFactory
from tests.factories.partners import PartnerFactory
from tests.moves import moves_made


@pytest.fixture
def routing_a(university_a, admin_a, units_a):
    """Kastamonu's units, an agreement in force, an officer and the staff of three units."""
    with schema_context(university_a.schema_name):
        partner = PartnerFactory(names={"en": "University of Vienna"}, country="AT")
        in_force = AgreementFactory(partners=[partner], titles={"en": "Vienna protocol"})
    people = {"officer": make_office_user(university_a, username="memur", role=Role.OFFICER)}
    for username, unit in (("orman", "forestry"), ("agac", "wood"), ("tip", "medicine")):
        people[username] = make_office_user(university_a, username=username, role=Role.UNIT_STAFF,
                                            academic_unit=units_a[unit], email=f"{username}@kastamonu.example")
    return {**units_a, "agreement": in_force, **people}


def register(office, **fields) -> AgreementRequest:
    return request_register(agreement=office["agreement"], received_on=date(2026, 3, 2), sender="Dr. Huber",
                            subject=fields.pop("subject", "Two exchange students"), acting_user=office["officer"],
                            **fields)


def test_a_request_goes_from_registered_to_closed(university_a, routing_a, django_capture_on_commit_callbacks):
    with tenant_context(university_a):
        found = register(routing_a, body="May two students come in autumn?", letter=pdf("huber.pdf"))
        assert found.status == "registered" and found.letter.name.endswith(".pdf")

        with django_capture_on_commit_callbacks(execute=False):
            request_forward(agreement_request=found, unit=routing_a["wood"], acting_user=routing_a["officer"])
        # the staff of the unit and of the faculty above it are told; other units are not
        assert set(Notification.objects.values_list("recipient__username", flat=True)) == {"orman", "agac"}
        request_answer(agreement_request=found, answer="Yes, two places.", acting_user=routing_a["agac"])
        request_close(agreement_request=found, acting_user=routing_a["officer"])

        found.refresh_from_db()
        assert (found.status, found.unit, found.answer) == ("closed", routing_a["wood"], "Yes, two places.")
        assert list(AuditEntry.objects.filter(target_id=str(found.pk)).order_by("id").values_list(
            "action", flat=True)) == ["agreement_request.registered", "agreement_request.forwarded",
                                      "agreement_request.answered", "agreement_request.closed"]


def test_requests_are_registered_under_agreements_in_force_only_and_in_order(university_a, routing_a):
    with tenant_context(university_a):
        Agreement.objects.filter(pk=routing_a["agreement"].pk).update(status="in_approval")
        routing_a["agreement"].refresh_from_db()
        with pytest.raises(ServiceError) as not_in_force:
            register(routing_a)
        Agreement.objects.filter(pk=routing_a["agreement"].pk).update(status="in_force")
        routing_a["agreement"].refresh_from_db()
        with pytest.raises(ServiceError) as bad_letter:
            register(routing_a, letter=SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf"))
        found = register(routing_a)
        with pytest.raises(ServiceError) as too_early:
            request_answer(agreement_request=found, answer="Yes", acting_user=routing_a["agac"])
        request_forward(agreement_request=found, unit=routing_a["wood"], acting_user=routing_a["officer"])
        with pytest.raises(ServiceError) as empty_answer:
            request_answer(agreement_request=found, answer=" ", acting_user=routing_a["agac"])

        assert not_in_force.value.code == "agreement_not_in_force"
        assert bad_letter.value.code == "file_type" and "letter" in bad_letter.value.fields
        assert too_early.value.code == "wrong_status"
        assert empty_answer.value.code == "answer_required"
        assert AgreementRequest.objects.count() == 1


def test_unit_staff_see_only_their_units_requests(client_a, university_a, routing_a):
    with tenant_context(university_a):
        for_wood = register(routing_a, subject="Wood lab visit")
        request_forward(agreement_request=for_wood, unit=routing_a["wood"], acting_user=routing_a["officer"])
        for_medicine = register(routing_a, subject="Clinical rotation")
        request_forward(agreement_request=for_medicine, unit=routing_a["medicine"], acting_user=routing_a["officer"])
        register(routing_a, subject="Not forwarded yet")

    def subjects(user):
        return {row["subject"] for row in api(university_a, user).get("/api/agreements/requests/").json()["results"]}

    assert subjects(routing_a["agac"]) == {"Wood lab visit"}
    assert subjects(routing_a["orman"]) == {"Wood lab visit"}  # the faculty sees its departments' requests
    assert subjects(routing_a["tip"]) == {"Clinical rotation"}
    assert subjects(routing_a["officer"]) == {"Wood lab visit", "Clinical rotation", "Not forwarded yet"}
    sign_in(client_a, university_a, routing_a["tip"])
    assert client_a.get(f"/agreements/requests/{for_wood.pk}/").status_code == 404
    assert client_a.post(f"/agreements/requests/{for_wood.pk}/answer/", {"answer": "No"}).status_code == 404
    tip_api = api(university_a, routing_a["tip"])
    assert tip_api.get(f"/api/agreements/requests/{for_wood.pk}/").status_code == 404
    assert tip_api.post(f"/api/agreements/requests/{for_wood.pk}/answer/", {"answer": "No"}).status_code == 404
    assert tip_api.post("/api/agreements/requests/", {}).status_code == 403  # unit staff do not register
    assert client_a.get(f"/agreements/requests/{for_medicine.pk}/").status_code == 200


def test_the_whole_path_through_the_api(university_a, routing_a, django_assert_max_num_queries):
    officer, staff = api(university_a, routing_a["officer"]), api(university_a, routing_a["agac"])

    registered = officer.post("/api/agreements/requests/", {
        "agreement": routing_a["agreement"].pk, "received_on": "2026-03-02", "sender": "Dr. Huber",
        "subject": "Summer school", "body": "Join us?", "letter": pdf("letter.pdf"),
    })
    request_id = registered.json()["id"]
    forwarded = officer.post(f"/api/agreements/requests/{request_id}/forward/", {"unit": routing_a["wood"].pk})
    answered = staff.post(f"/api/agreements/requests/{request_id}/answer/", {"answer": "Three students"})
    staff_close = staff.post(f"/api/agreements/requests/{request_id}/close/")
    closed = officer.post(f"/api/agreements/requests/{request_id}/close/")
    for number in range(5):
        officer.post("/api/agreements/requests/", {"agreement": routing_a["agreement"].pk, "sender": "Someone",
                                                   "received_on": "2026-03-03", "subject": f"Question {number}"})
    with django_assert_max_num_queries(8):
        listing = officer.get("/api/agreements/requests/")

    assert registered.status_code == 201 and registered.json()["has_letter"] is True
    assert forwarded.json()["status"] == "forwarded" and forwarded.json()["unit"] == routing_a["wood"].pk
    assert answered.json()["status"] == "answered"
    assert staff_close.status_code == 403
    assert closed.json()["status"] == "closed"
    assert listing.json()["count"] == 6


def test_bad_input_is_refused_with_fields(university_a, routing_a):
    officer = api(university_a, routing_a["officer"])

    missing = officer.post("/api/agreements/requests/", {"agreement": routing_a["agreement"].pk})
    unknown = officer.post("/api/agreements/requests/", {"agreement": 999999, "sender": "x",
                                                         "subject": "y", "received_on": "2026-01-01"})

    assert missing.status_code == 400
    assert {"received_on", "sender", "subject"} <= set(missing.json()["error"]["fields"])
    assert "agreement" in unknown.json()["error"]["fields"]
    with schema_context(university_a.schema_name):
        assert not AgreementRequest.objects.exists()


def test_requests_of_another_university_are_not_found(university_a, university_b, routing_a, admin_b):
    with tenant_context(university_b):
        partner = PartnerFactory(names={"en": "Kastamonu University"}, country="TR")
        osh_agreement = AgreementFactory(partners=[partner])
        osh_request = request_register(agreement=osh_agreement, received_on=date(2026, 1, 5), sender="Kastamonu",
                                       subject="Osh only", acting_user=admin_b)
    officer = api(university_a, routing_a["officer"])
    url = f"/api/agreements/requests/{osh_request.pk}/"

    assert officer.get(url).status_code == 404
    assert officer.post(url + "forward/", {"unit": routing_a["wood"].pk}).status_code == 404
    assert officer.post(url + "close/").status_code == 404
    foreign = Client(HTTP_HOST=host_of(university_b),
                     HTTP_AUTHORIZATION=f"Token {token_for(university_a, routing_a['officer'])}")
    assert foreign.get("/api/agreements/requests/").status_code == 401


def test_the_pages_register_forward_answer_and_close(client_a, university_a, routing_a):
    in_english(sign_in(client_a, university_a, routing_a["officer"]))
    agreement_id = routing_a["agreement"].pk
    assert f"/agreements/requests/?agreement={agreement_id}#register" in client_a.get(
        f"/agreements/{agreement_id}/").content.decode()
    assert f'value="{agreement_id}" selected' in client_a.get(
        f"/agreements/requests/?agreement={agreement_id}").content.decode()

    registered = client_a.post("/agreements/requests/", {
        "agreement": routing_a["agreement"].pk, "received_on": "2026-03-02", "sender": "Dr. Huber",
        "subject": "Guest lecture", "letter": pdf("huber.pdf"),
    })
    detail = registered["Location"]
    client_a.post(detail + "forward/", {"unit": routing_a["wood"].pk})
    letter = client_a.get(detail + "letter/")
    in_english(sign_in(client_a, university_a, routing_a["agac"]))
    unit_page = client_a.get(detail).content.decode()
    client_a.post(detail + "answer/", {"answer": "Gladly, in May."})
    listing = client_a.get("/agreements/requests/").content.decode()
    in_english(sign_in(client_a, university_a, routing_a["officer"]))
    closed = client_a.post(detail + "close/", follow=True).content.decode()

    assert letter.status_code == 200 and b"".join(letter.streaming_content).startswith(b"%PDF")
    assert "Record the answer" in unit_page and "Forward to an academic unit" not in unit_page
    assert "Guest lecture" in listing and "Register a request" not in listing
    assert "The request is closed." in closed
    with schema_context(university_a.schema_name):
        assert AgreementRequest.objects.get().status == "closed"


def test_the_register_form_says_what_is_wrong(client_a, university_a, routing_a):
    in_english(sign_in(client_a, university_a, routing_a["officer"]))

    response = client_a.post("/agreements/requests/", {"agreement": routing_a["agreement"].pk,
                                                       "received_on": "2026-03-02", "sender": "Dr. Huber",
                                                       "subject": "Scan", "letter": SimpleUploadedFile("a.pdf", b"x")})

    assert response.status_code == 200
    assert "Upload a PDF, DOCX, DOC, ODT, PNG or JPEG file" in response.content.decode()
    with schema_context(university_a.schema_name):
        assert not AgreementRequest.objects.exists()


def test_the_page_the_api_and_the_services_follow_one_rule(client_a, university_a, routing_a):
    # given: a request in each status
    moves = {
        "forward": lambda found, user: request_forward(agreement_request=found, unit=routing_a["wood"],
                                                       acting_user=user),
        "answer": lambda found, user: request_answer(agreement_request=found, answer="Yes", acting_user=user),
        "close": lambda found, user: request_close(agreement_request=found, acting_user=user),
    }
    with tenant_context(university_a):
        requests = {status: register(routing_a, subject=status) for status in ("registered", "forwarded",
                                                                                "answered", "closed")}
        for status, steps in (("forwarded", ["forward"]), ("answered", ["forward", "answer"]),
                              ("closed", ["forward", "answer", "close"])):
            for move in steps:
                moves[move](requests[status], routing_a["officer"])

    def accepted(found, user) -> set[str]:
        """The moves the services make on the request for the user, each undone."""
        with tenant_context(university_a):
            return moves_made(AgreementRequest, found.pk, moves, user)

    expected = {  # unit staff do not see a request before it is forwarded to their unit
        "officer": {"registered": {"forward"}, "forwarded": {"forward", "answer"}, "answered": {"answer", "close"},
                    "closed": set()},
        "agac": {"forwarded": {"answer"}, "answered": {"answer"}, "closed": set()},
    }
    for person, by_status in expected.items():
        user = routing_a[person]
        sign_in(client_a, university_a, user)
        for status, allowed in by_status.items():
            found = requests[status]
            # when
            page = client_a.get(f"/agreements/requests/{found.pk}/").content.decode()
            shown = {move for move in moves if f'action="/agreements/requests/{found.pk}/{move}/"' in page}
            listed = set(api(university_a, user).get(f"/api/agreements/requests/{found.pk}/").json()["actions"])
            # then
            assert shown == listed == accepted(found, user) == allowed, (person, status)



def test_the_requests_list_says_why_it_is_empty_and_keeps_its_sort_when_filtered(client_a, university_a, admin_a):
    in_english(sign_in(client_a, university_a, admin_a))

    empty = client_a.get("/agreements/requests/").content.decode()
    filtered = client_a.get("/agreements/requests/?status=closed&ordering=subject").content.decode()

    assert "No requests yet. Register a partner's request below when it arrives." in empty
    assert "No request has this status." in filtered
    assert '<input type="hidden" name="ordering" value="subject">' in filtered
