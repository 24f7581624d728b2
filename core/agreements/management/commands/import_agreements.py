from core.agreements.transfer import agreements_import
from kopru.table_commands import TenantImportCommand


class Command(TenantImportCommand):
    help = ("Import agreements from a CSV table or an XLSX workbook (sheets agreements and conditions) into one "
            "university: every row, or none when any is wrong.")
    service = staticmethod(agreements_import)
    summary = "{created} agreements created."
