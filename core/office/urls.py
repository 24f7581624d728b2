app_name = "office"
urlpatterns = []
