"""Text as people enter it, without the control characters that come along with it.

A name pasted from Word carries U+000B (its line break), a form posted by a script may
carry NUL or escape sequences; none of them belong in a name, PostgreSQL refuses NUL, and
a spreadsheet refuses most of the rest. `clean_text` keeps tab and newline only in text
that may run over several lines; `CleanText` applies it to every text field of a model
when its full_clean() runs, which every service does before it saves.
"""

import re

from django.db import models

# C0 controls, DEL and C1 controls (Unicode category Cc).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Controls that separate words or lines: in a one-line text they become a space.
_SPACING = re.compile(r"\r\n|[\t\n\x0b\x0c\r\x85]")
_LINE_BREAK = re.compile(r"\r\n|[\x0b\x0c\r\x85]")
_MULTILINE_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """`value` without control characters; line breaks become spaces unless `multiline` keeps them (as "\\n")."""
    if multiline:
        return _MULTILINE_CONTROL.sub("", _LINE_BREAK.sub("\n", value))
    return _CONTROL.sub("", _SPACING.sub(" ", value))


class CleanText:
    """A model mixin: full_clean() first cleans each CharField (one line) and TextField (several lines)."""

    def clean_fields(self, exclude=None):
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, clean_text(value, multiline=isinstance(field, models.TextField)))
        super().clean_fields(exclude=exclude)
