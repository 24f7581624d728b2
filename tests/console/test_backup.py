"""Backup and restore of one university: a round trip loses nothing, and a failed restore leaves nothing."""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django_tenants.utils import quote_schema_name, schema_context, tenant_context

from console import backup, backup_crypto
from console.backup import university_backup, university_restore
from core.accounts.models import User
from core.agreements.models import CooperationCondition, DocumentVersion
from core.agreements.services import agreement_create, document_add_version
from core.agreements.workflow.services import workflow_seed_default
from core.audit.models import AuditEntry
from core.office.models import AcademicUnit, Role
from core.partners.models import Partner
from core.partners.services import partner_create
from kopru.errors import ServiceError
from kopru.statuses import status_of
from kopru.storage import tenant_file_names
from tenants.models import Domain, University
from tests.conftest import make_office_user
from tests.console.conftest import schema_exists

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def source(fresh_universities) -> University:
    """A university with people, units, partners, agreements with conditions, a document file and audit rows."""
    university = fresh_universities.make()
    admin = make_office_user(university, username="ayse", email="ayse@kaynak.example")
    make_office_user(university, username="memur", role=Role.OFFICER)
    with tenant_context(university):
        workflow_seed_default(country="TR")
        faculty = AcademicUnit.objects.create(name_tr="Mühendislik Fakültesi", name_en="Faculty of Engineering",
                                              kind=AcademicUnit.Kind.FACULTY)
        AcademicUnit.objects.create(name_tr="Bilgisayar Mühendisliği", kind=AcademicUnit.Kind.DEPARTMENT,
                                    parent=faculty)
        partner = partner_create(names={"en": "University of Graz", "tr": "Graz Üniversitesi"}, country="AT",
                                 acting_user=admin)
        agreement = agreement_create(
            acting_user=admin, titles={"tr": "Graz protokolü", "en": "Graz protocol"}, partners=[partner],
            units=[faculty], kind="erasmus_ka131", scopes=["student_exchange"],
            conditions=[{"direction": "outgoing", "mobility_type": "SMS", "places_per_year": 2,
                         "months_per_person": 5, "language": "de", "cefr_level": "B2"}],
        )
        document_add_version(agreement=agreement, kind="agreement_text", titles={"tr": "İmzalı metin"},
                             uploaded_file=SimpleUploadedFile("metin.pdf", PDF, "application/pdf"),
                             acting_user=admin)
    return university


def every_row(university: University) -> dict[str, list[tuple]]:
    """Each table of the university's schema, row by row in primary-key order, straight from SQL."""
    rows = {}
    with connection.cursor() as cursor:
        for table in backup._tenant_tables():
            if table == "django_session":
                continue
            cursor.execute(f"SELECT * FROM {quote_schema_name(university.schema_name)}.{table} ORDER BY 1")  # noqa: S608
            rows[table] = cursor.fetchall()
    return rows


def every_file(university: University) -> dict[str, bytes]:
    with schema_context(university.schema_name):
        return {name: default_storage.open(name).read() for name in tenant_file_names(default_storage)}


def repack(archive, target, change=lambda name, content: content, *, reseal: bool = True) -> None:
    """A copy of `archive` with each member's content passed through `change`; with `reseal` its
    checksums are made again, as if the archive had been written so."""
    checksums = {}
    with tarfile.open(archive) as original, tarfile.open(target, "w:gz") as copy:
        for member in original.getmembers():
            content = original.extractfile(member).read()
            if member.name == backup.CHECKSUMS and reseal:
                content = json.dumps(checksums).encode()
            elif member.name != backup.CHECKSUMS:
                content = change(member.name, content)
                checksums[member.name] = hashlib.sha256(content).hexdigest()
            member.size = len(content)
            copy.addfile(member, io.BytesIO(content))


def change_the_office(university: University) -> None:
    """After a backup: a partner renamed, conditions gone, a second file version, a new user."""
    with tenant_context(university):
        admin = User.objects.get(username="ayse")
        Partner.objects.update(name_tr="Değişti")
        CooperationCondition.objects.all().delete()
        version = DocumentVersion.objects.get()
        document_add_version(agreement=version.document.agreement, kind="agreement_text", titles={},
                             document=version.document, acting_user=admin,
                             uploaded_file=SimpleUploadedFile("ikinci.pdf", PDF + b"2", "application/pdf"))
        User.objects.create_user(username="yeni")


