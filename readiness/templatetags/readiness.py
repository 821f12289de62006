from django import template

from readiness import text

register = template.Library()
register.filter("citation", text.citation)
register.filter("percent_words", text.percent_words)
register.filter("change_words", text.change_words)
register.filter("standard_asks", text.standard_asks)
