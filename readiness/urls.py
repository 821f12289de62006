from django.urls import path

from readiness import views

app_name = "readiness"
urlpatterns = [
    path("organizations/<int:pk>/readiness/", views.overview, name="overview"),
    path("organizations/<int:pk>/readiness/start/", views.start, name="start"),
    path("readiness/<int:pk>/", views.assessment, name="assessment"),
    path("readiness/<int:pk>/answer/", views.answer, name="answer"),
    path("readiness/<int:pk>/submit/", views.submit, name="submit"),
    path("readiness/<int:pk>/share/", views.share, name="share"),
    path("readiness/<int:pk>/print/", views.print_view, name="print"),
    path("readiness/<int:pk>/readiness.pdf", views.pdf, name="pdf"),
    path("readiness/shared/", views.shared, name="shared"),
]
