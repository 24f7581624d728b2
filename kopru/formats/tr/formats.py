# Turkish official writing gives dates as 03.12.2026 (as Köprü's letters do); Django's short form is "03 Ara 2026".
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
