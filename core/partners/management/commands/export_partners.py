from functools import partial

from core.partners.selectors import partner_list, partner_table
from kopru.table_commands import TenantExportCommand


class Command(TenantExportCommand):
    help = "Export one university's partners to a CSV or XLSX table (told by the file's extension)."
    rows = staticmethod(partial(partner_list, None))
    service = staticmethod(partner_table)
    summary = "{count} partners written to {file}."
