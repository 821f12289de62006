"""An upload handler that stops reading a file past the size cap.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not apply to files, so without this
a client could stream any amount into memory or a temporary file.
"""

from io import BytesIO

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


def upload_limit(request) -> int:
    """Job descriptions are capped at 5 MB; curators' toolkit attachments in the admin at 20 MB."""
    if request is not None and request.path.startswith("/" + settings.ADMIN_URL):
        return settings.MAX_ATTACHMENT_BYTES
    return settings.MAX_UPLOAD_BYTES


class CappedMemoryUploadHandler(FileUploadHandler):
    """Keeps uploads in memory and refuses any file larger than the limit.

    A refused upload leaves `request.upload_too_large = True` so the form can say
    why the file is missing instead of a bare "this field is required".
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer = BytesIO()
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > upload_limit(self.request):
            self.request.upload_too_large = True
            self.buffer = None
            raise StopUpload(connection_reset=False)
        self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
