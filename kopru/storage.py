"""Media of each university under its own prefix, on disk or on S3-compatible object storage.

The stored file names (`agreements/documents/2026/x.pdf`) carry no tenant: the storage
adds the schema of the current connection, so one university can never name another's file.
"""

import posixpath
from collections.abc import Iterator

from django.core.files.storage import Storage
from django.db import connection
from storages.backends.s3 import S3Storage


class TenantS3Storage(S3Storage):
    """Keys are `<AWS_LOCATION>/<schema>/<name>`, as TenantFileSystemStorage keeps `<MEDIA_ROOT>/<schema>/<name>`.

    `location` is what S3Storage joins every name to (and strips from opened files' names),
    so making it follow the connection's schema confines every operation to that prefix.
    """

    @property
    def location(self) -> str:
        # Before the setter has run (S3Storage applies its defaults only when the attribute
        # is missing) this raises AttributeError, which is what lets AWS_LOCATION through.
        return posixpath.join(self.root_location, connection.schema_name)

    @location.setter
    def location(self, value: str) -> None:
        self.root_location = value


def tenant_file_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file of the current schema's media, as the names the database stores."""
    folders, files = storage.listdir(folder)
    for name in files:
        yield posixpath.join(folder, name)
    for sub in folders:
        yield from tenant_file_names(storage, posixpath.join(folder, sub))


def tenant_files_delete(storage: Storage) -> int:
    """Delete every file of the current schema's media; returns how many there were."""
    names = list(tenant_file_names(storage))
    for name in names:
        storage.delete(name)
    return len(names)
