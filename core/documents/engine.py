"""Fill a DOCX template with a context; any fault of the template becomes one clear error.

Placeholders are Jinja (`{{ partner.name }}`, docxtpl's `{%p for %}` and `{%tr for %}`).
Undefined names raise (StrictUndefined) instead of leaving a gap, and the error names
the placeholder or the paragraph at fault, so the office never gets half a document.
The template is the office's, so it is rendered in the sandbox (core/documents/sandbox.py),
with plain data only and within bounds of time, loop length and text.
"""

import re
import zipfile
from io import BytesIO

from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from lxml.etree import XMLSyntaxError

from core.documents.errors import DocumentError
from core.documents.layout import LOGO_NAME
from core.documents.sandbox import (
    TemplateTooManyIterations,
    TemplateTooMuchText,
    TemplateTooSlow,
    plain_data,
    sandboxed_environment,
)
from kopru.errors import ServiceError
from kopru.uploads import CONTENT_TYPES, DOCX

DOCX_CONTENT_TYPE = CONTENT_TYPES[DOCX]
# Escaped values keep a partner called "Smith & Sons" from breaking the document's XML.
DOCX_ENVIRONMENT = sandboxed_environment(autoescape=True)
# Not a DOCX at all: not a ZIP, a ZIP without a document, or a document that is not XML.
NOT_DOCX_ERRORS = (zipfile.BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError, ValueError)
NOT_DOCX = gettext_lazy(
    "This file is not a DOCX document. Save it from your word processor as a Word document (.docx).")
# Faults a template's own expressions can raise besides Jinja's: 1/0, 1 + 'a', a number too long to write.
EXPRESSION_ERRORS = (ArithmeticError, TypeError, ValueError, RecursionError)
# A bound a render went past (core/documents/sandbox.py): the error's code and message.
TOO_COSTLY = {
    TemplateTooSlow: (DocumentError.TEMPLATE_TOO_SLOW, gettext_lazy(
        "The template takes longer than %(limit)s seconds to fill in. Make its loops and calculations simpler.")),
    TemplateTooManyIterations: (DocumentError.TEMPLATE_TOO_MANY_ITERATIONS, gettext_lazy(
        "The template's loops run more than %(limit)s times. Make its loops and ranges shorter.")),
    TemplateTooMuchText: (DocumentError.TEMPLATE_TOO_MUCH_TEXT, gettext_lazy(
        "The template makes more than %(limit)s characters of text. Check what it repeats or widens, "
        "for example with *, **, center or format.")),
}


def not_docx_error() -> ServiceError:
    message = str(NOT_DOCX)
    return ServiceError(DocumentError.NOT_DOCX, message, fields={"file": [message]})


def render_docx(template: bytes, context: dict, *, logo: bytes | None = None) -> bytes:
    """The template filled with the context, as DOCX bytes; ServiceError when either is at fault.

    `logo`, the office's PNG or JPEG, takes the place of the template's picture named LOGO_NAME;
    without one that picture is taken out. The bytes never enter the sandboxed context.
    """
    try:
        document = DocxTemplate(BytesIO(template))
        document.init_docx()
    except NOT_DOCX_ERRORS as error:
        raise not_docx_error() from error
    context = plain_data(context)
    try:
        document.render(context, jinja_env=DOCX_ENVIRONMENT)
    except TemplateError as error:
        raise template_error(error, _template_lines(document)) from error
    except XMLSyntaxError as error:
        # A tag that cuts through Word's formatting, e.g. `{%p %}` inside a table cell's run.
        raise _error(gettext("The template's tags break the document's structure: %(detail)s") % {
            "detail": str(error)}) from error
    except EXPRESSION_ERRORS as error:
        raise _error(gettext("The template cannot be filled in: %(detail)s") % {"detail": str(error)}) from error
    _place_logo(document, logo)
    output = BytesIO()
    document.save(output)
    return output.getvalue()


DRAWING = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing"


