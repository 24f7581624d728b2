"""The API's JSON parser: bounded in size and in nesting before a byte is decoded.

DRF's JSONParser reads the whole stream, however long (Django's upload limit only guards
`request.body`), and json's decoder recurses once per bracket, so 100,000 `[` end in a
RecursionError. This parser reads at most DATA_UPLOAD_MAX_MEMORY_SIZE bytes and counts the
bracket depth in a loop (strings taken out first) before handing the body to DRF's parser.
"""

import io
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from rest_framework import exceptions, parsers

# Far deeper than any request body of the API (an agreement with its conditions is 3 levels).
MAX_DEPTH = 32
STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
BRACKETS = b"[]{}"
OPENING = frozenset(b"[{")
NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in BRACKETS)


def too_deep(raw: bytes) -> bool:
    depth = 0
    for byte in STRING.sub(b"", raw).translate(None, NOT_BRACKETS):
        depth += 1 if byte in OPENING else -1
        if depth > MAX_DEPTH:
            return True
    return False


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(raw) > limit:
            raise RequestDataTooBig("Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.")
        if too_deep(raw):
            raise exceptions.ParseError(code="parse_error")
        return super().parse(io.BytesIO(raw), media_type, parser_context)
