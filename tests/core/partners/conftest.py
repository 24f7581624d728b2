import pytest
from django_tenants.utils import schema_context

from tests.factories.partners import PartnerFactory


@pytest.fixture
def partners_a(university_a):
    """Kastamonu's partners: one known by its Kyrgyz and Russian names only, one German, one Polish."""
    with schema_context(university_a.schema_name):
        osh = PartnerFactory(names={"ky": "Ош мамлекеттик университети", "ru": "Ошский государственный университет"},
                             country="KG", cities={"ky": "Ош", "ru": "Ош"})
        berlin = PartnerFactory(names={"en": "Free University of Berlin", "tr": "Berlin Hür Üniversitesi"},
                                country="DE", cities={"tr": "Berlin", "en": "Berlin"}, erasmus_code="D  BERLIN01",
                                pic="999976093")
        warsaw = PartnerFactory(names={"en": "University of Warsaw"}, country="PL",
                                cities={"tr": "Varşova", "ru": "Варшава", "en": "Warsaw"}, erasmus_code="PL WARSZAW01",
                                recognition="recognised")
    return {"osh": osh, "berlin": berlin, "warsaw": warsaw}


@pytest.fixture
def partner_b(university_b):
    """A partner of Osh: its id must mean nothing on Kastamonu's host."""
    with schema_context(university_b.schema_name):
        return PartnerFactory(names={"tr": "Kastamonu Üniversitesi"}, country="TR", erasmus_code="TR KASTAMO01")

