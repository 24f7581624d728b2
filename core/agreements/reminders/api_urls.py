from django.urls import path

from core.agreements.reminders import api

urlpatterns = [
    path("reminder-settings/", api.ReminderSettingsApi.as_view(), name="api-reminder-settings"),
]
