"""Letters for a visiting student or staff member: invitation (seed 000 7.13), residence permit
cover letter to the provincial migration office (7.14) and certificate of attendance (7.15).

They are written from plain data (mobility_kinds.MobilityPerson and MobilityStay) and stand
alone, numbered like every letter of the office, until mobility records link them.
"""

from django.db import transaction

from core.documents.context import Signatory, current_university, user_signatory
from core.documents.mobility_kinds import (
    MobilityPerson,
    MobilityStay,
    attendance_certificate_context,
    invitation_letter_context,
    residence_permit_letter_context,
)
from core.documents.models import DocumentKind, GeneratedDocument
from core.documents.services import check_language, document_generate, letter_number_next


def _language_and_signatory(language: str | None, acting_user) -> tuple[str, Signatory]:
    language = language or current_university().default_language
    check_language(language)
    return language, user_signatory(acting_user, language)


@transaction.atomic(durable=True)
def invitation_letter_generate(*, person: MobilityPerson, stay: MobilityStay, acting_user,
                               language: str | None = None) -> GeneratedDocument:
    language, signatory = _language_and_signatory(language, acting_user)
    context = invitation_letter_context(person, stay, language, number=letter_number_next(),
                                        signatory=signatory)
    return document_generate(kind=DocumentKind.INVITATION_LETTER, context=context, language=language,
                             acting_user=acting_user)


@transaction.atomic(durable=True)
def attendance_certificate_generate(*, person: MobilityPerson, stay: MobilityStay, acting_user,
                                    language: str | None = None) -> GeneratedDocument:
    language, signatory = _language_and_signatory(language, acting_user)
    context = attendance_certificate_context(person, stay, language, number=letter_number_next(),
                                             signatory=signatory)
    return document_generate(kind=DocumentKind.ATTENDANCE_CERTIFICATE, context=context, language=language,
                             acting_user=acting_user)


@transaction.atomic(durable=True)
def residence_permit_letter_generate(*, person: MobilityPerson, stay: MobilityStay, acting_user,
                                     language: str | None = None, city: str = "") -> GeneratedDocument:
    """To the migration office of `city`, by default the university's own city."""
    language, signatory = _language_and_signatory(language, acting_user)
    context = residence_permit_letter_context(person, stay, language, number=letter_number_next(),
                                              city=city or current_university().city, signatory=signatory)
    return document_generate(kind=DocumentKind.RESIDENCE_PERMIT_LETTER, context=context, language=language,
                             acting_user=acting_user)
