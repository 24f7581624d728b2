"""An office's template is filled in a sandbox: it reaches no Python internals and cannot run long or large.

Each payload is tried where an office admin can put it: uploaded (the upload fills the template
with sample data first) and generated from (a template stored before these rules, or under
larger bounds, is filled again at every generation).
"""

import time

import pytest
from django.core.files.base import ContentFile
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from django_tenants.utils import schema_context

from core.documents.defaults import default_template
from core.documents.engine import render_docx
from core.documents.kinds import KINDS
from core.documents.models import DocumentTemplate, GeneratedDocument
from core.partners.models import Partner
from kopru.errors import ServiceError
from tests.core.accounts.helpers import api, in_english
from tests.core.documents.helpers import docx_text, docx_upload, docx_with, flat
from tests.uploads import assert_refused

ITERATIONS = "template_too_many_iterations"
TEXT = "template_too_much_text"
NOT_ALLOWED = "template_not_allowed"
# Each costly payload, the error it gets and what its message says (limits as settings give them).
TOO_COSTLY = [
    ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", ITERATIONS,
     "The template's loops run more than 100,000 times."),
    ("{{ range(1000000000)|list }}", ITERATIONS, "more than 100,000 times"),
    ("{{ 'x' * 1000000000 }}", TEXT, "The template makes more than 10,000,000 characters of text."),
    ("{{ 'x'|center(1000000000) }}", TEXT, "more than 10,000,000 characters"),
    ("{{ '%1000000000s'|format(1) }}", TEXT, "more than 10,000,000 characters"),
    ("{{ '%1000000000s' % 1 }}", TEXT, "more than 10,000,000 characters"),
    ("{{ '{:>1000000000}'.format(1) }}", TEXT, "more than 10,000,000 characters"),
    ("{{ 'x'.ljust(1000000000) }}", TEXT, "more than 10,000,000 characters"),
    # Jinja's ** groups from the left: 9**9**9 is (9**9)**9, 78 digits; this is the large one.
    ("{{ 9**(9**9) }}", TEXT, "more than 10,000,000 characters"),
    ("{{ ('x' * 100000) * 100000 }}", TEXT, "more than 10,000,000 characters"),
    ("{% set a = 'x' * 4000000 %}{{ a ~ a ~ a }}", TEXT, "more than 10,000,000 characters"),
    ("{{ 'ab'.replace('', 'x' * 9000000) }}", TEXT, "more than 10,000,000 characters"),
]


def escapes(marker) -> list[tuple[str, str, str]]:
    """Classic ways out of a template, each with the error it gets and what its message says."""
    return [
        (f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}", NOT_ALLOWED,
         "The template uses something that is not allowed: access to attribute '__init__'"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", NOT_ALLOWED, "attribute '__class__' of 'str'"),
        ("{{ self._TemplateReference__context }}", NOT_ALLOWED, "'_TemplateReference__context'"),
        ("{{ partner.name.__class__.__base__.__subclasses__() }}", NOT_ALLOWED, "'__class__'"),
        ("{{ partner.units.append('x') }}", NOT_ALLOWED, "attribute 'append' of 'list' object is unsafe"),
        ("{% macro m() %}x{% endmacro %}{{ m() }}", NOT_ALLOWED, "not allowed: {% macro %}"),
        ("{% include 'core/partners/document_defaults/info_note_en.docx' %}", NOT_ALLOWED, "{% include %}"),
        # The context is the document's data: nothing of the request, the settings or the models.
        ("{{ request.user }}", "template_error", "“{{ request.user }}”, which this document does not know"),
        ("{{ settings.SECRET_KEY }}", "template_error", "“{{ settings.SECRET_KEY }}”"),
    ]


def english_api(university, user):
    return in_english(api(university, user))


def stored_template(university, kind: str, language: str, content: bytes) -> None:
    """An office template kept before these rules (or under larger bounds): never checked by them."""
    with schema_context(university.schema_name):
        template = DocumentTemplate(kind=kind, language=language, version=1)
        template.file.save(f"{kind}_{language}_v1.docx", ContentFile(content), save=False)
        template.save()


# Upload.


def test_a_template_reaching_for_python_is_refused_at_upload_and_runs_nothing(university_a, admin_a, tmp_path):
    client = english_api(university_a, admin_a)
    marker = tmp_path / "ran"

    for payload, code, message in escapes(marker):
        response = client.post("/api/document-templates/info_note/en/", {"file": docx_upload(docx_with(payload))})
        assert_refused(response, code, message, field="file")

    assert not marker.exists()
    with schema_context(university_a.schema_name):
        assert not DocumentTemplate.objects.exists()


@pytest.mark.parametrize(("payload", "code", "message"), TOO_COSTLY)
def test_a_costly_template_is_refused_at_upload_quickly(university_a, admin_a, payload, code, message):
    client = english_api(university_a, admin_a)

    started = time.monotonic()
    response = client.post("/api/document-templates/info_note/en/", {"file": docx_upload(docx_with(payload))})
    took = time.monotonic() - started

    assert_refused(response, code, message, field="file")
    assert took < 3
    with schema_context(university_a.schema_name):
        assert not DocumentTemplate.objects.exists()


