from django.urls import path

from core.agreements.workflow import api

urlpatterns = [
    path("workflow/", api.WorkflowApi.as_view(), name="api-workflow"),
    path("workflow/steps/", api.StepListApi.as_view(), name="api-workflow-steps"),
    path("workflow/steps/<int:step_id>/", api.StepDetailApi.as_view(), name="api-workflow-step"),
    path("agreements/<int:agreement_id>/timeline/", api.TimelineApi.as_view(), name="api-agreement-timeline"),
    path("agreements/<int:agreement_id>/submit/", api.SubmitApi.as_view(), name="api-agreement-submit"),
    path("agreements/<int:agreement_id>/steps/complete/", api.CompleteApi.as_view(),
         name="api-agreement-step-complete"),
    path("agreements/<int:agreement_id>/steps/skip/", api.SkipApi.as_view(), name="api-agreement-step-skip"),
    path("agreements/<int:agreement_id>/steps/reject/", api.RejectApi.as_view(),
         name="api-agreement-step-reject"),
]
