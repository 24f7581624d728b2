from core.statutes.export import statute_publish
from core.statutes.models import Statute
from core.statutes.selectors import publishable_revisions
from tenants.commands import EachUniversityCommand


class Command(EachUniversityCommand):
    help = ("Write the public copies of statute revisions that visitors see and that have none yet "
            "(approval writes them; this fills in revisions approved before it did).")

    def handle_university(self, university, **options) -> str:
        revisions = [revision for statute in Statute.objects.all()
                     for revision in publishable_revisions(statute)
                     if not revision.published_documents.exists()]
        for revision in revisions:
            statute_publish(revision=revision)
        return f"{len(revisions)} revision(s) published"
