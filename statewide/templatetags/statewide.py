from django import template

from statewide.charts import chart_svg

register = template.Library()


@register.simple_tag
def statewide_chart(table):
    return chart_svg(table)
