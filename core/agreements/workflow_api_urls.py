from django.urls import path

from core.agreements import requests_api, workflow_api

urlpatterns = [
    path("workflow/", workflow_api.WorkflowApi.as_view(), name="api-workflow"),
    path("workflow/steps/", workflow_api.StepListApi.as_view(), name="api-workflow-steps"),
    path("workflow/steps/<int:step_id>/", workflow_api.StepDetailApi.as_view(), name="api-workflow-step"),
    path("agreements/<int:agreement_id>/timeline/", workflow_api.TimelineApi.as_view(), name="api-agreement-timeline"),
    path("agreements/<int:agreement_id>/submit/", workflow_api.SubmitApi.as_view(), name="api-agreement-submit"),
    path("agreements/<int:agreement_id>/steps/complete/", workflow_api.CompleteApi.as_view(),
         name="api-agreement-step-complete"),
    path("agreements/<int:agreement_id>/steps/skip/", workflow_api.SkipApi.as_view(), name="api-agreement-step-skip"),
    path("agreements/<int:agreement_id>/steps/reject/", workflow_api.RejectApi.as_view(),
         name="api-agreement-step-reject"),
    path("agreements/requests/", requests_api.RequestListApi.as_view(), name="api-agreement-requests"),
    path("agreements/requests/<int:request_id>/", requests_api.RequestDetailApi.as_view(),
         name="api-agreement-request"),
    path("agreements/requests/<int:request_id>/forward/", requests_api.RequestForwardApi.as_view(),
         name="api-agreement-request-forward"),
    path("agreements/requests/<int:request_id>/answer/", requests_api.RequestAnswerApi.as_view(),
         name="api-agreement-request-answer"),
    path("agreements/requests/<int:request_id>/close/", requests_api.RequestCloseApi.as_view(),
         name="api-agreement-request-close"),
]