def test_a_backup_restored_under_a_new_address_has_every_row_and_file(source, fresh_universities, tmp_path):
    # given
    archive = tmp_path / "kaynak.tar.gz"
    manifest = university_backup(university=source, archive_path=archive)
    copy_slug = fresh_universities.new_slug()

    # when
    copy = university_restore(archive_path=archive, slug=copy_slug)

    # then
    assert (copy.slug, copy.schema_name, copy.status) == (copy_slug, copy_slug.replace("-", "_"), "active")
    names = ("name_tr", "name_ky", "name_ru", "name_en", "country", "languages", "default_language")
    assert [getattr(copy, field) for field in names] == [getattr(source, field) for field in names]
    assert copy.name == "Kaynak Üniversitesi"
    assert list(copy.domains.values_list("domain", flat=True)) == [f"{copy_slug}.localhost"]
    original_rows = every_row(source)
    assert every_row(copy) == original_rows  # primary keys included
    assert len(original_rows["accounts_user"]) == 2 and len(original_rows["agreements_cooperationcondition"]) == 1
    assert original_rows["audit_auditentry"]  # the services' audit rows travel too
    assert every_file(copy) == every_file(source) != {}
    with tenant_context(copy):
        version = DocumentVersion.objects.get()
        assert version.file.read() == PDF
        assert Partner.objects.get().name_tr == "Graz Üniversitesi"
        assert User.objects.get(username="ayse").check_password("correct horse battery")
        # sequences continue after the loaded rows
        assert Partner.objects.create(name_en="University of Bonn", country="DE").pk > version.document.agreement.pk
    assert manifest["university"]["slug"] == source.slug
    assert manifest["kopru_version"]["agreements"].startswith("00")
    assert {"domain": f"{source.slug}.localhost", "is_primary": True} in manifest["domains"]
    assert AuditEntry.objects.filter(action="university.restored", target_id=str(copy.pk)).exists()


def test_restoring_over_the_same_university_brings_the_old_state_back(source, tmp_path):
    # given: a backup, then the office changes things
    archive = tmp_path / "kaynak.tar.gz"
    university_backup(university=source, archive_path=archive)
    before_rows, before_files = every_row(source), every_file(source)
    change_the_office(source)
    assert every_row(source) != before_rows and len(every_file(source)) == 2

    # when
    restored = university_restore(archive_path=archive, slug=source.slug, replace=True)

    # then
    assert restored.pk == source.pk
    assert every_row(source) == before_rows
    assert every_file(source) == before_files
    assert list(source.domains.values_list("domain", flat=True)) == [f"{source.slug}.localhost"]
    with schema_context(source.schema_name):
        assert not list(Path(default_storage.path("")).glob(".restore-*"))  # nothing kept aside is left


def test_a_restore_failing_half_way_leaves_nothing(source, fresh_universities, tmp_path, monkeypatch):
    archive = tmp_path / "kaynak.tar.gz"
    university_backup(university=source, archive_path=archive)
    copy_slug = fresh_universities.new_slug()
    real_restore_files = backup._restore_files

    def files_then_disk_full(*args):
        real_restore_files(*args)
        raise OSError("disk full")

    monkeypatch.setattr(backup, "_restore_files", files_then_disk_full)

    with pytest.raises(OSError, match="disk full"):
        university_restore(archive_path=archive, slug=copy_slug)

    assert not University.objects.filter(slug=copy_slug).exists()
    assert not Domain.objects.filter(domain__startswith=copy_slug).exists()
    assert not schema_exists(copy_slug.replace("-", "_"))
    assert every_file(University(schema_name=copy_slug.replace("-", "_"))) == {}


def test_a_restore_refuses_a_taken_address_and_a_foreign_file(source, tmp_path):
    archive = tmp_path / "kaynak.tar.gz"
    university_backup(university=source, archive_path=archive)
    not_a_backup = tmp_path / "notes.tar.gz"
    not_a_backup.write_bytes(b"just some text")

    with pytest.raises(ServiceError) as taken:
        university_restore(archive_path=archive, slug="osh")
    with pytest.raises(ServiceError) as foreign:
        university_restore(archive_path=not_a_backup, slug="elsewhere")
    with pytest.raises(ServiceError) as unknown:
        university_restore(archive_path=archive, slug="nowhere", replace=True)

    assert taken.value.fields == {"slug": ["A university with this address already exists."]}
    assert foreign.value.code == "invalid_archive"
    assert status_of(unknown.value) == 404


def test_an_archive_never_writes_outside_the_university_schema(source, fresh_universities, tmp_path):
    # given: an archive whose rows of academic units hide one of the platform's own records, its checksums made anew
    archive = tmp_path / "kaynak.tar.gz"
    university_backup(university=source, archive_path=archive)
    forged = tmp_path / "forged.tar.gz"

    def hide_a_domain(name: str, content: bytes) -> bytes:
        if name != "data/office.academicunit.json":
            return content
        rows = json.loads(content)
        rows.append({"model": "tenants.domain", "pk": 99999,
                     "fields": {"domain": "evil.localhost", "tenant": source.pk, "is_primary": False}})
        return json.dumps(rows).encode()

    repack(archive, forged, hide_a_domain)

    with pytest.raises(ServiceError) as refused:
        university_restore(archive_path=forged, slug=fresh_universities.new_slug())

    assert refused.value.code == "invalid_archive"
    assert not Domain.objects.filter(domain="evil.localhost").exists()


