"""multipart/form-data bodies (the announcement upload), parsed with the standard library's email parser."""

import hashlib
from email.parser import BytesParser
from email.policy import HTTP

from . import errors
from .errors import ApiError


class FormFile:
    """One file part: the name the client gave it, its part Content-Type and its bytes."""

    def __init__(self, file_name, content_type, content):
        self.file_name = file_name
        self.content_type = content_type
        self.content = content

    @property
    def sha256(self):
        return hashlib.sha256(self.content).hexdigest()


class MultipartForm:
    """The text fields (name -> str) and file parts (name -> FormFile) of one multipart/form-data body."""

    def __init__(self, fields, files):
        self.fields = fields
        self.files = files

    def for_log(self):
        """What the request log keeps: the text fields and, per file, its name, type, size and hash (never the bytes)."""
        logged = dict(self.fields)
        for name, part in self.files.items():
            logged[name] = {
                "fileName": part.file_name,
                "contentType": part.content_type,
                "size": len(part.content),
                "sha256": part.sha256,
            }
        return logged


def is_multipart(content_type_header):
    return (content_type_header or "").split(";")[0].strip().lower() == "multipart/form-data"


def parse_multipart(content_type_header, raw_body):
    """Return the MultipartForm of RAW_BODY, or raise 400 when it is not a well-formed multipart/form-data body."""
    if "boundary=" not in (content_type_header or ""):
        raise ApiError(400, "multipart/form-data without a boundary", errors.ERR_MALFORMED_BODY)
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type_header.encode("latin-1") + b"\r\n\r\n" + raw_body
    )
    if not message.is_multipart() or message.defects:
        raise ApiError(400, "Malformed multipart/form-data body", errors.ERR_MALFORMED_BODY)
    fields, files = {}, {}
    for part in message.iter_parts():
        if part.get_content_disposition() != "form-data" or not part.get_param("name", header="content-disposition"):
            raise ApiError(
                400, "A multipart part without Content-Disposition: form-data; name=...", errors.ERR_MALFORMED_BODY
            )
        name = part.get_param("name", header="content-disposition")
        content = part.get_payload(decode=True) or b""
        file_name = part.get_filename()
        if file_name is None:
            fields[name] = content.decode("utf-8", errors="replace")
        else:
            files[name] = FormFile(file_name, part.get_content_type(), content)
    return MultipartForm(fields, files)
