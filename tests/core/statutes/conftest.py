"""Fixtures of the statute tests: seed 000's job description, in Kastamonu and in Osh.

Statutes are written through the services, as the office would write them.
"""

from datetime import date

import pytest
from django_tenants.utils import schema_context, tenant_context

from core.statutes.export import statute_publish
from core.statutes.models import Revision, Statute
from core.statutes.services import clause_add, revision_approve, revision_submit, statute_create

SEED_000_DUTIES = [
    ("7.4", "Bilgi notu hazırlamak;", "Prepare the information note;"),
    ("7.5", "YÖK tanınırlık durumunu tespit etmek;", "Check recognition by YÖK;"),
    ("7.6", "Taslak işbirliği protokolü metnini Hukuk Müşavirliği ve Öğrenci İşleri Daire Başkanlığı’na görüş "
            "için üst yazı ile göndermek;",
     "Send the draft protocol to Legal Counsel and Student Affairs for their opinions;"),
    ("7.16", "Gidecek öğrencilerin başvuru evraklarını almak;", "Collect outgoing students' applications;"),
    ("7.16", "Gelen öğrenci ve personelin evraklarının takibini yapmak;", "Follow incoming people's papers;"),
]


def make_job_description(admin, *, in_force_from: date | None = None) -> Statute:
    """Seed 000 as a job description: a section with clauses 7.4–7.16 (7.16 twice, as the seed has it)."""
    statute = statute_create(
        kind=Statute.Kind.JOB_DESCRIPTION, acting_user=admin,
        titles={"tr": "Uluslararası İşbirlikleri Sorumlusu Görev Tanımı",
                "en": "Job description of the International Cooperation Officer"},
        document_number="KYS-GT-431", prepared_by_name="Koordinatör", prepared_by_title={"tr": "Ofis Koordinatörü"},
        approved_by_name="Genel Sekreter", approved_by_title={"tr": "Genel Sekreter"},
        agreed_by=[{"name": "Hukuk Müşavirliği"}],
        job={"position": {"tr": "Uluslararası İşbirlikleri Sorumlusu", "en": "International Cooperation Officer"},
             "superior": {"tr": "Ofis Koordinatörü"}},
    )
    revision = statute.revisions.get()
    section = clause_add(revision=revision, kind="section", number="7.", acting_user=admin,
                         texts={"tr": "GÖREV, YETKİ VE SORUMLULUKLARI", "en": "DUTIES, POWERS AND RESPONSIBILITIES"})
    for number, turkish, english in SEED_000_DUTIES:
        clause_add(revision=revision, parent=section, number=number, texts={"tr": turkish, "en": english},
                   acting_user=admin)
    if in_force_from is not None:
        revision_submit(revision=revision, acting_user=admin)
        revision_approve(revision=revision, in_force_from=in_force_from, acting_user=admin)
    return statute


@pytest.fixture
def statute_a(university_a, people_a):
    """Seed 000's job description in force since 1 September 2014, in Kastamonu."""
    with tenant_context(university_a):
        return make_job_description(people_a["admin"], in_force_from=date(2014, 9, 1))


@pytest.fixture
def published_statute_a(university_a, statute_a):
    """`statute_a` with the public copies the worker writes after approval."""
    with tenant_context(university_a):
        statute_publish(revision=statute_a.revisions.get(number=0))
    return statute_a


@pytest.fixture
def draft_statute_a(university_a, people_a):
    """A statute never approved: its revision 00 is a draft."""
    with tenant_context(university_a):
        return make_job_description(people_a["admin"])


@pytest.fixture
def statute_b(university_b, admin_b):
    """A statute of Osh, in force."""
    with tenant_context(university_b):
        statute = statute_create(kind=Statute.Kind.STATUTE, acting_user=admin_b,
                                 titles={"ky": "Эл аралык байланыштар бөлүмүнүн жобосу"})
        revision = statute.revisions.get()
        clause_add(revision=revision, number="1.", texts={"ky": "Бөлүм ректордун буйругу менен түзүлгөн."},
                   acting_user=admin_b)
        revision_submit(revision=revision, acting_user=admin_b)
        revision_approve(revision=revision, in_force_from=date(2023, 9, 1), acting_user=admin_b)
        return statute


def revision_of(university, statute: Statute, number: int) -> Revision:
    with schema_context(university.schema_name):
        return Revision.objects.select_related("statute").get(statute=statute, number=number)
