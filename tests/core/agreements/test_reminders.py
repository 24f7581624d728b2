"""Reminders of expiring agreements and waiting workflow steps: once each, to the right people, in their language."""

from datetime import date, timedelta
from io import StringIO

import pytest
from celery.signals import before_task_publish
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tenants.utils import tenant_context

from core.agreements.models import Agreement, ReminderLog, WorkflowStep
from core.agreements.reminders.services import due_expiry_threshold, reminder_settings_update, reminders_send
from core.agreements.tasks import send_reminders_everywhere
from core.notifications.models import Notification
from core.office.models import Role
from kopru.celery import app as celery_app
from tenants.models import University
from tests.conftest import make_office_user
from tests.factories.agreements import AgreementFactory, WorkflowStepFactory
from tests.factories.partners import PartnerFactory

TODAY = date(2027, 1, 4)


def legal_step(*, role: str, reminder_days: int | None = None) -> WorkflowStep:
    return WorkflowStepFactory(code="legal", names={"en": "Legal Counsel's opinion", "tr": "Hukuk Müşavirliği görüşü"},
                               role=role, reminder_days=reminder_days)


def waiting_at(step: WorkflowStep, *, days: int, partners, **fields) -> Agreement:
    """An agreement in approval that entered `step` the given number of days ago."""
    return AgreementFactory(partners=partners, status=Agreement.Status.IN_APPROVAL, workflow=step.workflow,
                            current_step=step, step_since=timezone.now() - timedelta(days=days), **fields)



@pytest.fixture
def recipients_a(university_a):
    """Kastamonu's office: an admin reading English, a coordinator on the default (Turkish), two officers."""
    return {
        "admin": make_office_user(university_a, username="ayse", email="ayse@kastamonu.example", language="en"),
        "coordinator": make_office_user(university_a, username="mehmet", role=Role.COORDINATOR,
                                        email="mehmet@kastamonu.example"),
        "author": make_office_user(university_a, username="zeynep", role=Role.OFFICER,
                                   email="zeynep@kastamonu.example"),
        "officer": make_office_user(university_a, username="emre", role=Role.OFFICER, email="emre@kastamonu.example"),
    }


@pytest.fixture
def partner_a(university_a):
    with tenant_context(university_a):
        return PartnerFactory(names={"en": "University of Graz", "tr": "Graz Üniversitesi"}, country="AT")


def notified(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("title", flat=True))


@pytest.mark.parametrize(("days_left", "sent", "due"), [
    (200, set(), None),
    (180, set(), 180),
    (100, set(), 180),
    (100, {180}, None),
    (89, {180}, 90),
    (25, set(), 30),  # first seen late: only the smallest threshold it is within
    (25, {30}, None),
    (60, {30}, None),  # a smaller one already went out (thresholds changed since): nothing larger
    (0, {180, 90}, 30),
])
def test_which_threshold_is_due(days_left, sent, due):
    assert due_expiry_threshold(days_left, [180, 90, 30], sent) == due


def test_an_expiring_agreement_is_reminded_once_per_threshold_however_often_the_job_runs(
        university_a, recipients_a, partner_a):
    with tenant_context(university_a):
        agreement = AgreementFactory(partners=[partner_a], ends_on=TODAY + timedelta(days=100),
                                     created_by=recipients_a["author"])

        # when: the job runs twice a day, on days with 100, 95, 89, 29, 20, 0 and -1 days left
        runs = [reminders_send(today=TODAY + timedelta(days=offset)).expiry
                for offset in (0, 0, 5, 11, 11, 71, 71, 80, 100, 101)]

        # then
        assert runs == [1, 0, 0, 1, 0, 1, 0, 0, 0, 0]
        assert sorted(ReminderLog.objects.filter(agreement=agreement).values_list("threshold", flat=True)) == [
            30, 90, 180]
        for person in ("admin", "coordinator", "author"):
            assert len(notified(recipients_a[person])) == 3
        assert notified(recipients_a["officer"]) == []  # not responsible for this agreement
        assert Notification.objects.filter(recipient=recipients_a["admin"]).first().link == (
            f"/agreements/{agreement.pk}/")


def test_an_agreement_first_seen_within_30_days_gets_only_the_30_day_reminder(university_a, recipients_a, partner_a):
    with tenant_context(university_a):
        agreement = AgreementFactory(partners=[partner_a], ends_on=TODAY + timedelta(days=20))

        first = reminders_send(today=TODAY)
        later = [reminders_send(today=TODAY + timedelta(days=offset)).expiry for offset in (1, 10, 20)]

        assert first.expiry == 1 and later == [0, 0, 0]
        assert list(ReminderLog.objects.filter(agreement=agreement).values_list("threshold", flat=True)) == [30]
        assert len(notified(recipients_a["admin"])) == 1


