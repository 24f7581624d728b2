from core.partners.services import partners_import
from kopru.table_commands import TenantImportCommand


class Command(TenantImportCommand):
    help = "Import partners from a CSV or XLSX table into one university: every row, or none when any is wrong."
    service = staticmethod(partners_import)
    summary = "{created} created, {updated} updated."
