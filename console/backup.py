"""Backup and restore of one university: its schema's rows and its files in one .tar.gz.

The archive holds
  manifest.json              the university's record and domains, the Köprü version (the latest
                             migration of each app), when it was made, and what follows;
  data/<app>.<model>.json    every row of each model of the tenant apps, in Django's serialization
                             format, primary keys included;
  media/<name>               the university's files, under the names its rows store;
  checksums.json             the SHA-256 of every member above, written last.

Django's serializers write and load the rows, so no pg_dump is needed, and an archive loads
into any schema at the same migrations. With a key the whole .tar.gz is sealed in authenticated
chunks (backup_crypto.py); its first bytes say so, and a restore then asks for the key.

A restore first decrypts (checking every chunk's tag) and checks every member against
checksums.json, so a damaged, cut or changed archive is refused before anything is touched.
It goes into a new university (its schema made by the onboarding's own steps) or replaces the
data of the same one. The rows load in one transaction; the files it replaces are kept aside
until that transaction commits and put back if it does not, so a failure half way leaves rows
and files as they were.
"""

import datetime
import gzip
import hashlib
import io
import json
import posixpath
import secrets
import shutil
import tarfile
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import BinaryIO

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext
from django_tenants.utils import quote_schema_name, schema_context

from console import backup_crypto
from console.errors import ConsoleError
from console.provisioning import step_add_primary_domain, step_create_schema
from console.services import schema_name_for, slug_errors
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from kopru.errors import CommonError, ServiceError, invalid
from kopru.storage import tenant_file_names
from tenants.models import University
from tenants.selectors import forget_university_hosts

ARCHIVE_FORMAT = 2
MANIFEST = "manifest.json"
CHECKSUMS = "checksums.json"
GZIP_MAGIC = b"\x1f\x8b"
READ_SIZE = 1 << 20
# Sign-ins are not carried over: after a restore everyone signs in again.
SKIPPED_MODELS = frozenset({"sessions.session"})
UNIVERSITY_FIELDS = ("short_name", "country", "city", "default_language", "languages", "erasmus_code", "website")


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _tenant_app_configs():
    names = set(settings.TENANT_APPS)
    return [config for config in apps.get_app_configs() if config.name in names]


def _tenant_app_models() -> list[type[Model]]:
    """Every model with a table in a university's schema, many-to-many tables included."""
    return [model for config in _tenant_app_configs() for model in config.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy]


def tenant_models() -> list[type[Model]]:
    """The models whose rows an archive carries. Many-to-many tables come as models of their own,
    so their rows keep their ids as well."""
    return [model for model in _tenant_app_models() if model._meta.label_lower not in SKIPPED_MODELS]


def _tenant_tables() -> list[str]:
    return sorted({model._meta.db_table for model in _tenant_app_models()})


