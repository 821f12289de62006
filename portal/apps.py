from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import checks  # noqa: F401  (registers the system checks)
        from portal.page_cache import content_changed

        # Public pages show standards, toolkit and site-page content: any change to it
        # makes the cached pages stale.
        for app_label in ("standards", "toolkit"):
            for model in apps.get_app_config(app_label).get_models():
                uid = f"page-cache-{model._meta.label}"
                post_save.connect(content_changed, sender=model, dispatch_uid=uid)
                post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        site_page = apps.get_model("portal", "SitePage")
        post_save.connect(content_changed, sender=site_page, dispatch_uid="page-cache-site-page")
        post_delete.connect(content_changed, sender=site_page, dispatch_uid="page-cache-site-page")
        m2m_changed.connect(content_changed, dispatch_uid="page-cache-m2m")
