"""The demo: the public tenant, a platform admin and four universities with known passwords (KOPRU_DEMO only).

Every function here can run again on the same database and changes nothing the second time.
"""

from django.db import transaction
from django_tenants.utils import tenant_context

from console.provisioning import provisioning_run
from console.services import university_onboard
from core.accounts.models import User
from core.agreements.models import WorkflowStep
from core.agreements.workflow.services import workflow_seed_default
from core.office.models import AcademicUnit, Membership, Role
from core.office.services import unit_create
from demo.partners import demo_partners_ensure
from demo.statutes import demo_statutes_ensure
from tenants.models import ProvisioningJob, University
from tenants.public import public_tenant_ensure

DEMO_PASSWORD = "kopru-demo"  # noqa: S105 - published in the README, refused by production settings

# The clauses of seed 004, Osh State University's own statute, that ask for each step of its workflow: the Kyrgyz
# default carries none, since another Kyrgyz university's statute numbers its clauses its own way.
WORKFLOW_CLAUSES = {
    "osh": {"draft_with_units": "II.5", "agreed_with_partner": "II.6", "vice_rector": "I.5",
            "rector_approval": "I.3", "in_force": "II.10"},
}

UNIVERSITIES = [
    {
        "slug": "kastamonu", "country": "TR", "city": "Kastamonu", "languages": ["tr", "en"], "default_language": "tr",
        "erasmus_code": "TR KASTAMO01", "website": "https://www.kastamonu.edu.tr",
        "names": {"tr": "Kastamonu Üniversitesi", "ky": "Кастамону университети", "ru": "Университет Кастамону",
                  "en": "Kastamonu University"},
    },
    {
        "slug": "igdir", "country": "TR", "city": "Iğdır", "languages": ["tr", "en"], "default_language": "tr",
        "website": "https://www.igdir.edu.tr",
        "names": {"tr": "Iğdır Üniversitesi", "ky": "Ыгдыр университети", "ru": "Университет Ыгдыр",
                  "en": "Iğdır University"},
    },
    {
        "slug": "osh", "country": "KG", "city": "Ош", "languages": ["ky", "ru", "en"], "default_language": "ky",
        "website": "https://www.oshsu.kg", "short_name": "ОшМУ",
        "names": {"tr": "Oş Devlet Üniversitesi", "ky": "Ош мамлекеттик университети",
                  "ru": "Ошский государственный университет", "en": "Osh State University"},
    },
    {
        "slug": "antalya", "country": "TR", "city": "Antalya", "languages": ["tr", "en"], "default_language": "tr",
        "names": {"tr": "Antalya Akdeniz Üniversitesi", "ky": "Анталья Акдениз университети",
                  "ru": "Университет Акдениз (Анталья)", "en": "Antalya Akdeniz University"},
    },
]

# Two faculties with two departments each.
UNIT_TREE = [
    ({"tr": "Mühendislik ve Mimarlık Fakültesi", "ky": "Инженерия жана архитектура факультети",
      "ru": "Инженерно-архитектурный факультет", "en": "Faculty of Engineering and Architecture"}, [
        {"tr": "Bilgisayar Mühendisliği Bölümü", "ky": "Компьютердик инженерия бөлүмү",
         "ru": "Кафедра компьютерной инженерии", "en": "Department of Computer Engineering"},
        {"tr": "İnşaat Mühendisliği Bölümü", "ky": "Курулуш инженериясы бөлүмү",
         "ru": "Кафедра строительной инженерии", "en": "Department of Civil Engineering"},
    ]),
    ({"tr": "İktisadi ve İdari Bilimler Fakültesi", "ky": "Экономика жана башкаруу илимдери факультети",
      "ru": "Факультет экономических и административных наук",
      "en": "Faculty of Economics and Administrative Sciences"}, [
        {"tr": "İktisat Bölümü", "ky": "Экономика бөлүмү", "ru": "Кафедра экономики",
         "en": "Department of Economics"},
        {"tr": "İşletme Bölümü", "ky": "Бизнести башкаруу бөлүмү", "ru": "Кафедра управления бизнесом",
         "en": "Department of Business Administration"},
    ]),
]


@transaction.atomic
def demo_public_ensure() -> University:
    """The public tenant on the root domain (without it the console's host answers 404) and its platform admin."""
    public = public_tenant_ensure()
    if not User.objects.filter(username="platform").exists():
        User.objects.create_superuser(username="platform", email="platform@kopru.example", password=DEMO_PASSWORD)
    return public


def _unit(names: dict[str, str], kind: str, parent: AcademicUnit | None) -> AcademicUnit:
    existing = AcademicUnit.objects.filter(name_en=names["en"], parent=parent).first()
    return existing or unit_create(names=names, kind=kind, parent=parent, acting_user=None)


@transaction.atomic
def _demo_office_ensure(university: University) -> None:
    with tenant_context(university):
        admin = User.objects.filter(username="admin").first()
        if admin is None:
            admin = User.objects.create_user(username="admin", password=DEMO_PASSWORD,
                                             email=f"admin@{university.slug}.example")
        Membership.objects.get_or_create(user=admin, defaults={"role": Role.OFFICE_ADMIN})
        for faculty_names, departments in UNIT_TREE:
            faculty = _unit(faculty_names, AcademicUnit.Kind.FACULTY, None)
            for department_names in departments:
                _unit(department_names, AcademicUnit.Kind.DEPARTMENT, faculty)
        # Universities made by an earlier demo run may predate the seeded workflow.
        workflow_seed_default(country=university.country)
        for code, clause in WORKFLOW_CLAUSES.get(university.slug, {}).items():
            # Seeding data, as workflow_seed_default writes it; a clause the office has since set is kept.
            WorkflowStep.objects.filter(workflow__is_default=True, code=code, clause="").update(clause=clause)
        demo_partners_ensure(university=university, acting_user=admin)
        demo_statutes_ensure(university=university, acting_user=admin)


def demo_university_ensure(spec: dict, *, on_progress=None) -> University:
    """Onboard and provision one demo university here unless it exists; then its office, partners and agreements."""
    university = University.objects.filter(slug=spec["slug"]).first()
    if university is None:
        job = university_onboard(acting_user=None, admin_email=f"admin@{spec['slug']}.example", queue=False, **spec)
        job = provisioning_run(job_id=job.pk, on_progress=on_progress)
        if job.status != ProvisioningJob.Status.DONE:
            raise RuntimeError(f"Provisioning {spec['slug']} failed: {job.error}")
        university = University.objects.get(slug=spec["slug"])
    if university.status != University.Status.PROVISIONING:
        _demo_office_ensure(university)
    return university
