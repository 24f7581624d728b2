"""Comparing two revisions: clauses aligned by number (and by order when a number repeats), words marked."""

from django_tenants.utils import tenant_context

from core.statutes.diff import ADDED, CHANGED, REMOVED, UNCHANGED, mark_words, revision_diff
from core.statutes.services import clause_add, clause_delete, clause_update, revision_start


def test_changed_words_are_marked_and_escaped():
    old, new = mark_words("Bilgi notu <b>hazırlamak</b>;", "Kısa bilgi notu <b>hazırlamak</b>; & göndermek;")

    assert old == "<del>Bilgi</del> notu &lt;b&gt;hazırlamak&lt;/b&gt;;"
    assert new == "<ins>Kısa bilgi</ins> notu &lt;b&gt;hazırlamak&lt;/b&gt;;<ins> &amp; göndermek;</ins>"


def test_added_removed_changed_and_unchanged_clauses(statute_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        old = statute_a.revisions.get()
        new = revision_start(statute=statute_a, descriptions={"tr": "Revize"}, acting_user=admin)
        section = new.clauses.get(number="7.")
        clause_update(clause=new.clauses.get(number="7.4"), texts={"tr": "Kısa bilgi notu hazırlamak;"},
                      acting_user=admin)
        clause_delete(clause=new.clauses.get(number="7.5"), acting_user=admin)
        clause_add(revision=new, parent=section, number="7.17", texts={"tr": "Kaliteye yardımcı olmak;"},
                   acting_user=admin)

        rows = revision_diff(old, new, "tr")

    assert [(row.number, row.status) for row in rows] == [
        ("7.", UNCHANGED), ("7.4", CHANGED), ("7.5", REMOVED), ("7.6", UNCHANGED), ("7.16", UNCHANGED),
        ("7.16", UNCHANGED), ("7.17", ADDED)]
    changed = rows[1]
    assert changed.new_html == "<ins>Kısa bilgi</ins> notu hazırlamak;"
    assert changed.old_html == "<del>Bilgi</del> notu hazırlamak;"
    assert rows[2].old_html.startswith("<del>YÖK") and rows[2].new_html == ""
    assert rows[-1].new_html == "<ins>Kaliteye yardımcı olmak;</ins>"


def test_a_repeated_number_is_aligned_by_its_order(statute_a, university_a, people_a):
    """Seed 000 has 7.16 twice: changing the second one marks the second one only."""
    admin = people_a["admin"]
    with tenant_context(university_a):
        old = statute_a.revisions.get()
        new = revision_start(statute=statute_a, descriptions={"tr": "Revize"}, acting_user=admin)
        second = new.clauses.filter(number="7.16").order_by("position").last()
        clause_update(clause=second, texts={"tr": "Gelen öğrencilerin evraklarını klasörlemek;"}, acting_user=admin)

        rows = [row for row in revision_diff(old, new, "tr") if row.number == "7.16"]

    assert [row.status for row in rows] == [UNCHANGED, CHANGED]
    assert rows[0].old.pk != rows[1].old.pk
    assert "<ins>klasörlemek;</ins>" in rows[1].new_html


def test_the_diff_reads_the_language_asked_for_with_fallback(statute_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        old = statute_a.revisions.get()
        new = revision_start(statute=statute_a, descriptions={"en": "Revised"}, acting_user=admin)
        clause_update(clause=new.clauses.get(number="7.6"), texts={"en": "Send the draft to Legal Counsel;"},
                      acting_user=admin)

        english = {row.number: row for row in revision_diff(old, new, "en")}
        # No Russian: Russian readers fall back to Kyrgyz (none here either), then English.
        russian = {row.number: row for row in revision_diff(old, new, "ru")}

    assert english["7.6"].status == CHANGED and "<del>" in english["7.6"].old_html
    assert russian["7.4"].new_html == "Prepare the information note;"