def schema_version() -> dict[str, str]:
    """The latest migration applied to the current schema, per app."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


@contextmanager
def _snapshot():
    """One consistent view of the schema while it is read, as the office goes on working."""
    if connection.in_atomic_block:
        yield  # the caller's transaction already gives one
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


class _Hashed:
    """A stream read once into the archive, its SHA-256 taken on the way."""

    def __init__(self, stream):
        self.stream = stream
        self.sha256 = hashlib.sha256()

    def read(self, size=-1) -> bytes:
        data = self.stream.read(size)
        self.sha256.update(data)
        return data


class _ArchiveWriter:
    """Adds members to a tar stream and, last, checksums.json with the SHA-256 of each."""

    def __init__(self, archive: tarfile.TarFile):
        self.archive = archive
        self.checksums: dict[str, str] = {}

    def add(self, name: str, stream, size: int) -> None:
        info = tarfile.TarInfo(name)
        info.size = size
        info.mtime = int(time.time())
        hashed = _Hashed(stream)
        self.archive.addfile(info, hashed)
        self.checksums[name] = hashed.sha256.hexdigest()

    def add_bytes(self, name: str, content: bytes) -> None:
        self.add(name, io.BytesIO(content), len(content))

    def close(self) -> None:
        content = json.dumps(self.checksums, indent=2).encode()
        info = tarfile.TarInfo(CHECKSUMS)
        info.size, info.mtime = len(content), int(time.time())
        self.archive.addfile(info, io.BytesIO(content))


def _add_rows(archive: _ArchiveWriter, model: type[Model]) -> None:
    """Serialize a model's rows through a temporary file: a large table never sits in memory whole.

    Only the table's own columns: many-to-many links travel as rows of their own tables.
    """
    columns = [field.name for field in model._meta.concrete_fields if not field.primary_key]
    rows = model._base_manager.order_by("pk").iterator(chunk_size=1000)
    with tempfile.TemporaryFile() as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8")
        serializers.serialize("json", rows, stream=text, fields=columns, cls=ExactJSONEncoder)
        text.flush()
        text.detach()
        size = raw.tell()
        raw.seek(0)
        archive.add(f"data/{model._meta.label_lower}.json", raw, size)


def _manifest(university: University) -> dict:
    return {
        "format": ARCHIVE_FORMAT,
        "created_at": timezone.now().isoformat(),
        "kopru_version": schema_version(),
        "university": {
            "slug": university.slug, "schema_name": university.schema_name,
            "names": {code: getattr(university, f"name_{code}") for code in settings.LANGUAGE_CODES},
            **{field: getattr(university, field) for field in UNIVERSITY_FIELDS},
            "status": university.status, "created_at": university.created_at.isoformat(),
        },
        "domains": [{"domain": domain.domain, "is_primary": domain.is_primary}
                    for domain in university.domains.order_by("-is_primary", "domain")],
        "models": [{"model": model._meta.label_lower, "rows": model._base_manager.count()}
                   for model in tenant_models()],
        "files": [{"name": name, "size": default_storage.size(name)}
                  for name in sorted(tenant_file_names(default_storage))],
    }


@contextmanager
def _sealed(target, key: bytes | None):
    """Where the .tar.gz is written: the file itself, or an encrypting writer in front of it."""
    if key is None:
        yield target
        return
    with backup_crypto.EncryptingWriter(target, key) as writer:
        yield writer


def university_backup(*, university: University, archive_path: str | Path, acting_user=None,
                      key: bytes | None = None) -> dict:
    """Write the university's rows and files to a .tar.gz at `archive_path`, encrypted when a `key`
    is given; returns the manifest."""
    if key is not None and len(key) < backup_crypto.MIN_KEY_LENGTH:
        raise ServiceError(ConsoleError.KEY_TOO_SHORT,
                           gettext("The backup key must be at least %(length)s characters long.")
                           % {"length": backup_crypto.MIN_KEY_LENGTH})
    with (schema_context(university.schema_name), _snapshot(), open(archive_path, "wb") as file,
          _sealed(file, key) as target, tarfile.open(fileobj=target, mode="w|gz") as tar):
        archive = _ArchiveWriter(tar)
        manifest = _manifest(university)
        archive.add_bytes(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
        for model in tenant_models():
            _add_rows(archive, model)
        for entry in manifest["files"]:
            with default_storage.open(entry["name"], "rb") as stored:
                archive.add(f"media/{entry['name']}", stored, entry["size"])
        archive.close()
    audit_record(actor=acting_user, action=AuditAction.UNIVERSITY_BACKED_UP, target=university,
                 details={"archive": Path(archive_path).name, "files": len(manifest["files"]),
                          "encrypted": key is not None})
    return manifest


def _not_an_archive() -> ServiceError:
    return ServiceError(ConsoleError.INVALID_ARCHIVE, gettext("This file is not a backup of a Köprü university."))


def _damaged() -> ServiceError:
    return ServiceError(ConsoleError.DAMAGED_ARCHIVE, gettext(
        "This backup is damaged or incomplete: it was cut short or changed after it was made. Nothing was restored."))


def _version_mismatch() -> ServiceError:
    return ServiceError(ConsoleError.VERSION_MISMATCH, gettext(
        "This backup was made by another version of Köprü: restore it with the version that made it, "
        "then upgrade."))


@contextmanager
def _plain_archive(archive_path: str | Path, key: bytes | None) -> Iterator[BinaryIO]:
    """The archive as a seekable .tar.gz. An encrypted one is decrypted into a temporary file first,
    every chunk's tag checked, as its chunks can only be read in order."""
    if not Path(archive_path).is_file():
        raise ServiceError(CommonError.NOT_FOUND, gettext("There is no file at %(path)s.") % {"path": archive_path})
    with open(archive_path, "rb") as source:
        start = source.read(len(backup_crypto.MAGIC))
        source.seek(0)
        if start.startswith(GZIP_MAGIC):
            yield source
            return
        if start != backup_crypto.MAGIC:
            raise _not_an_archive()
        if key is None:
            raise ServiceError(ConsoleError.KEY_REQUIRED,
                               gettext("This backup is encrypted: give the key it was made with."))
        with tempfile.TemporaryFile() as plain:
            try:
                backup_crypto.decrypt(source, plain, key)
            except backup_crypto.WrongKey as error:
                raise ServiceError(ConsoleError.WRONG_KEY, gettext("This key does not open this backup.")) from error
            except backup_crypto.Damaged as error:
                raise _damaged() from error
            plain.seek(0)
            yield plain


