from django.urls import path

from i18n import views

app_name = "i18n"
urlpatterns = [path("language/", views.switch_language, name="switch")]