def _place_logo(document: DocxTemplate, logo: bytes | None) -> None:
    """Put the logo into each picture named LOGO_NAME of the body, headers and footers, as high as the picture
    and as wide as the logo's proportions ask; take those pictures out when there is no logo.

    docxtpl's replace_pic would keep the placeholder's proportions and refuse a template without
    it, so the picture's part and size are set here, after rendering and before saving (python-docx's
    xpath knows the pic, a, wp and r prefixes).
    """
    main = document.docx.part
    parts = [main, *(relation.target_part for relation in main.rels.values()
                     if relation.reltype in (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER))]
    try:
        image = Image.from_blob(logo) if logo else None
    except UnrecognizedImageError:
        image = None
    placed: list = []
    for part in parts:
        for name in part.element.xpath(f'.//pic:cNvPr[@name="{LOGO_NAME}"]'):
            drawing = next(name.iterancestors(DRAWING), None)
            if drawing is None:
                continue
            blip = drawing.xpath(".//a:blip/@r:embed")
            if image is None:
                drawing.getparent().remove(drawing)
                if blip:
                    part.drop_rel(blip[0])  # and the placeholder's file with it, once nothing else shows it
                continue
            if not blip or blip[0] not in part.rels:
                continue
            picture = part.rels[blip[0]].target_part
            if picture not in placed:
                placed.append(picture)
                picture._blob = logo
                picture._content_type = image.content_type
                # The part's name gives its format to a word processor that goes by it, a JPEG's too.
                picture.partname = PackURI(f"/word/media/letterhead-logo-{len(placed)}.{image.ext}")
            for extent in drawing.xpath(".//wp:extent | .//a:xfrm/a:ext"):
                height = int(extent.get("cy"))
                extent.set("cx", str(height * image.px_width // max(image.px_height, 1)))


def _template_lines(document: DocxTemplate) -> list[str]:
    """The template's text as Jinja sees it, one paragraph per line (docxtpl renders it so)."""
    xml = document.patch_xml(document.get_xml())
    xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
    return [re.sub(r"<[^>]+>", "", line) for line in xml.splitlines()]


def template_error(error: TemplateError, lines: list[str]) -> ServiceError:
    """A translated message naming what in the template is wrong, and where."""
    if type(error) in TOO_COSTLY:
        code, message = TOO_COSTLY[type(error)]
        return _error(str(message) % {"limit": number_format(error.limit, force_grouping=True)}, code=code)
    if isinstance(error, SecurityError):
        return _error(gettext("The template uses something that is not allowed: %(detail)s") % {
            "detail": error.message or str(error)}, code=DocumentError.TEMPLATE_NOT_ALLOWED)
    if isinstance(error, UndefinedError):
        name = _last_quoted(error.message or "")
        return _error(gettext("The template uses the placeholder “%(placeholder)s”, which this document does "
                              "not know. Check its spelling against the list of placeholders.") % {
            "placeholder": _placeholder_with(name, lines) or name})
    if isinstance(error, TemplateSyntaxError):
        detail = error.message or ""
        block = re.search(r"innermost block that needs to be closed is '(\w+)'", detail)
        if block:
            return _error(gettext("The template opens a “%(opening)s” block and never closes it: add "
                                  "“%(closing)s” where it should end.") % {
                "opening": f"{{% {block.group(1)} %}}", "closing": f"{{% end{block.group(1)} %}}"})
        near = lines[error.lineno - 1].strip() if error.lineno and error.lineno <= len(lines) else ""
        return _error(gettext("The template cannot be read near “%(text)s”: %(detail)s") % {
            "text": near[:120], "detail": detail})
    return _error(gettext("The template cannot be filled in: %(detail)s") % {"detail": str(error)})


def _error(message: str, *, code: DocumentError = DocumentError.TEMPLATE_ERROR) -> ServiceError:
    return ServiceError(code, message, fields={"file": [message]})


def _last_quoted(message: str) -> str:
    quoted = re.findall(r"'([^']+)'", message)
    return quoted[-1] if quoted else message


def _placeholder_with(name: str, lines: list[str]) -> str:
    """The first placeholder or tag of the template that mentions `name`, as the author typed it."""
    pattern = re.compile(r"\{[{%][^{}]*?\b" + re.escape(name) + r"\b[^{}]*?[}%]\}")
    for line in lines:
        found = pattern.search(line)
        if found:
            return found.group(0)
    return ""
