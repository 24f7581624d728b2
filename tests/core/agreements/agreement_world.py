"""A small world for the agreement tests: partners, academic units and users (files are in tests/uploads.py)."""

from types import SimpleNamespace

from django_tenants.utils import schema_context

from core.agreements.models import IscedField
from core.agreements.services import agreement_create
from core.office.models import Role
from tests.conftest import make_office_user
from tests.factories.office import AcademicUnitFactory
from tests.factories.partners import PartnerFactory


def kastamonu_world(university) -> SimpleNamespace:
    """Kastamonu's partners (Osh known by its Cyrillic names; Warsaw recognised by YÖK) and units."""
    with schema_context(university.schema_name):
        osh = PartnerFactory(names={"ky": "Ош мамлекеттик университети", "ru": "Ошский государственный университет"},
                             country="KG")
        warsaw = PartnerFactory(names={"en": "University of Warsaw"}, country="PL", erasmus_code="PL WARSZAW01",
                                pic="999876543", recognition="recognised")
        forestry = AcademicUnitFactory(names={"tr": "Orman Fakültesi", "en": "Faculty of Forestry"})
        wood = AcademicUnitFactory(names={"tr": "Orman Endüstri Mühendisliği"}, kind="department", parent=forestry)
        medicine = AcademicUnitFactory(names={"tr": "Tıp Fakültesi", "en": "Faculty of Medicine"})
        law = IscedField.objects.get(code="0421")
    return SimpleNamespace(osh=osh, warsaw=warsaw, forestry=forestry, wood=wood, medicine=medicine, law=law)


def unit_staff(university, unit, username: str = "orman"):
    return make_office_user(university, username=username, role=Role.UNIT_STAFF, academic_unit=unit)


def sms_row(world, **overrides) -> dict:
    return {"direction": "outgoing", "mobility_type": "SMS", "isced": world.law, "eqf_level": 6,
            "places_per_year": 2, "months_per_person": 5, "language": "en", "cefr_level": "B2", **overrides}


def make(university, world, user=None, **overrides):
    """An agreement through the service, as the office would enter it."""
    arguments = {"kind": "erasmus_ka131", "titles": {"en": "Erasmus+ agreement with Warsaw"},
                 "partners": [world.warsaw], "units": [world.forestry], "scopes": ["student_exchange"],
                 "conditions": [sms_row(world)], **overrides}
    with schema_context(university.schema_name):
        return agreement_create(acting_user=user, **arguments)
