"""The one date format of the site (FORMAT_MODULE_PATH in settings): "2 December 2026".

Templates write `{{ value|date }}` or `{{ value|date:"DATETIME_FORMAT" }}`, never a
format of their own; exports use django.utils.formats.date_format.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
