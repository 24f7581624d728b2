"""No Celery task can hold a worker for ever: every one runs under a soft and a hard time limit."""

from kopru.celery import app

LONG_RUNNING = {"console.tasks.provision_university", "console.tasks.purge_deleted_universities"}


def kopru_tasks() -> dict:
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}


def test_every_task_runs_under_a_soft_and_a_hard_time_limit():
    tasks = kopru_tasks()

    assert (app.conf.task_soft_time_limit, app.conf.task_time_limit) == (300, 360)
    assert {"core.statutes.tasks.export_statute", "core.agreements.tasks.send_reminders", *LONG_RUNNING} <= set(tasks)
    for name, task in tasks.items():
        soft = task.soft_time_limit or app.conf.task_soft_time_limit
        hard = task.time_limit or app.conf.task_time_limit
        assert soft and hard and soft < hard, name


def test_provisioning_and_purging_may_run_longer_than_other_tasks():
    tasks = kopru_tasks()

    for name in LONG_RUNNING:
        assert app.conf.task_soft_time_limit < tasks[name].soft_time_limit < tasks[name].time_limit, name
