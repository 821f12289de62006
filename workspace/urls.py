from django.urls import path

from workspace import views

app_name = "workspace"
urlpatterns = [
    path("", views.index, name="index"),
    path("check/", views.quick_check, name="quick_check"),
]
