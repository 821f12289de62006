from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class WorkspaceConfig(AppConfig):
    name = "workspace"

    def ready(self):
        from standards.models import ProhibitedTask, RoleStandard, TaskRule
        from workspace.checking import rules_changed

        # What the checker's rules are built from: rules, task titles, the pay threshold.
        for model in (TaskRule, ProhibitedTask, RoleStandard):
            post_save.connect(rules_changed, sender=model, dispatch_uid=f"rules-{model.__name__}")
            post_delete.connect(rules_changed, sender=model, dispatch_uid=f"rules-{model.__name__}")