def test_a_renewed_agreement_is_reminded_again_and_others_are_left_alone(university_a, recipients_a, partner_a):
    with tenant_context(university_a):
        agreement = AgreementFactory(partners=[partner_a], ends_on=TODAY + timedelta(days=20))
        for status in ("draft", "in_approval", "expired", "terminated"):
            AgreementFactory(partners=[partner_a], status=status, ends_on=TODAY + timedelta(days=20))
        AgreementFactory(partners=[partner_a])  # in force without an end date
        reminders_send(today=TODAY)

        agreement.ends_on = TODAY + timedelta(days=365 + 20)
        agreement.save()
        renewed = reminders_send(today=TODAY + timedelta(days=365))

        assert renewed.expiry == 1
        assert ReminderLog.objects.count() == 2
        assert len(notified(recipients_a["admin"])) == 2


def test_thresholds_come_from_the_office_settings(university_a, recipients_a, partner_a):
    with tenant_context(university_a):
        reminder_settings_update(expiry_reminder_days=[60], step_reminder_days=14, acting_user=recipients_a["admin"])
        AgreementFactory(partners=[partner_a], ends_on=TODAY + timedelta(days=100))

        assert reminders_send(today=TODAY).expiry == 0  # 180 is no longer a threshold
        assert reminders_send(today=TODAY + timedelta(days=40)).expiry == 1
        reminder_settings_update(expiry_reminder_days=[], step_reminder_days=14, acting_user=recipients_a["admin"])
        assert reminders_send(today=TODAY + timedelta(days=99)).expiry == 0


def test_a_step_waiting_too_long_reminds_the_people_of_its_role_once_per_stay(university_a, recipients_a, partner_a):
    with tenant_context(university_a):
        step = legal_step(role=Role.COORDINATOR, reminder_days=5)
        late = waiting_at(step, days=6, partners=[partner_a], titles={"en": "Late protocol"})
        waiting_at(step, days=4, partners=[partner_a], titles={"en": "Recent protocol"})

        first, again = reminders_send().step_waiting, reminders_send().step_waiting
        # sent back, it enters the step again and waits too long once more
        late.step_since -= timedelta(days=3)
        late.save()
        re_entered = reminders_send().step_waiting

        assert (first, again, re_entered) == (1, 0, 1)
        titles = notified(recipients_a["coordinator"])
        assert len(titles) == 2 and all("Late protocol" in title for title in titles)
        assert "Hukuk Müşavirliği görüşü" in titles[0]  # the step's name in the coordinator's language
        assert notified(recipients_a["admin"]) == notified(recipients_a["author"]) == []


def test_a_step_without_its_own_period_waits_as_long_as_the_office_says(university_a, recipients_a, partner_a):
    with tenant_context(university_a):
        step = legal_step(role=Role.OFFICER)
        waiting_at(step, days=10, partners=[partner_a])

        assert reminders_send().step_waiting == 0  # the default is 14 days
        reminder_settings_update(expiry_reminder_days=[90], step_reminder_days=7, acting_user=recipients_a["admin"])
        assert reminders_send().step_waiting == 1
        assert len(notified(recipients_a["officer"])) == len(notified(recipients_a["author"])) == 1


def test_a_step_nobody_holds_is_reminded_once_someone_does(university_a, recipients_a, partner_a):
    with tenant_context(university_a):
        waiting_at(legal_step(role=Role.VIEWER, reminder_days=2), days=3, partners=[partner_a])

        assert reminders_send().step_waiting == 0
        assert not ReminderLog.objects.exists()
        viewer = make_office_user(university_a, username="izleyici", role=Role.VIEWER)
        assert reminders_send().step_waiting == 1
        assert len(notified(viewer)) == 1


def test_a_unit_staff_step_reminds_the_staff_of_the_agreements_units_only(university_a, recipients_a, partner_a,
                                                                          units_a):
    forestry_staff = make_office_user(university_a, username="orman", role=Role.UNIT_STAFF,
                                      academic_unit=units_a["forestry"])
    medicine_staff = make_office_user(university_a, username="tip", role=Role.UNIT_STAFF,
                                      academic_unit=units_a["medicine"])
    with tenant_context(university_a):
        agreement = waiting_at(legal_step(role=Role.UNIT_STAFF, reminder_days=3), days=4, partners=[partner_a])
        agreement.units.set([units_a["wood"]])

        reminders_send()

        assert len(notified(forestry_staff)) == 1
        assert notified(medicine_staff) == []


