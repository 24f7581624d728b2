from django.urls import path

from core.agreements.partner_requests import api

urlpatterns = [
    path("agreements/requests/", api.RequestListApi.as_view(), name="api-agreement-requests"),
    path("agreements/requests/<int:request_id>/", api.RequestDetailApi.as_view(),
         name="api-agreement-request"),
    path("agreements/requests/<int:request_id>/forward/", api.RequestForwardApi.as_view(),
         name="api-agreement-request-forward"),
    path("agreements/requests/<int:request_id>/answer/", api.RequestAnswerApi.as_view(),
         name="api-agreement-request-answer"),
    path("agreements/requests/<int:request_id>/close/", api.RequestCloseApi.as_view(),
         name="api-agreement-request-close"),
]
