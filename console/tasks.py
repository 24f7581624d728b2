from celery import shared_task

from console.deletion import universities_purge_due
from console.provisioning import TRANSIENT_DB_ERRORS, provisioning_abandon, provisioning_run

# Creating a schema (migrating it, when not cloned) and dropping several take longer than the
# five minutes every other task gets (kopru/settings/celery.py).
LONG_SOFT_TIME_LIMIT = 30 * 60
LONG_TIME_LIMIT = LONG_SOFT_TIME_LIMIT + 60


@shared_task(bind=True, max_retries=5, soft_time_limit=LONG_SOFT_TIME_LIMIT, time_limit=LONG_TIME_LIMIT)
def provision_university(self, job_id: int) -> None:
    """Set up a university recorded by university_onboard; a finished job is left alone."""
    try:
        provisioning_run(job_id=job_id)
    except TRANSIENT_DB_ERRORS as error:
        if self.request.retries >= self.max_retries:
            provisioning_abandon(job_id=job_id, error=str(error))
            raise
        raise self.retry(exc=error, countdown=2**self.request.retries) from error


@shared_task(autoretry_for=TRANSIENT_DB_ERRORS, retry_backoff=True, max_retries=5,
             soft_time_limit=LONG_SOFT_TIME_LIMIT, time_limit=LONG_TIME_LIMIT)
def purge_deleted_universities() -> list[str]:
    """Beat's daily run: delete the universities whose grace period is over; one failing stays due for the next."""
    return universities_purge_due()
