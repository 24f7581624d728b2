from functools import partial

from core.agreements.selectors import agreements_for_user
from core.agreements.transfer import agreements_export
from kopru.table_commands import TenantExportCommand


class Command(TenantExportCommand):
    help = ("Export one university's agreements: CSV (agreements only) or XLSX (with their conditions), told by "
            "the file's extension.")
    rows = staticmethod(partial(agreements_for_user, None))
    service = staticmethod(agreements_export)
    summary = "{count} agreements written to {file}."
