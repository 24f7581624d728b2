"""Whether, and by whom, a university must see a foreign partner recognised before an agreement: its country's rule.

Turkish universities check the partner against YÖK's list of recognised institutions (okul tanıma, seed 000 7.5).
Kyrgyz universities have no such rule: the Ministry of Education and Science recognises foreign diplomas, not
partner institutions, and the approval chain of seed 004 has no recognition step. A country without a policy sees
no recognition column, filter, info-note section or workflow check.
"""

from dataclasses import dataclass

from django.db import connection
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tenants.models import University


@dataclass(frozen=True)
class RecognitionPolicy:
    country: str
    authority: Promise  # who recognises foreign institutions, as a sentence names it: "YÖK"

    @property
    def label(self) -> str:
        """The check's name in the active language: "Recognition by YÖK"."""
        return gettext("Recognition by %(authority)s") % {"authority": self.authority}


RECOGNITION_POLICIES: dict[str, RecognitionPolicy] = {
    "TR": RecognitionPolicy(country="TR", authority=_("YÖK")),
}


def recognition_policy(country: str | None = None) -> RecognitionPolicy | None:
    """The policy of `country`, by default the current university's; None where nothing is to be checked."""
    if country is None:
        country = getattr(getattr(connection, "tenant", None), "country", None)
    if country is None:  # a schema selected by name only (a task, a shell): read its university
        country = University.objects.filter(schema_name=connection.schema_name).values_list(
            "country", flat=True).first()
    return RECOGNITION_POLICIES.get(country or "")