def _member_digests(plain: BinaryIO) -> tuple[dict[str, str], bytes | None, bytes | None]:
    """One pass over the archive: the SHA-256 of each member, and the manifest's and checksums' bytes."""
    digests, manifest, checksums = {}, None, None
    with gzip.GzipFile(fileobj=plain, mode="rb") as unzipped, tarfile.open(fileobj=unzipped, mode="r|") as archive:
        for member in archive:
            if not member.isfile() or member.name in digests or (member.name == CHECKSUMS and checksums is not None):
                raise _not_an_archive()
            content = archive.extractfile(member)
            if member.name == CHECKSUMS:
                checksums = content.read()
                continue
            digest = hashlib.sha256()
            for block in iter(partial(content.read, READ_SIZE), b""):
                digest.update(block)
                if member.name == MANIFEST:
                    manifest = (manifest or b"") + block
            digests[member.name] = digest.hexdigest()
        while unzipped.read(READ_SIZE):  # to the gzip trailer, whose CRC is checked there
            pass
    return digests, manifest, checksums


def _verify(plain: BinaryIO) -> None:
    """Every member against checksums.json, before anything is restored: none missing, added or changed."""
    try:
        digests, manifest, checksums = _member_digests(plain)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise _damaged() from error
    finally:
        plain.seek(0)
    if checksums is None:
        try:  # an archive of a Köprü from before checksums
            made_by_another = json.loads(manifest)["format"] != ARCHIVE_FORMAT
        except (TypeError, ValueError, KeyError):
            made_by_another = False
        raise _version_mismatch() if made_by_another else _damaged()
    try:
        expected = json.loads(checksums)
    except ValueError as error:
        raise _damaged() from error
    if expected != digests:
        raise _damaged()


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError, AttributeError) as error:
        raise _not_an_archive() from error
    if not isinstance(manifest, dict):
        raise _not_an_archive()
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise _version_mismatch()
    return manifest


def _check_version(manifest: dict) -> None:
    """Rows load only into the migrations they were written at: restore with that version, then upgrade."""
    if manifest["kopru_version"] != schema_version():
        raise _version_mismatch()


def _new_university(manifest: dict, slug: str) -> University:
    """A university like the archived one under a new address, its schema made as onboarding makes it."""
    errors = slug_errors(slug)
    if errors:
        raise invalid({"slug": errors})
    record = manifest["university"]
    university = University(schema_name=schema_name_for(slug), slug=slug, status=University.Status.ACTIVE,
                            **{field: record[field] for field in UNIVERSITY_FIELDS})
    for code in settings.LANGUAGE_CODES:
        setattr(university, f"name_{code}", record["names"].get(code))
    university.full_clean()
    university.save()
    step_create_schema(university, None)
    step_add_primary_domain(university, None)
    return university


def _flush(schema: str) -> None:
    tables = ", ".join(f"{quote_schema_name(schema)}.{connection.ops.quote_name(table)}" for table in _tenant_tables())
    with connection.cursor() as cursor:
        # Deferred foreign-key checks pending in this transaction would block TRUNCATE; the load
        # that follows needs them deferred again, as rows refer to rows loaded later.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {tables}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _load_rows(archive: tarfile.TarFile, manifest: dict) -> None:
    allowed = {model._meta.label_lower: model for model in tenant_models()}
    for entry in manifest["models"]:
        if entry["model"] not in allowed:  # an archive never writes outside the university's schema
            raise _not_an_archive()
        stream = archive.extractfile(f"data/{entry['model']}.json")
        try:
            for row in serializers.deserialize("json", stream):
                if type(row.object) is not allowed[entry["model"]]:
                    raise _not_an_archive()
                row.save(save_m2m=False)
        except (DeserializationError, DatabaseError) as error:
            raise _not_an_archive() from error
    with connection.cursor() as cursor:
        try:  # rows pointing at rows that never came fail here, before any file is touched, not at commit
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        except DatabaseError as error:
            raise _not_an_archive() from error
        for statement in connection.ops.sequence_reset_sql(no_style(), list(allowed.values())):
            cursor.execute(statement)
    ContentType.objects.clear_cache()  # ids may differ from the schema's before


