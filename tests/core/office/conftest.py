import pytest
from django_tenants.utils import schema_context

from core.office.models import AcademicUnit


@pytest.fixture
def units_a(university_a):
    """Kastamonu's units: two faculties, one with a department."""
    with schema_context(university_a.schema_name):
        forestry = AcademicUnit.objects.create(name_tr="Orman Fakültesi", name_en="Faculty of Forestry")
        wood = AcademicUnit.objects.create(name_tr="Orman Endüstri Mühendisliği", kind="department",
                                           parent=forestry)
        medicine = AcademicUnit.objects.create(name_tr="Tıp Fakültesi")
    return {"forestry": forestry, "wood": wood, "medicine": medicine}
