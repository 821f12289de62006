from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from toolkit.models import Document


class NewDocumentsFeed(Feed):
    feed_type = Atom1Feed
    title = "CPS Standards Portal — new toolkit documents"
    subtitle = "Guides, templates and resources newly published in the toolkit."
    link = reverse_lazy("toolkit:index")

    def items(self):
        return Document.objects.published().order_by("-published_at")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]
