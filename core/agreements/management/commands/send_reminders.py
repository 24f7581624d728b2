from core.agreements.reminders.services import reminders_send
from tenants.commands import EachUniversityCommand


class Command(EachUniversityCommand):
    help = "Send the reminders due today (expiring agreements, waiting workflow steps), as the daily job does."

    def handle_university(self, university, **options) -> str:
        run = reminders_send()
        return f"{run.expiry} expiry, {run.step_waiting} waiting step"
