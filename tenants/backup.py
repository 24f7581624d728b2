"""Backup and restore of one university: its schema's rows and its files in one .tar.gz.

The archive holds
  manifest.json              the university's record and domains, the Köprü version (the latest
                             migration of each app), when it was made, and what follows;
  data/<app>.<model>.json    every row of each model of the tenant apps, in Django's serialization
                             format, primary keys included;
  media/<name>               the university's files, under the names its rows store.

Django's serializers write and load the rows, so no pg_dump is needed, and an archive loads
into any schema at the same migrations. A restore goes into a new university (its schema made
by the onboarding's own steps) or replaces the data of the same one; it runs in one transaction,
so a failure half way leaves the database as it was.
"""

import datetime
import io
import json
import posixpath
import tarfile
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext
from django_tenants.utils import quote_schema_name, schema_context

from core.audit.services import audit_record
from kopru.errors import ServiceError, invalid
from kopru.storage import tenant_file_names, tenant_files_delete
from tenants.models import University
from tenants.provisioning import step_add_primary_domain, step_create_schema
from tenants.selectors import forget_university_hosts
from tenants.services import schema_name_for, slug_errors

ARCHIVE_FORMAT = 1
MANIFEST = "manifest.json"
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


def _add(archive: tarfile.TarFile, name: str, stream, size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(time.time())
    archive.addfile(info, stream)


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    _add(archive, name, io.BytesIO(content), len(content))


def _add_rows(archive: tarfile.TarFile, model: type[Model]) -> None:
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
        _add(archive, f"data/{model._meta.label_lower}.json", raw, size)


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


def university_backup(*, university: University, archive_path: str | Path, acting_user=None) -> dict:
    """Write the university's rows and files to a .tar.gz at `archive_path`; returns the manifest."""
    with schema_context(university.schema_name), _snapshot(), tarfile.open(archive_path, "w:gz") as archive:
        manifest = _manifest(university)
        _add_bytes(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
        for model in tenant_models():
            _add_rows(archive, model)
        for entry in manifest["files"]:
            with default_storage.open(entry["name"], "rb") as stored:
                _add(archive, f"media/{entry['name']}", stored, entry["size"])
    audit_record(actor=acting_user, action="university.backed_up", target=university,
                 details={"archive": Path(archive_path).name, "files": len(manifest["files"])})
    return manifest


def _not_an_archive() -> ServiceError:
    return ServiceError("invalid_archive", gettext("This file is not a backup of a Köprü university."))


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError, AttributeError) as error:
        raise _not_an_archive() from error
    if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
        raise _not_an_archive()
    return manifest


def _check_version(manifest: dict) -> None:
    """Rows load only into the migrations they were written at: restore with that version, then upgrade."""
    if manifest["kopru_version"] != schema_version():
        raise ServiceError("version_mismatch", gettext(
            "This backup was made by another version of Köprü: restore it with the version that made it, "
            "then upgrade."), status_code=409)


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
        except DeserializationError as error:
            raise _not_an_archive() from error
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(allowed.values())):
            cursor.execute(statement)
    ContentType.objects.clear_cache()  # ids may differ from the schema's before


def _archived_files(archive: tarfile.TarFile, manifest: dict) -> Iterator[tuple[str, File]]:
    for entry in manifest["files"]:
        member = archive.getmember(posixpath.join("media", entry["name"]))
        if not member.isfile():
            raise _not_an_archive()
        yield entry["name"], File(archive.extractfile(member))


def _restore_files(archive: tarfile.TarFile, manifest: dict) -> set[str]:
    """Write the archive's files under the university's prefix, each under its own name; returns the names."""
    names = set()
    for name, content in _archived_files(archive, manifest):
        if default_storage.exists(name):
            default_storage.delete(name)
        if default_storage.save(name, content) != name:
            raise _not_an_archive()
        names.add(name)
    return names


def _existing_university(slug: str) -> University:
    university = (University.objects.select_for_update().exclude(schema_name=settings.PUBLIC_SCHEMA_NAME)
                  .filter(slug=slug, status__in=[University.Status.ACTIVE, University.Status.SUSPENDED]).first())
    if university is None:
        raise ServiceError("not_found", gettext("No university has the address %(slug)s.") % {"slug": slug},
                           status_code=404)
    return university


def university_restore(*, archive_path: str | Path, slug: str | None = None, replace: bool = False,
                       acting_user=None) -> University:
    """Restore an archive into a new university at `slug` (the archived one's when omitted and free),
    or, with `replace`, into the existing university at `slug`, whose rows and files it replaces."""
    connection.set_schema_to_public()
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            university, restored_files = _restore(archive, slug=slug, replace=replace, acting_user=acting_user)
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise _not_an_archive() from error
    if replace:  # once the rows are in, the files they no longer name go
        with schema_context(university.schema_name):
            for name in set(tenant_file_names(default_storage)) - restored_files:
                default_storage.delete(name)
    return university


def _restore(archive: tarfile.TarFile, *, slug: str | None, replace: bool, acting_user) -> tuple[University, set[str]]:
    manifest = _read_manifest(archive)
    slug = (slug or manifest["university"]["slug"]).strip().lower()
    new_schema = None
    try:
        with transaction.atomic():
            if replace:
                university = _existing_university(slug)
            else:
                university = _new_university(manifest, slug)
                new_schema = university.schema_name
            with schema_context(university.schema_name):
                _check_version(manifest)
                _flush(university.schema_name)
                _load_rows(archive, manifest)
                restored_files = _restore_files(archive, manifest)
            audit_record(actor=acting_user, action="university.restored", target=university,
                         details={"from": manifest["university"]["slug"], "made_at": manifest["created_at"],
                                  "replaced": replace})
            transaction.on_commit(lambda: forget_university_hosts(university))
    except Exception:
        if new_schema is not None:  # the rollback dropped the schema; files are not transactional
            with schema_context(new_schema):
                tenant_files_delete(default_storage)
        raise
    return university, restored_files
