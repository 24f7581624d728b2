"""Pages of the approval workflow and of requests under agreements, under /agreements/ beside the agreements' own."""

from django.urls import path

from core.agreements import requests_views, workflow_views

app_name = "workflow"
urlpatterns = [
    path("workflow/", workflow_views.workflow_edit, name="edit"),
    path("workflow/steps/<int:step_id>/", workflow_views.workflow_step_edit, name="step_edit"),
    path("workflow/steps/<int:step_id>/move/", workflow_views.workflow_step_reorder, name="step_move"),
    path("workflow/steps/<int:step_id>/delete/", workflow_views.workflow_step_delete, name="step_delete"),
    path("<int:pk>/steps/submit/", workflow_views.step_submit, name="submit"),
    path("<int:pk>/steps/complete/", workflow_views.step_complete, name="complete"),
    path("<int:pk>/steps/skip/", workflow_views.step_skip, name="skip"),
    path("<int:pk>/steps/reject/", workflow_views.step_reject, name="reject"),
    path("requests/", requests_views.request_list, name="request_list"),
    path("requests/<int:request_id>/", requests_views.request_detail, name="request_detail"),
    path("requests/<int:request_id>/forward/", requests_views.request_forward_view, name="request_forward"),
    path("requests/<int:request_id>/answer/", requests_views.request_answer_view, name="request_answer"),
    path("requests/<int:request_id>/close/", requests_views.request_close_view, name="request_close"),
    path("requests/<int:request_id>/letter/", requests_views.request_letter, name="request_letter"),
]