def test_an_archive_of_another_version_is_refused(source, fresh_universities, tmp_path, monkeypatch):
    archive = tmp_path / "kaynak.tar.gz"
    university_backup(university=source, archive_path=archive)
    monkeypatch.setattr(backup, "schema_version", lambda: {"agreements": "9999_from_the_future"})

    with pytest.raises(ServiceError) as refused:
        university_restore(archive_path=archive, slug=fresh_universities.new_slug())

    assert refused.value.code == "version_mismatch"


def test_the_commands_back_up_and_restore(source, fresh_universities, tmp_path):
    archive = tmp_path / "kaynak.tar.gz"
    copy_slug = fresh_universities.new_slug()

    call_command("backup_university", source.slug, str(archive))
    call_command("restore_university", str(archive), "--slug", copy_slug)

    copy = University.objects.get(slug=copy_slug)
    assert every_row(copy) == every_row(source)


KEY = b"a long passphrase the operator keeps"


def test_an_encrypted_backup_restores_only_with_its_key(source, fresh_universities, tmp_path):
    # given
    archive = tmp_path / "kaynak.tar.gz.enc"
    university_backup(university=source, archive_path=archive, key=KEY)
    sealed = archive.read_bytes()
    copy_slug = fresh_universities.new_slug()

    # when: without the key, with another, with its own
    with pytest.raises(ServiceError) as no_key:
        university_restore(archive_path=archive, slug=copy_slug)
    with pytest.raises(ServiceError) as wrong_key:
        university_restore(archive_path=archive, slug=copy_slug, key=b"another passphrase, as long")
    copy = university_restore(archive_path=archive, slug=copy_slug, key=KEY)

    # then
    assert sealed.startswith(backup_crypto.MAGIC) and not tarfile.is_tarfile(archive)
    assert b"Graz" not in sealed and b"ayse" not in sealed
    assert (no_key.value.code, no_key.value.message) == (
        "key_required", "This backup is encrypted: give the key it was made with.")
    assert (wrong_key.value.code, wrong_key.value.message) == ("wrong_key", "This key does not open this backup.")
    assert every_row(copy) == every_row(source)
    assert every_file(copy) == every_file(source) != {}


