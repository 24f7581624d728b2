from django.urls import path

from core.statutes import api

revision = "statutes/<int:statute_id>/revisions/<int:number>/"
urlpatterns = [
    path("statutes/", api.StatuteListApi.as_view(), name="api-statutes"),
    path("statutes/<int:statute_id>/", api.StatuteDetailApi.as_view(), name="api-statute"),
    path("statutes/<int:statute_id>/in-force/", api.InForceOnApi.as_view(), name="api-statute-in-force"),
    path("statutes/<int:statute_id>/diff/", api.DiffApi.as_view(), name="api-statute-diff"),
    path("statutes/<int:statute_id>/revisions/", api.RevisionListApi.as_view(), name="api-statute-revisions"),
    path(revision, api.RevisionDetailApi.as_view(), name="api-statute-revision"),
    path(revision + "submit/", api.RevisionSubmitApi.as_view(), name="api-statute-revision-submit"),
    path(revision + "approve/", api.RevisionApproveApi.as_view(), name="api-statute-revision-approve"),
    path(revision + "return/", api.RevisionReturnApi.as_view(), name="api-statute-revision-return"),
    path(revision + "clauses/", api.ClauseCreateApi.as_view(), name="api-statute-clauses"),
    path("statutes/clauses/<int:clause_id>/", api.ClauseDetailApi.as_view(), name="api-statute-clause"),
    path("statutes/clauses/<int:clause_id>/links/", api.ClauseLinksApi.as_view(), name="api-statute-clause-links"),
]
