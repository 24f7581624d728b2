"""A small world for the agreement tests: partners, academic units, users, clients and files."""

import io
import zipfile
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context

from core.agreements.models import IscedField
from core.agreements.services import agreement_create
from core.office.models import AcademicUnit, Membership, Role
from core.partners.models import Partner
from tests.conftest import make_office_user

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def kastamonu_world(university) -> SimpleNamespace:
    """Kastamonu's partners (Osh known by its Cyrillic names; Warsaw recognised by YÖK) and units."""
    with schema_context(university.schema_name):
        osh = Partner.objects.create(name_ky="Ош мамлекеттик университети",
                                     name_ru="Ошский государственный университет", country="KG")
        warsaw = Partner.objects.create(name_en="University of Warsaw", country="PL", erasmus_code="PL WARSZAW01",
                                        pic="999876543", recognition="recognised")
        forestry = AcademicUnit.objects.create(name_tr="Orman Fakültesi", name_en="Faculty of Forestry")
        wood = AcademicUnit.objects.create(name_tr="Orman Endüstri Mühendisliği", kind="department", parent=forestry)
        medicine = AcademicUnit.objects.create(name_tr="Tıp Fakültesi", name_en="Faculty of Medicine")
        law = IscedField.objects.get(code="0421")
    return SimpleNamespace(osh=osh, warsaw=warsaw, forestry=forestry, wood=wood, medicine=medicine, law=law)


def unit_staff(university, unit, username: str = "orman"):
    user = make_office_user(university, username=username, role=Role.UNIT_STAFF)
    with schema_context(university.schema_name):
        Membership.objects.filter(user=user).update(academic_unit=unit)
    return user


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


def upload(content: bytes = PDF, name: str = "protocol.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def zipped(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


DOCX = zipped({
    "[Content_Types].xml": b'<Types><Override PartName="/word/document.xml" ContentType="application/'
                           b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "word/document.xml": b"<w:document/>",
})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"})
XLSX = zipped({
    "[Content_Types].xml": b'<Types><Override PartName="/xl/workbook.xml" ContentType="application/'
                           b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
})
