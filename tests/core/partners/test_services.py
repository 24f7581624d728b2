"""The partner register's rules, through its services, in Kastamonu's schema."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.agreements.models import Agreement
from core.audit.models import AuditEntry
from core.partners import selectors, services
from core.partners.models import Partner, RankingEntry
from kopru.errors import ServiceError
from tests.uploads import PDF, PNG


def create(**details):
    names = details.pop("names", {"en": "Test University"})
    return services.partner_create(names=names, acting_user=None, **{"country": "TR", **details})


def refusal(**details) -> dict:
    with pytest.raises(ServiceError) as caught:
        create(**details)
    return caught.value.fields


@pytest.mark.parametrize(("field", "good"), [
    ("erasmus_code", "TR KASTAMO01"), ("erasmus_code", "D  BERLIN01"), ("erasmus_code", "tr kastamo01"),
    ("pic", "123456789"), ("pic", "123 456 789"), ("oid", "E10208522"), ("oid", "e10208522"),
    ("schac", "kastamonu.edu.tr"), ("schac", "Kastamonu.EDU.tr."), ("ror", "05dxps055"),
    ("ror", "https://ror.org/05dxps055"),
])
def test_good_identifiers_are_kept_in_their_standard_form(in_kastamonu_in_english, field, good):
    partner = create(**{field: good})

    standard = {"erasmus_code": ("TR KASTAMO01", "D  BERLIN01"), "pic": ("123456789",), "oid": ("E10208522",),
                "schac": ("kastamonu.edu.tr",), "ror": ("05dxps055",)}
    assert Partner.objects.get(pk=partner.pk).__dict__[field] in standard[field]


@pytest.mark.parametrize(("field", "bad", "says"), [
    ("erasmus_code", "TRKASTAMO", "TR KASTAMO01"), ("erasmus_code", "TR 1234", "TR KASTAMO01"),
    ("pic", "12345678", "9 digits"), ("pic", "12345678X", "9 digits"),
    ("oid", "10208522", "E followed by 8 digits"), ("oid", "E1020852", "E followed by 8 digits"),
    ("schac", "kastamonu", "domain"), ("schac", "http://kastamonu.edu.tr", "domain"),
    ("ror", "05dxps056", "9 characters"), ("ror", "https://ror.org/05dxps05", "9 characters"),
])
def test_bad_identifiers_are_refused_with_the_right_form_in_the_message(in_kastamonu_in_english, field, bad, says):
    fields = refusal(**{field: bad})

    assert says in fields[field][0]
    assert not Partner.objects.exists()


def test_a_name_in_one_language_and_a_country_are_required(in_kastamonu_in_english):
    assert refusal(names={"tr": " ", "en": ""})["name"] == ["Give a name in at least one language."]
    assert "country" in refusal(country="XX")
    assert "country" in refusal(country="")
    partner = create(names={"ky": "Ош мамлекеттик университети"}, country="kg")
    assert (partner.country, partner.name_en, partner.name) == ("KG", None, "Ош мамлекеттик университети")


def test_erasmus_code_and_pic_belong_to_one_partner_only(in_kastamonu_in_english):
    first = create(names={"en": "Kastamonu University"}, erasmus_code="TR KASTAMO01", pic="123456789")

    fields = refusal(erasmus_code="tr kastamo01", pic="123456789")
    second = create(names={"en": "Other"}, erasmus_code="TR ANKARA01")
    with pytest.raises(ServiceError) as caught:
        services.partner_update(partner=second, pic="123456789", acting_user=None)

    assert fields["erasmus_code"] == ["Another partner already has this Erasmus code: Kastamonu University."]
    assert fields["pic"] == ["Another partner already has this PIC: Kastamonu University."]
    assert "pic" in caught.value.fields
    assert Partner.objects.get(pk=second.pk).pic == ""
    assert Partner.objects.get(pk=first.pk).erasmus_code == "TR KASTAMO01"


def test_update_changes_what_is_given_and_records_it(in_kastamonu_in_english, admin_a):
    partner = create(names={"en": "Kastamonu University"}, texts={"city": {"en": "Kastamonu"}})

    services.partner_update(partner=partner, names={"tr": "Kastamonu Üniversitesi"}, website="kastamonu.edu.tr",
                            acting_user=admin_a)

    partner.refresh_from_db()
    assert (partner.name_en, partner.name_tr, partner.city) == ("Kastamonu University", "Kastamonu Üniversitesi",
                                                                 "Kastamonu")
    assert partner.website == "https://kastamonu.edu.tr"
    entry = AuditEntry.objects.get(action="partner.updated")
    assert entry.details["website"] == ["", "https://kastamonu.edu.tr"]


def test_a_partner_named_by_an_agreement_cannot_be_deleted(in_kastamonu_in_english):
    partner = create()
    agreement = Agreement.objects.create(kind="bilateral", title="Protocol")
    agreement.partners.add(partner)

    with pytest.raises(ServiceError) as caught:
        services.partner_delete(partner=partner, acting_user=None)

    assert caught.value.code == "partner_in_use"
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_rankings_by_rank_or_band_one_per_system_and_year(in_kastamonu_in_english):
    partner = create()

    entry, created = services.ranking_save(partner=partner, system="THE", year=2024, band="501-600",
                                           acting_user=None)
    with pytest.raises(ServiceError) as again:  # never overwritten unseen
        services.ranking_save(partner=partner, system="THE", year=2024, rank=480, acting_user=None)
    same, created_again = services.ranking_save(partner=partner, system="THE", year=2024, rank=480,
                                                acting_user=None, replace=True)
    with pytest.raises(ServiceError) as both:
        services.ranking_save(partner=partner, system="QS", year=2023, rank=950, band="1001+", acting_user=None)
    services.ranking_save(partner=partner, system="QS", year=2023, band="1001 +", acting_user=None)

    assert again.value.fields["year"] == [
        "The partner already has an entry of THE for 2024 (501–600); change that entry instead."]
    assert both.value.fields["band"] == ["Give the rank or the band, not both."]
    assert created and not created_again and same.pk == entry.pk
    assert (same.rank, same.band) == (480, "")
    assert RankingEntry.objects.get(system="QS").band == "1001+"
    with pytest.raises(ServiceError) as caught:
        services.ranking_save(partner=partner, system="XYZ", year=1990, band="600-500", acting_user=None)
    assert set(caught.value.fields) == {"system", "year", "band"}
    with pytest.raises(ServiceError) as nothing:
        services.ranking_save(partner=partner, system="ARWU", year=2024, acting_user=None)
    assert nothing.value.fields["rank"] == ["Give the rank or the band."]
    qs = RankingEntry.objects.get(system="QS")
    with pytest.raises(ServiceError) as clash:
        services.ranking_update(entry=qs, system="THE", year=2024, rank=1, acting_user=None)
    assert "year" in clash.value.fields



def test_a_ranking_update_changes_only_the_values_given(in_kastamonu_in_english):
    # the partial update of the API is the service's own: what is not given stays
    entry, _created = services.ranking_save(partner=create(), system="THE", year=2024, band="501-600",
                                            acting_user=None)

    services.ranking_update(entry=entry, year=2023, acting_user=None)

    entry.refresh_from_db()
    assert (entry.system, entry.year, entry.rank, entry.band) == ("THE", 2023, None, "501–600")
    with pytest.raises(TypeError):
        services.ranking_update(entry=entry, partner=None, acting_user=None)

def test_recognition_checks_set_the_partner_status_from_the_latest_check(in_kastamonu_in_english, admin_a):
    partner = create()
    today = date.today()
    assert "has not been checked" in selectors.partner_recognition_blocks(partner)

    services.recognition_check_record(
        partner=partner, status="asked_yok", checked_on=today - timedelta(days=30), method="yok_letter",
        reference="E-12345", acting_user=admin_a,
    )
    assert "YÖK has been asked" in selectors.partner_recognition_blocks(partner)
    services.recognition_check_record(
        partner=partner, status="recognised", checked_on=today, method="okultanima",
        evidence=SimpleUploadedFile("result.pdf", PDF), acting_user=admin_a,
    )
    # A check dated earlier, entered later, does not overrule the newer one.
    services.recognition_check_record(partner=partner, status="not_recognised",
                                      checked_on=today - timedelta(days=60), method="okultanima",
                                      acting_user=admin_a)

    partner.refresh_from_db()
    assert partner.recognition == "recognised"
    assert selectors.partner_recognition_blocks(partner) is None
    latest = partner.recognition_checks.first()
    assert latest.evidence.read().startswith(b"%PDF") and latest.checked_by == admin_a


@pytest.mark.parametrize(("changes", "field"), [
    ({"method": "yok_letter", "reference": ""}, "reference"),
    ({"status": "unchecked"}, "status"),
    ({"checked_on": date.today() + timedelta(days=1)}, "checked_on"),
    ({"evidence": SimpleUploadedFile("result.pdf", b"MZ\x90\x00 not a pdf")}, "evidence"),
    ({"evidence": SimpleUploadedFile("scan.png", PNG + b"\x00" * (10 * 1024 * 1024))}, "evidence"),
])
def test_bad_recognition_checks_change_nothing(in_kastamonu_in_english, changes, field):
    partner = create()
    values = {"status": "recognised", "checked_on": date.today(), "method": "okultanima", **changes}

    with pytest.raises(ServiceError) as caught:
        services.recognition_check_record(partner=partner, acting_user=None, **values)

    assert field in caught.value.fields
    partner.refresh_from_db()
    assert partner.recognition == "unchecked"
    assert not partner.recognition_checks.exists()


def test_evidence_type_is_read_from_the_content(in_kastamonu_in_english):
    partner = create()
    renamed_png = SimpleUploadedFile("result.pdf", PNG)

    check = services.recognition_check_record(partner=partner, status="recognised", checked_on=date.today(),
                                              method="okultanima", evidence=renamed_png, acting_user=None)

    assert check.evidence


def test_info_note_context(in_kastamonu_in_english, partners_a):
    berlin = partners_a["berlin"]
    services.partner_unit_create(partner=berlin, names={"en": "Faculty of Law", "tr": "Hukuk Fakültesi"},
                                 acting_user=None)
    services.ranking_save(partner=berlin, system="QS", year=2022, rank=130, acting_user=None)
    services.ranking_save(partner=berlin, system="QS", year=2024, rank=98, acting_user=None)
    services.ranking_save(partner=berlin, system="THE", year=2024, band="101–125", acting_user=None)
    services.recognition_check_record(partner=berlin, status="recognised", checked_on=date(2025, 3, 1),
                                      method="yok_letter", reference="E-987", acting_user=None)
    agreement = Agreement.objects.create(kind="erasmus_ka131", title_tr="Erasmus+ anlaşması",
                                         title_en="Erasmus+ agreement", status="in_force",
                                         starts_on=date(2024, 1, 1), ends_on=date(2028, 12, 31))
    agreement.partners.add(berlin)

    note = selectors.partner_info_note_context(berlin, "tr")

    assert note["name"] == "Berlin Hür Üniversitesi"
    assert note["country_name"] == "Almanya"
    assert note["identifiers"]["pic"] == "999976093"
    assert note["units"] == ["Hukuk Fakültesi"]
    assert [(r["system"], r["year"], r["position"]) for r in note["rankings"]] == [("QS", 2024, "98"),
                                                                                 ("THE", 2024, "101–125")]
    assert note["recognition"]["status"] == "recognised"
    assert note["recognition"]["last_check"]["reference"] == "E-987"
    assert note["agreements"] == [{
        "title": "Erasmus+ anlaşması", "kind": "erasmus_ka131", "kind_label": note["agreements"][0]["kind_label"],
        "status": "in_force", "status_label": note["agreements"][0]["status_label"],
        "starts_on": date(2024, 1, 1), "ends_on": date(2028, 12, 31),
    }]
    with translation.override("tr"):
        assert note["agreements"][0]["status_label"] == str(Agreement.Status.IN_FORCE.label)


def test_list_searches_every_language_and_script_and_sorts_in_the_readers_language(in_kastamonu_in_english, partners_a):
    def names(**filters):
        return [partner.pk for partner in selectors.partner_list(None, **filters)]

    assert names(query="Osh") == [partners_a["osh"].pk]
    assert names(query="ошский") == [partners_a["osh"].pk]
    assert names(query="berlin01") == [partners_a["berlin"].pk]
    assert names(query="varşova") == [partners_a["warsaw"].pk]  # its city in Turkish
    assert names(country="de") == [partners_a["berlin"].pk]
    assert set(names(recognition="attention")) == {partners_a["osh"].pk, partners_a["berlin"].pk}
    assert names(recognition="recognised") == [partners_a["warsaw"].pk]
    in_english = [partner.name for partner in selectors.partner_list(None, language="en")]
    with translation.override("tr"):
        in_turkish = [partner.name for partner in selectors.partner_list(None)]
    assert in_english == ["Free University of Berlin", "University of Warsaw", "Ошский государственный университет"]
    assert in_turkish == ["Berlin Hür Üniversitesi", "University of Warsaw", "Ош мамлекеттик университети"]
