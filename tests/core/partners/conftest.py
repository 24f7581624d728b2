import pytest
from django_tenants.utils import schema_context

from core.partners.models import Partner


@pytest.fixture
def partners_a(university_a):
    """Kastamonu's partners: one known by its Kyrgyz and Russian names only, one German, one Polish."""
    with schema_context(university_a.schema_name):
        osh = Partner.objects.create(name_ky="Ош мамлекеттик университети",
                                     name_ru="Ошский государственный университет", country="KG", city="Ош")
        berlin = Partner.objects.create(name_en="Free University of Berlin", name_tr="Berlin Hür Üniversitesi",
                                        country="DE", city="Berlin", erasmus_code="D  BERLIN01", pic="999976093")
        warsaw = Partner.objects.create(name_en="University of Warsaw", country="PL", city="Warszawa",
                                        erasmus_code="PL WARSZAW01", recognition="recognised")
    return {"osh": osh, "berlin": berlin, "warsaw": warsaw}


@pytest.fixture
def partner_b(university_b):
    """A partner of Osh: its id must mean nothing on Kastamonu's host."""
    with schema_context(university_b.schema_name):
        return Partner.objects.create(name_tr="Kastamonu Üniversitesi", country="TR", erasmus_code="TR KASTAMO01")


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
