from django.urls import path  # noqa: F401  (published snapshots are added here)

app_name = "statewide_public"

urlpatterns = []
