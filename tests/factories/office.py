import factory

from core.office.models import AcademicUnit, Membership, Role
from tests.factories.accounts import UserFactory
from tests.factories.translated import TranslatedFactory, in_four_languages


class MembershipFactory(factory.django.DjangoModelFactory):
    """An office role and the user who holds it."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.OFFICE_ADMIN


class AcademicUnitFactory(TranslatedFactory):
    _translated = {"names": "name"}

    class Meta:
        model = AcademicUnit

    names = factory.Sequence(lambda number: in_four_languages(
        f"Fakülte {number}", f"Факультет {number}", f"Факультет {number}", f"Faculty {number}"))