def test_a_short_key_is_refused(university_a, tmp_path):
    with pytest.raises(ServiceError) as refused:
        university_backup(university=university_a, archive_path=tmp_path / "k.tar.gz", key=b"secret")

    assert refused.value.code == "key_too_short"


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 64 * 3])
def test_sealed_chunks_open_only_whole_in_order_and_unchanged(size, monkeypatch):
    monkeypatch.setattr(backup_crypto, "CHUNK_SIZE", 64)
    plaintext = (bytes(range(256)) * 2)[:size]
    sealed = io.BytesIO()
    with backup_crypto.EncryptingWriter(sealed, KEY) as writer:
        writer.write(plaintext[:10])
        writer.write(plaintext[10:])
    sealed = sealed.getvalue()

    def opened(data: bytes, key: bytes = KEY) -> bytes:
        out = io.BytesIO()
        backup_crypto.decrypt(io.BytesIO(data), out, key)
        return out.getvalue()

    block = 64 + backup_crypto.TAG_SIZE
    header = backup_crypto.HEADER_SIZE
    assert opened(sealed) == plaintext
    with pytest.raises(backup_crypto.WrongKey):
        opened(sealed, b"another passphrase, as long")
    damaged = {
        "cut inside the last chunk": sealed[:-1],
        "the last chunk dropped": sealed[:header + block * ((len(sealed) - header - 1) // block)],
        "a byte after the last chunk": sealed + b"\0",
        "a bit of the last tag": sealed[:-5] + bytes([sealed[-5] ^ 1]) + sealed[-4:],
        "a bit of the first chunk": sealed[:header] + bytes([sealed[header] ^ 1]) + sealed[header + 1:],
    }
    for case, data in damaged.items():
        with pytest.raises(backup_crypto.Damaged):
            opened(data)
            pytest.fail(case)


def flip_middle_byte(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]


def test_a_damaged_or_foreign_archive_is_refused_before_anything_is_touched(source, tmp_path):
    # given: a plain and an encrypted backup, each damaged in the ways disks, transfers and people damage files
    plain, sealed = tmp_path / "plain.tar.gz", tmp_path / "sealed.tar.gz"
    university_backup(university=source, archive_path=plain)
    university_backup(university=source, archive_path=sealed, key=KEY)
    change_the_office(source)
    before_rows, before_files = every_row(source), every_file(source)
    changed_member = tmp_path / "changed.tar.gz"
    repack(plain, changed_member, lambda name, content: content.replace(b"Graz", b"Gras"), reseal=False)
    no_checksums = tmp_path / "no-checksums.tar.gz"
    with tarfile.open(plain) as original, tarfile.open(no_checksums, "w:gz") as copy:
        for member in original.getmembers():
            if member.name != backup.CHECKSUMS:
                copy.addfile(member, original.extractfile(member))
    damaged = ("This backup is damaged or incomplete: it was cut short or changed after it was made. "
               "Nothing was restored.")
    cases = {
        "plain, cut at half": (plain.read_bytes()[:plain.stat().st_size // 2], None, "damaged_archive"),
        "plain, one byte flipped": (flip_middle_byte(plain.read_bytes()), None, "damaged_archive"),
        "plain, a member changed": (changed_member.read_bytes(), None, "damaged_archive"),
        "plain, no checksums": (no_checksums.read_bytes(), None, "damaged_archive"),
        "encrypted, cut at half": (sealed.read_bytes()[:sealed.stat().st_size // 2], KEY, "damaged_archive"),
        "encrypted, one byte flipped": (flip_middle_byte(sealed.read_bytes()), KEY, "damaged_archive"),
        "encrypted, wrong key": (sealed.read_bytes(), b"another passphrase, as long", "wrong_key"),
        "not an archive": (b"PK\x03\x04 a spreadsheet, perhaps", None, "invalid_archive"),
        "empty": (b"", None, "invalid_archive"),
    }

    for case, (content, key, code) in cases.items():
        path = tmp_path / "attempt"
        path.write_bytes(content)

        # when
        with pytest.raises(ServiceError) as refused:
            university_restore(archive_path=path, slug=source.slug, replace=True, key=key)

        # then
        assert refused.value.code == code, case
        assert code != "damaged_archive" or refused.value.message == damaged, case
        assert every_row(source) == before_rows, case
        assert every_file(source) == before_files, case

    with pytest.raises(CommandError, match="damaged or incomplete"):
        path.write_bytes(flip_middle_byte(plain.read_bytes()))
        call_command("restore_university", str(path), "--slug", source.slug, "--replace")


def test_a_restore_failing_half_way_leaves_rows_and_files_as_they_were(source, tmp_path, monkeypatch):
    # given: a backup, then changes the failed restores must keep, the backed-up file among them
    archive = tmp_path / "kaynak.tar.gz"
    manifest = university_backup(university=source, archive_path=archive)
    change_the_office(source)
    with schema_context(source.schema_name):
        name = DocumentVersion.objects.get(number=1).file.name
        default_storage.delete(name)
        default_storage.save(name, ContentFile(b"written since the backup"))
    before_rows, before_files = every_row(source), every_file(source)
    last_table = f"data/{manifest['models'][-1]['model']}.json"
    corrupt = tmp_path / "corrupt.tar.gz"
    repack(archive, corrupt, lambda name, content: b'[{"model": ' if name == last_table else content)

    # when: the last table does not load; then, another time, the rows and files are in when the restore fails
    with pytest.raises(ServiceError) as refused:
        university_restore(archive_path=corrupt, slug=source.slug, replace=True)
    monkeypatch.setattr(backup, "audit_record", lambda **kwargs: (_ for _ in ()).throw(OSError("audit disk full")))
    with pytest.raises(OSError, match="audit disk full"):
        university_restore(archive_path=archive, slug=source.slug, replace=True)

    # then
    assert refused.value.code == "invalid_archive"
    assert every_row(source) == before_rows
    assert every_file(source) == before_files  # the versions replaced are back, none kept aside is left


def test_the_commands_encrypt_with_a_key_file_or_the_environment(source, fresh_universities, tmp_path, monkeypatch):
    archive = tmp_path / "kaynak.tar.gz"
    key_file = tmp_path / "backup.key"
    key_file.write_bytes(KEY + b"\n")

    call_command("backup_university", source.slug, str(archive), "--key-file", str(key_file))
    with pytest.raises(CommandError, match="This backup is encrypted: give the key it was made with."):
        call_command("restore_university", str(archive), "--slug", fresh_universities.new_slug())
    monkeypatch.setenv("KOPRU_BACKUP_KEY", KEY.decode())
    copy_slug = fresh_universities.new_slug()
    call_command("restore_university", str(archive), "--slug", copy_slug)

    assert archive.read_bytes().startswith(backup_crypto.MAGIC)
    assert every_row(University.objects.get(slug=copy_slug)) == every_row(source)
