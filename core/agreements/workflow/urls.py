"""Pages of the approval workflow, under /agreements/ beside the agreements' own."""

from django.urls import path

from core.agreements.workflow import views

app_name = "workflow"
urlpatterns = [
    path("workflow/", views.workflow_edit, name="edit"),
    path("workflow/steps/<int:step_id>/", views.workflow_step_edit, name="step_edit"),
    path("workflow/steps/<int:step_id>/move/", views.workflow_step_move, name="step_move"),
    path("workflow/steps/<int:step_id>/delete/", views.workflow_step_remove, name="step_delete"),
    path("<int:pk>/steps/submit/", views.step_submit, name="submit"),
    path("<int:pk>/steps/complete/", views.step_complete, name="complete"),
    path("<int:pk>/steps/skip/", views.step_skip, name="skip"),
    path("<int:pk>/steps/reject/", views.step_reject, name="reject"),
]