def test_each_recipient_reads_the_reminder_and_its_email_in_their_language(
        university_a, recipients_a, partner_a, celery_eager, django_capture_on_commit_callbacks):
    with tenant_context(university_a):
        AgreementFactory(partners=[partner_a], titles={"en": "Exchange protocol", "tr": "Değişim protokolü"},
                         ends_on=date(2027, 3, 1))
        with django_capture_on_commit_callbacks(execute=True):
            reminders_send(today=date(2027, 2, 1))
        turkish = Notification.objects.get(recipient=recipients_a["coordinator"])
        english = Notification.objects.get(recipient=recipients_a["admin"])

    mails = {message.to[0]: message for message in mail.outbox}
    assert set(mails) == {"ayse@kastamonu.example", "mehmet@kastamonu.example"}
    assert "Değişim protokolü" in turkish.title and "Graz Üniversitesi" in turkish.text and "Mart" in turkish.text
    assert "Exchange protocol" in english.title and "University of Graz" in english.text
    assert "1 March 2027" in english.text  # day first, as an office in Europe writes
    assert mails["mehmet@kastamonu.example"].subject == turkish.title
    assert mails["ayse@kastamonu.example"].body.startswith(english.text)
    assert "://kastamonu.localhost" in mails["ayse@kastamonu.example"].body
    with tenant_context(university_a):
        assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_in_osh_the_reminder_is_in_kyrgyz_unless_the_person_reads_russian(university_b, partner_a):
    kyrgyz = make_office_user(university_b, username="aibek")
    russian = make_office_user(university_b, username="olga", role=Role.COORDINATOR, language="ru")
    with tenant_context(university_b):
        partner = PartnerFactory(names={"en": "Manas University", "ky": "Манас университети",
                                        "ru": "Университет Манас"}, country="KG")
        AgreementFactory(partners=[partner], titles={"en": "Protocol", "ky": "Келишим", "ru": "Соглашение"},
                         ends_on=date(2027, 3, 1))
        reminders_send(today=date(2027, 2, 1))

        assert "Келишим" in notified(kyrgyz)[0]
        assert "Соглашение" in notified(russian)[0]
        assert "Март" in Notification.objects.get(recipient=kyrgyz).text
        assert "марта" in Notification.objects.get(recipient=russian).text


def _expiring_agreement_in(university):
    with tenant_context(university):
        partner = PartnerFactory(names={"en": "Partner"}, country="DE")
        AgreementFactory(partners=[partner], ends_on=timezone.localdate() + timedelta(days=10))


def test_the_daily_job_queues_one_task_per_active_university_with_its_schema(university_a, university_b):
    published = []

    def record(sender=None, headers=None, **_kwargs):
        published.append((sender, headers["_schema_name"]))

    before_task_publish.connect(record)
    try:
        # as beat's worker runs it: in the public schema, the broker in memory
        queued = send_reminders_everywhere()
        University.objects.filter(pk=university_b.pk).update(status=University.Status.SUSPENDED)
        published_before_suspension = list(published)
        published.clear()
        send_reminders_everywhere()
    finally:
        before_task_publish.disconnect(record)

    assert queued == 2
    assert published_before_suspension == [("core.agreements.tasks.send_reminders", "kastamonu"),
                                           ("core.agreements.tasks.send_reminders", "osh")]
    assert published == [("core.agreements.tasks.send_reminders", "kastamonu")]


def test_each_university_reminds_its_own_people_from_the_daily_job(university_a, university_b, celery_eager):
    ayse = make_office_user(university_a, username="ayse")
    aibek = make_office_user(university_b, username="aibek")
    _expiring_agreement_in(university_a)
    _expiring_agreement_in(university_b)

    send_reminders_everywhere.delay()

    with tenant_context(university_a):
        assert len(notified(ayse)) == 1 and ReminderLog.objects.count() == 1
    with tenant_context(university_b):
        assert len(notified(aibek)) == 1 and ReminderLog.objects.count() == 1


def test_the_command_runs_the_same_reminders_for_one_schema_or_all(university_a, university_b):
    ayse = make_office_user(university_a, username="ayse")
    aibek = make_office_user(university_b, username="aibek")
    _expiring_agreement_in(university_a)
    _expiring_agreement_in(university_b)
    out = StringIO()

    call_command("send_reminders", "--schema", "kastamonu", stdout=out)
    with tenant_context(university_b):
        assert notified(aibek) == []
    call_command("send_reminders", stdout=out)

    assert out.getvalue().splitlines() == ["kastamonu: 1 expiry, 0 waiting step", "kastamonu: 0 expiry, 0 waiting step",
                                           "osh: 1 expiry, 0 waiting step"]
    with tenant_context(university_a):
        assert len(notified(ayse)) == 1
    with tenant_context(university_b):
        assert len(notified(aibek)) == 1
    with pytest.raises(CommandError):
        call_command("send_reminders", "--schema", "nowhere")


def test_the_job_runs_every_day_at_seven_in_istanbul():
    entry = celery_app.conf.beat_schedule["send-reminders"]

    assert entry["task"] == send_reminders_everywhere.name
    assert (entry["schedule"].hour, entry["schedule"].minute, entry["schedule"].day_of_week) == (
        {7}, {0}, set(range(7)))
    assert celery_app.conf.timezone == "Europe/Istanbul"
