"""A generic report: a title, a period and a table whose columns the caller chooses."""

from dataclasses import dataclass

from core.documents.context import Signatory, document_frame, sample_signatory
from core.documents.layout import Block, Columns, Grid, Paragraph, signature
from core.documents.texts import TEXTS


@dataclass(frozen=True)
class ReportData:
    title: str
    period: str  # as the report names it: "2025–2026", "01.01.2026 – 30.06.2026"
    columns: list[str]
    rows: list[list]  # one list of cell values per row, in the order of the columns


def report_layout(language: str) -> list[Block]:
    texts = TEXTS[language]
    return [
        Paragraph("{{ university.name }}", align="center", bold=True),
        Paragraph(texts["office"], align="center", bold=True),
        Paragraph("{{ report.title }}", align="center", bold=True, space_before=True),
        Columns(texts["report_period"], texts["date"]),
        Grid("report.columns", "report.rows", empty=texts["report_empty"]),
        Paragraph(texts["report_count"], space_before=True),
        *signature(above=texts["prepared_by"]),
    ]


def report_context(report: ReportData, language: str, *, signatory: Signatory | None = None) -> dict:
    return {
        **document_frame(language, subject=report.title, signatory=signatory),
        "report": {
            "title": report.title, "period": report.period, "columns": [str(column) for column in report.columns],
            "rows": [["" if cell is None else str(cell) for cell in row] for row in report.rows],
        },
    }


def report_sample(language: str) -> dict:
    texts = TEXTS[language]
    report = ReportData(title=texts["sample_report"], period="2025–2026",
                        columns=[texts["name"], texts["country"], texts["count"]],
                        rows=[[texts["sample_partner"], "DE", 4]])
    return report_context(report, language, signatory=sample_signatory(language))