def _archived_files(archive: tarfile.TarFile, manifest: dict) -> Iterator[tuple[str, File]]:
    for entry in manifest["files"]:
        member = archive.getmember(posixpath.join("media", entry["name"]))
        if not member.isfile():
            raise _not_an_archive()
        yield entry["name"], File(archive.extractfile(member))


class _FileSwap:
    """Writes the archive's files over a university's, keeping each file it replaces aside until the
    rows commit: undo() after a failure puts them back, release() after the commit lets them go.

    The copies aside sit under the university's own prefix, so they never leave its files; only a
    process killed half way would leave them there, to be removed by hand.
    """

    def __init__(self, schema_name: str):
        self.schema_name = schema_name
        self.aside = f".restore-{secrets.token_hex(8)}"
        self.written: list[str] = []
        self.kept: list[str] = []

    @staticmethod
    def _copy(source: str, target: str) -> None:
        with default_storage.open(source, "rb") as content:
            default_storage.save(target, content)

    def write(self, name: str, content: File) -> None:
        if default_storage.exists(name):
            self._copy(name, posixpath.join(self.aside, name))
            self.kept.append(name)
            default_storage.delete(name)
        self.written.append(name)  # before saving: a save that fails half way may leave part of it
        saved = default_storage.save(name, content)
        if saved != name:
            self.written.append(saved)
            raise _not_an_archive()

    def undo(self) -> None:
        with schema_context(self.schema_name):
            for name in self.written:
                default_storage.delete(name)
            for name in self.kept:
                self._copy(posixpath.join(self.aside, name), name)
            self.release()

    def release(self) -> None:
        with schema_context(self.schema_name):
            for name in self.kept:
                default_storage.delete(posixpath.join(self.aside, name))
            self._remove_folder()

    def _remove_folder(self) -> None:
        """On disk, the copies' folders outlive the copies; object storage has no folders."""
        try:
            folder = default_storage.path(self.aside)
        except NotImplementedError:
            return
        shutil.rmtree(folder, ignore_errors=True)


def _restore_files(archive: tarfile.TarFile, manifest: dict, files: _FileSwap) -> None:
    """Write the archive's files under the university's prefix, each under its own name."""
    for name, content in _archived_files(archive, manifest):
        files.write(name, content)


def _existing_university(slug: str) -> University:
    university = (University.objects.select_for_update().exclude(schema_name=settings.PUBLIC_SCHEMA_NAME)
                  .filter(slug=slug, status__in=[University.Status.ACTIVE, University.Status.SUSPENDED]).first())
    if university is None:
        raise ServiceError(CommonError.NOT_FOUND, gettext("No university has the address %(slug)s.") % {"slug": slug})
    return university


def university_restore(*, archive_path: str | Path, slug: str | None = None, replace: bool = False,
                       acting_user=None, key: bytes | None = None) -> University:
    """Restore an archive into a new university at `slug` (the archived one's when omitted and free),
    or, with `replace`, into the existing university at `slug`, whose rows and files it replaces.
    An encrypted archive needs the `key` it was made with."""
    connection.set_schema_to_public()
    with _plain_archive(archive_path, key) as plain:
        _verify(plain)
        try:
            with tarfile.open(fileobj=plain, mode="r:gz") as archive:
                university, files = _restore(archive, slug=slug, replace=replace, acting_user=acting_user)
        except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
            raise _damaged() from error
    files.release()
    if replace:  # once the rows are in, the files they no longer name go
        with schema_context(university.schema_name):
            for name in set(tenant_file_names(default_storage)) - set(files.written):
                default_storage.delete(name)
    return university


def _restore(archive: tarfile.TarFile, *, slug: str | None, replace: bool, acting_user) -> tuple[University, _FileSwap]:
    manifest = _read_manifest(archive)
    slug = (slug or manifest["university"]["slug"]).strip().lower()
    files = None
    try:
        with transaction.atomic():
            university = _existing_university(slug) if replace else _new_university(manifest, slug)
            with schema_context(university.schema_name):
                _check_version(manifest)
                _flush(university.schema_name)
                _load_rows(archive, manifest)
                files = _FileSwap(university.schema_name)
                _restore_files(archive, manifest, files)
            audit_record(actor=acting_user, action=AuditAction.UNIVERSITY_RESTORED, target=university,
                         details={"from": manifest["university"]["slug"], "made_at": manifest["created_at"],
                                  "replaced": replace})
            transaction.on_commit(lambda: forget_university_hosts(university))
    except Exception:
        if files is not None:  # the rows rolled back (a new university's schema with them); files are not transactional
            files.undo()
        raise
    return university, files
