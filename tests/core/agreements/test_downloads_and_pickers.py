"""Downloads keep their names' Turkish letters; file pickers, sizes, dates and languages read in the page's language."""

from urllib.parse import quote

from django_tenants.utils import schema_context

from core.agreements.models import AgreementDocument, CooperationCondition
from kopru.uploads import content_disposition
from tests.core.accounts.helpers import in_english, sign_in
from tests.uploads import upload


def test_a_download_names_the_file_in_full_with_an_ascii_name_for_old_clients():
    assert content_disposition("Senato kararı — Iğdır.pdf") == (
        "attachment; filename=\"Senato karari _ Igdir.pdf\"; "
        f"filename*=UTF-8''{quote('Senato kararı — Iğdır.pdf', safe='')}")
    assert content_disposition("Ош келишими.docx").startswith('attachment; filename="Osh kelishimi.docx"; ')
    assert content_disposition("agreements.csv") == 'attachment; filename="agreements.csv"'
    assert content_disposition('a"b\\c\n.pdf').startswith('attachment; filename="a_b_c_.pdf"; ')


def test_the_agreement_page_downloads_a_document_under_its_turkish_title(client_a, university_a, admin_a,
                                                                         agreement):
    sign_in(client_a, university_a, admin_a)
    client_a.post(f"/agreements/{agreement.pk}/documents/", {
        "kind": "senate_decision", "title": "Senato kararı (Iğdır)", "file": upload()})
    with schema_context(university_a.schema_name):
        document = AgreementDocument.objects.get()

    download = client_a.get(f"/agreements/{agreement.pk}/documents/{document.pk}/v1/")

    header = download["Content-Disposition"]
    assert f"filename*=UTF-8''{quote('Senato kararı (Iğdır).pdf', safe='')}" in header
    assert 'filename="Senato karari (Igdir).pdf"' in header


def test_pages_show_the_file_picker_sizes_and_languages_in_the_pages_language(client_a, university_a, admin_a,
                                                                              agreement):
    with schema_context(university_a.schema_name):
        CooperationCondition.objects.filter(agreement=agreement).update(language="tr")
    in_english(sign_in(client_a, university_a, admin_a))
    client_a.post(f"/agreements/{agreement.pk}/documents/", {"kind": "other", "title": "Protocol", "file": upload()})

    page = client_a.get(f"/agreements/{agreement.pk}/").content.decode()
    importing = client_a.get("/partners/import/").content.decode()

    for html in (page, importing):
        assert '<label class="file-picker"><input type="file"' in html
        assert "Choose a file" in html and 'data-none="No file chosen"' in html
    assert "<td>Turkish B2</td>" in page and "<td>tr B2</td>" not in page
