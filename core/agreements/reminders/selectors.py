"""The office's reminder settings, read by the reminder run and the settings page."""

from core.office.models import OfficeSettings


def reminder_settings_get() -> OfficeSettings:
    """The office's reminder settings; the defaults until an office admin saves their own."""
    return OfficeSettings.objects.filter(pk=OfficeSettings.SINGLETON_PK).first() or OfficeSettings(
        pk=OfficeSettings.SINGLETON_PK
    )
