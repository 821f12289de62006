from django.urls import path

from statewide import views

app_name = "statewide"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("tables.csv", views.all_csv, name="all_csv"),
    path("<slug:key>.csv", views.table_csv, name="table_csv"),
]
