#!/usr/bin/env python
"""Time to render a 20-page statute to PDF and to DOCX, and what the font cache saves per PDF.

    .venv/bin/python bench/statute_render.py [--runs 7] [--write]

The statute is built in memory as plain data (15 sections × 12 clauses of about 26 words,
some with sub-clauses), the way core.statutes.export hands a revision to the engine, so
no database is needed. It is rendered through the shipped Turkish layout and default DOCX
template. The font figures compare a one-page letter drawn with the fonts parsed once per
process (today) and with the fonts parsed again for each PDF (as before the cache).
`--write` appends the figures to docs/benchmarks.md.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kopru.settings.dev")

TEXT = ("uluslararası işbirliği protokolü kapsamında gelen öğrenci ve personelin başvurularını almak ilgili "
        "akademik birimlere üst yazı ile bildirmek değerlendirme sonuçlarını takip etmek ve kayıt altına "
        "almak gerekli belgeleri hazırlayarak partner üniversiteye göndermek")
WORDS = TEXT.split(" ")


def clause_text(seed: int, words: int = 26) -> str:
    return " ".join(WORDS[(seed + i) % len(WORDS)] for i in range(words)).capitalize() + ";"


def statute(sections: int = 15, clauses: int = 12):
    from core.statutes.document_kind import ClauseLine, RevisionLine, Signer, StatuteText

    lines = []
    for section in range(1, sections + 1):
        lines.append(ClauseLine(f"{section}.", f"BÖLÜM {section}: GÖREV, YETKİ VE SORUMLULUKLAR", 0, section=True))
        for clause in range(1, clauses + 1):
            lines.append(ClauseLine(f"{section}.{clause}.", clause_text(section * clause), 1))
            if clause % 6 == 0:
                lines.append(ClauseLine("a)", clause_text(clause, 20), 2))
    return StatuteText(
        title="Uluslararası İlişkiler Ofisi Yönergesi", document_number="KYS-YÖN-431",
        first_published_on=date(2014, 11, 7), revision_number=6, revised_on=date(2024, 7, 8), clauses=lines,
        revisions=[RevisionLine(number, date(2014 + number, 1, 1), "Görev tanımı revize edilmiştir.")
                   for number in range(7)],
        prepared_by=Signer("Ayşe Yılmaz", "Koordinatör"), approved_by=Signer("Mehmet Demir", "Genel Sekreter"),
        agreed_by=[Signer("Hukuk Müşavirliği")],
    )


def median_seconds(action, runs: int) -> float:
    action()  # warm: imports, the font cache, Jinja's template cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="append the figures to docs/benchmarks.md")
    args = parser.parse_args()

    import django

    django.setup()
    from fpdf.fonts import TTFFont

    from core.documents import pdf
    from core.documents.defaults import default_template
    from core.documents.engine import render_docx
    from core.documents.pdf import pdf_page_count, render_pdf
    from core.partners.info_note import info_note_layout
    from core.statutes.document_kind import statute_context, statute_layout

    context = statute_context(statute(), "tr", university_name="Kastamonu Üniversitesi", country="TR")
    layout = statute_layout("tr")
    template = default_template("statute", "tr")
    pages = pdf_page_count(render_pdf(layout, context, title="bench", language="tr"))
    pdf_time = median_seconds(lambda: render_pdf(layout, context, title="bench", language="tr"), args.runs)
    docx_time = median_seconds(lambda: render_docx(template, context), args.runs)

    letter = (info_note_layout("tr"), _letter_context())
    cached = median_seconds(lambda: render_pdf(*letter, title="bench", language="tr"), args.runs * 3)
    cached_font = pdf._font
    pdf._font = lambda document, family, style: TTFFont(document, pdf.FONTS / pdf.FONT_FILES[family, style],
                                                        f"{family.lower()}{style}", style)
    try:
        uncached = median_seconds(lambda: render_pdf(*letter, title="bench", language="tr"), args.runs * 3)
    finally:
        pdf._font = cached_font

    clauses = len(context["clauses"])
    report = [
        f"Statute of {clauses} sections and clauses, {pages} pages; median of {args.runs} runs "
        f"({platform.python_implementation()} {platform.python_version()}, {platform.machine()}):",
        "",
        "| Output | Median |",
        "|---|---|",
        f"| PDF ({pages} pages) | {pdf_time * 1000:.0f} ms |",
        f"| DOCX | {docx_time * 1000:.0f} ms |",
        "",
        f"One-page information note as PDF, median of {args.runs * 3} runs:",
        "",
        "| Fonts | Median |",
        "|---|---|",
        f"| fonts parsed for each PDF (before) | {uncached * 1000:.0f} ms |",
        f"| parsed once per process, cut to the scripts used (now) | {cached * 1000:.0f} ms |",
    ]
    print("\n".join(report))
    if args.write:
        with (ROOT / "docs" / "benchmarks.md").open("a", encoding="utf-8") as file:
            file.write("\n## Statute rendering\n\n`.venv/bin/python bench/statute_render.py --write`\n\n"
                       + "\n".join(report) + "\n")


def _letter_context() -> dict:
    from core.documents.context import frame

    partner = {"name": "Münih Teknik Üniversitesi", "short_name": "TUM", "country": "Almanya", "city": "München",
               "website": "https://www.tum.de", "erasmus_code": "D MUNCHEN02", "pic": "999986096", "oid": "",
               "schac": "tum.de", "ror": "", "units": ["Mühendislik Fakültesi"],
               "rankings": [{"system": "QS", "year": "2026", "rank": "22"}],
               "recognition": {"status": "Tanınıyor", "checked_on": "01.10.2026", "method": "", "reference": ""},
               "agreements": [{"title": "Erasmus+", "kind": "KA131", "status": "Yürürlükte", "validity": ""}]}
    return {**frame("tr", university_name="Kastamonu Üniversitesi", subject="Bilgi notu"), "partner": partner}


if __name__ == "__main__":
    main()
