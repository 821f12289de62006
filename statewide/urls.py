from django.urls import path  # noqa: F401  (the curators' view is added here)

app_name = "statewide"

urlpatterns = []
