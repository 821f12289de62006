from django.apps import AppConfig


class StatewideConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "statewide"
    verbose_name = "Statewide picture"
