"""The identifiers institutions carry, checked with errors that say what the right form is."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# "TR KASTAMO01", "D  BERLIN01", "F  PARIS001", "UK LONDON01": country code padded to three
# characters, then the city (letters) and a two- or three-digit number.
ERASMUS_CODE = re.compile(r"^[A-Z]{1,3} {0,2}[A-Z][A-Z-]{1,8}[0-9]{2,3}$")

validate_erasmus_code = RegexValidator(
    ERASMUS_CODE, _("Enter an Erasmus code such as “TR KASTAMO01”: country, city and number."),
    code="invalid_erasmus_code",
)
validate_pic = RegexValidator(
    r"^[0-9]{9}$", _("A PIC has exactly 9 digits."), code="invalid_pic",
)
validate_oid = RegexValidator(
    r"^E[0-9]{8}$", _("An OID is the letter E followed by 8 digits, such as E10208522."), code="invalid_oid",
)
validate_schac = RegexValidator(
    r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    _("A SCHAC code is the institution's domain name, such as kastamonu.edu.tr."), code="invalid_schac",
)

_ROR = re.compile(r"^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$")


def validate_ror(value: str) -> None:
    """A ROR id: 9 characters, starting with 0, Crockford base32, ending in a 2-digit checksum."""
    if not _ROR.match(value) or _ror_checksum(value[:7]) != int(value[7:]):
        raise ValidationError(
            _("A ROR id has 9 characters such as 05dxps055 (the end of https://ror.org/05dxps055)."),
            code="invalid_ror",
        )


_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def _ror_checksum(body: str) -> int:
    number = 0
    for char in body:
        number = number * 32 + _CROCKFORD.index(char)
    return 98 - (number * 100 % 97)


def normalise_ror(value: str) -> str:
    """Accept the id alone or as its https://ror.org/ link."""
    return value.strip().lower().removeprefix("https://ror.org/").removeprefix("http://ror.org/").strip("/")