def test_a_slow_template_is_stopped_at_its_time_limit(university_a, admin_a, settings):
    settings.KOPRU_TEMPLATE_MAX_SECONDS = 0.5
    # Each item stays within the other bounds; together they would take about half a minute.
    slow = docx_with("{% for i in range(90000) %}{{ range(20000)|sum and '' }}{% endfor %}")

    started = time.monotonic()
    response = english_api(university_a, admin_a).post("/api/document-templates/info_note/en/",
                                                       {"file": docx_upload(slow)})
    took = time.monotonic() - started

    assert_refused(response, "template_too_slow", "takes longer than 0.5 seconds to fill in.", field="file")
    assert took < 3


def test_the_upload_page_names_the_fault(office_a, university_a):
    response = in_english(office_a).post("/documents/templates/info_note/tr/upload/",
                                         {"file": docx_upload(docx_with("{{ 'x' * 1000000000 }}"))}, follow=True)

    assert "The template makes more than 10,000,000 characters of text." in response.content.decode()
    with schema_context(university_a.schema_name):
        assert not DocumentTemplate.objects.exists()


def test_a_template_within_the_bounds_still_works(university_a, admin_a):
    own = docx_with("{% for unit in partner.units %}{{ loop.index }}. {{ unit|upper ~ '!' }}{% endfor %}",
                    "{{ '%05.1f'|format(2.5) }} {{ '{:>6}'.format('ok') }} {{ 'x' * 3 }} {{ 9**9**9 }}",
                    base=default_template("info_note", "en"))
    client = english_api(university_a, admin_a)

    created = client.post("/api/document-templates/info_note/en/", {"file": docx_upload(own)})
    preview = client.get("/api/document-templates/info_note/en/download/?preview=1")

    assert created.status_code == 201, created.content
    text = flat(docx_text(b"".join(preview.streaming_content)))
    assert "1. SAMPLE UNIVERSITY!" in text
    assert f"002.5 ok xxx {(9 ** 9) ** 9}" in text


# Generation.


@pytest.mark.parametrize(("payload", "code", "message"), [TOO_COSTLY[0], TOO_COSTLY[2], TOO_COSTLY[6]])
def test_a_costly_template_is_refused_at_generation(university_a, admin_a, munich_a, payload, code, message):
    stored_template(university_a, "info_note", "en", docx_with(payload))

    response = english_api(university_a, admin_a).post(f"/api/partners/{munich_a.pk}/info-note/",
                                                       {"language": "en"})

    assert_refused(response, code, message, field="file")
    with schema_context(university_a.schema_name):
        assert not GeneratedDocument.objects.exists()


def test_a_template_reaching_for_python_is_refused_at_generation(university_a, admin_a, munich_a, tmp_path):
    marker = tmp_path / "ran"
    payload, code, message = escapes(marker)[0]
    stored_template(university_a, "info_note", "en", docx_with(payload))

    response = english_api(university_a, admin_a).post(f"/api/partners/{munich_a.pk}/info-note/",
                                                       {"language": "en"})

    assert_refused(response, code, message, field="file")
    assert not marker.exists()


def test_a_bound_the_sample_keeps_within_is_still_checked_with_real_data(university_a, admin_a, munich_a):
    # The sample partner has one unit; this one has three, and the loop runs past 100,000 items.
    with schema_context(university_a.schema_name):
        for name in ("Tıp Fakültesi", "Hukuk Fakültesi"):
            munich_a.units.create(name_tr=name)
    loop = docx_with("{% for unit in partner.units %}{% for i in range(40000) %}{% endfor %}{% endfor %}")
    client = english_api(university_a, admin_a)

    uploaded = client.post("/api/document-templates/info_note/en/", {"file": docx_upload(loop)})
    generated = client.post(f"/api/partners/{munich_a.pk}/info-note/", {"language": "en"})

    assert uploaded.status_code == 201
    assert_refused(generated, ITERATIONS, "more than 100,000 times", field="file")


# Plain data.


def test_the_shipped_templates_fill_in_with_plain_sample_data(university_a):
    with schema_context(university_a.schema_name):
        for kind, kind_of in KINDS.items():
            for language in ("tr", "ky", "ru", "en"):
                assert docx_text(render_docx(default_template(kind, language), kind_of.sample(language)))


def test_a_context_with_more_than_data_is_a_programming_error(university_a, munich_a):
    template = docx_with("{{ partner.name }}")

    with schema_context(university_a.schema_name), pytest.raises(TypeError, match=r"context.partner is a .*Partner"):
        render_docx(template, {"partner": Partner.objects.get(pk=munich_a.pk)})
    with pytest.raises(TypeError, match="context.partner.name is a builtins.function, not plain data"):
        render_docx(template, {"partner": {"name": lambda: "Partner"}})


def test_translations_become_text_and_safe_marked_text_is_escaped():
    content = render_docx(docx_with("{{ partner.name }} / {{ partner.kind }}"),
                          {"partner": {"name": mark_safe("Smith & <Sons>"), "kind": gettext_lazy("Report")}})

    assert "Smith & <Sons> / Report" in docx_text(content)


def test_a_template_fault_in_an_expression_is_a_template_error():
    with pytest.raises(ServiceError) as refused:
        render_docx(docx_with("{{ 1 / 0 }}"), {})

    assert refused.value.code == "template_error"
    assert "division by zero" in refused.value.message
