"""The records documents are about, as the apps that own them register them (from their AppConfig.ready()).

A generated document names its subject generically (GeneratedDocument.subject); what the engine
needs to know of a subject's model comes from here: who may see its documents, what the API
calls it, and which page lists its documents.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Subject:
    model: type[Model]
    # What the API calls it: a document's field with the subject's id, and the list's filter.
    name: str
    label: str  # heads the subject on a document's page
    filter_help: str
    # The records of the model whose documents the user may see.
    visible: Callable[..., QuerySet]
    # The page of a subject's documents, from its id; None: the subject has no such page.
    page: Callable[[int], str] | None = None


SUBJECTS: dict[str, Subject] = {}


def register_subject(model: type[Model], *, name: str, label: str, filter_help: str,
                     visible: Callable[..., QuerySet], page: Callable[[int], str] | None = None) -> None:
    SUBJECTS[name] = Subject(model=model, name=name, label=label, filter_help=filter_help, visible=visible,
                             page=page)


def about(model: type[Model]) -> dict:
    """The lookups of documents about records of `model`.

    By the content type's natural key, joined in the same query: a content type's id is read
    from each university's own schema, and django-tenants empties its cache at every switch.
    """
    return {"subject_type__app_label": model._meta.app_label, "subject_type__model": model._meta.model_name}


def subject_of(document) -> Subject | None:
    """The registered subject a generated document is about (its subject_type joined), or None."""
    if document.subject_type_id is None:
        return None
    model = document.subject_type.model_class()
    return next((subject for subject in SUBJECTS.values() if subject.model is model), None)
