import os

from django.core.asgi import get_asgi_application

from portal.checks import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
application = get_asgi_application()
require_secret_key()  # never serve without a real key
