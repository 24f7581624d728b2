"""The office's letterhead: read by every letter, changed by the office's administrators."""

from collections.abc import Collection
from io import BytesIO

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy
from docx.image.image import Image
from fpdf import FPDF

from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.documents.models import Letterhead
from kopru.errors import ServiceError, full_clean_or_refuse
from kopru.translated import set_texts
from kopru.uploads import JPEG, PNG, UploadError, check_upload, stored_upload

TRANSLATED = ("unit_name", "address", "contact_title")
PLAIN = ("detsis_number", "file_plan_code", "phone", "email", "kep_address", "contact_name")
MAX_LOGO_MB = 1
# A logo printed 20 mm high needs a few hundred pixels; a side of many thousands only costs memory to decode.
MAX_LOGO_SIDE = 4000
NOT_AN_IMAGE = gettext_lazy("The logo must be a PNG or JPEG picture.")


def letterhead_get() -> Letterhead:
    """The office's letterhead; an empty one (not saved) until the office sets it."""
    return Letterhead.objects.filter(pk=Letterhead.SINGLETON_PK).first() or Letterhead(pk=Letterhead.SINGLETON_PK)


@transaction.atomic(durable=True)
def letterhead_update(*, acting_user, texts: dict[str, dict[str, str]], values: dict[str, str], logo=None,
                      remove_logo: bool = False, checked: Collection[str] = ()) -> Letterhead:
    """Set the letterhead: `texts` by field and language (unit_name, address, contact_title), `values` the plain
    fields; only the fields given change. `logo`, an upload, replaces the logo; `remove_logo` takes it away.
    `checked` names the texts whose other languages still say the same after one was reworded."""
    content_type = _check_logo(logo) if logo else None
    letterhead = letterhead_get()
    set_texts(letterhead, texts, fields=TRANSLATED, checked=checked)
    for field, value in values.items():
        if field not in PLAIN:
            raise ValueError(f"{field} is not a field of the letterhead")
        setattr(letterhead, field, (value or "").strip())
    changed = sorted([*texts, *values])
    if logo or (remove_logo and letterhead.logo):
        changed.append("logo")
    _save(letterhead, logo=logo, content_type=content_type, remove_logo=remove_logo)
    audit_record(actor=acting_user, action=AuditAction.LETTERHEAD_CHANGED, target=letterhead,
                 details={"fields": changed})
    return letterhead


@transaction.atomic(durable=True)
def letterhead_logo_set(*, acting_user, upload) -> Letterhead:
    """Make an uploaded PNG or JPEG the logo at the top left of the office's letters, replacing the one before.

    The file is checked by its content before anything is read or stored; a refused one changes nothing.
    """
    content_type = _check_logo(upload)
    letterhead = letterhead_get()
    _save(letterhead, logo=upload, content_type=content_type)
    audit_record(actor=acting_user, action=AuditAction.LETTERHEAD_CHANGED, target=letterhead,
                 details={"fields": ["logo"]})
    return letterhead


@transaction.atomic(durable=True)
def letterhead_logo_remove(*, acting_user) -> Letterhead:
    """Letters go back to a head without a logo; nothing is written when there is none."""
    letterhead = letterhead_get()
    if not letterhead.logo:
        return letterhead
    _save(letterhead, remove_logo=True)
    audit_record(actor=acting_user, action=AuditAction.LETTERHEAD_CHANGED, target=letterhead,
                 details={"fields": ["logo"]})
    return letterhead


def _check_logo(upload) -> str:
    """The logo's content type once it is a PNG or JPEG every letter can draw: small in bytes and in pixels,
    and drawn once into a PDF as letters will, so that a damaged picture is refused here rather than failing
    every letter after it."""
    content_type = check_upload(upload, allowed={PNG, JPEG}, max_mb=MAX_LOGO_MB, refusal=NOT_AN_IMAGE, field="logo")
    content = upload.read()
    upload.seek(0)
    try:
        image = Image.from_blob(content)
    except Exception as error:  # noqa: BLE001 (a damaged header raises what the parser meets first)
        raise _logo_refused(UploadError.FILE_TYPE, str(NOT_AN_IMAGE)) from error
    if max(image.px_width, image.px_height) > MAX_LOGO_SIDE:
        raise _logo_refused(UploadError.FILE_TOO_LARGE, gettext(
            "The logo is more than %(pixels)s pixels wide or high.") % {
            "pixels": number_format(MAX_LOGO_SIDE, force_grouping=True)})
    try:
        trial = FPDF()
        trial.add_page()
        trial.image(BytesIO(content), h=20)
        trial.output()
    except Exception as error:  # noqa: BLE001 (whatever the decoders raise, letters could not draw it)
        raise _logo_refused(UploadError.FILE_TYPE, str(NOT_AN_IMAGE)) from error
    return content_type


def _logo_refused(code: UploadError, message: str) -> ServiceError:
    return ServiceError(code, message, fields={"logo": [message]})


def _save(letterhead: Letterhead, *, logo=None, content_type: str = "", remove_logo: bool = False) -> None:
    """Check and keep the letterhead with its new logo, or without one; a replaced logo's file goes once the
    change is committed (were it rolled back, the row would still name it)."""
    previous = letterhead.logo.name
    if remove_logo and not logo:
        letterhead.logo = ""
    full_clean_or_refuse(letterhead)
    if logo:  # written only once the rest is found valid, so a refusal leaves no file behind
        letterhead.logo.save(stored_upload(logo, content_type).name, logo, save=False)
    letterhead.save()
    if previous and previous != letterhead.logo.name:
        storage = letterhead.logo.storage
        transaction.on_commit(lambda: storage.delete(previous))


def letterhead_logo(letterhead: Letterhead | None = None) -> bytes | None:
    """The bytes of the office's logo, or None: what the letters' renderers draw at the head."""
    letterhead = letterhead or letterhead_get()
    if not letterhead.logo:
        return None
    with letterhead.logo.open("rb") as stored:
        return stored.read()


def reference_prefix(letterhead: Letterhead) -> str | None:
    """"E-<DETSİS>-<file-plan code>-" once both are set: the form of an electronic official letter's number."""
    if letterhead.detsis_number and letterhead.file_plan_code:
        return f"E-{letterhead.detsis_number}-{letterhead.file_plan_code}-"
    return None
