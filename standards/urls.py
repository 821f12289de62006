from django.urls import path

from standards import views

app_name = "standards"
urlpatterns = [
    path("", views.index, name="index"),
    path("code-of-ethics/", views.code_of_ethics, name="code_of_ethics"),
    path("competencies/", views.competencies, name="competencies"),
    path("competencies/compare/", views.compare_frameworks, name="compare"),
    path("competencies/<slug:slug>/", views.framework, name="framework"),
    path("role/", views.role_standards, name="role_standards"),
    path("role/<slug:slug>/", views.role_standard, name="role_standard"),
    path("tasks/", views.tasks, name="tasks"),
    path("tasks/<slug:slug>/", views.task, name="task"),
    path("rules/", views.rules, name="rules"),
]
