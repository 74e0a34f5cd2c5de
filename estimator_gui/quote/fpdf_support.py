"""fpdf2 for the quote documents: the one place it is imported from.

fpdf2 subclasses ``urllib.request.HTTPSHandler`` and ``http.client.HTTPSConnection`` when it loads
(to fetch images given by URL), and they exist only where Python's ``ssl`` module does. The
desktop bundle leaves OpenSSL out (2.2 MB of its 60 MB archive) and a quote never fetches
anything: where ``ssl`` is missing, classes that refuse https stand in before fpdf2 loads.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from typing import NoReturn


class _NoHTTPSHandler(urllib.request.BaseHandler):
    """Refuses https: this build has no TLS, and the estimator fetches nothing."""

    def https_open(self, request: urllib.request.Request) -> NoReturn:
        raise urllib.error.URLError(f"https is not available in this build: {request.full_url}")


class _NoHTTPSConnection(http.client.HTTPConnection):
    """Refuses to connect: this build has no TLS."""

    def connect(self) -> NoReturn:
        raise http.client.HTTPException(f"https is not available in this build: {self.host}")


# setattr: the names are missing here, and mypy knows them as always there
if not hasattr(urllib.request, "HTTPSHandler"):
    setattr(urllib.request, "HTTPSHandler", _NoHTTPSHandler)  # noqa: B010
if not hasattr(http.client, "HTTPSConnection"):
    setattr(http.client, "HTTPSConnection", _NoHTTPSConnection)  # noqa: B010

from fpdf import FPDF  # noqa: E402 (after the stand-in above)
from fpdf.enums import PageOrientation, WrapMode, XPos, YPos  # noqa: E402
from fpdf.fonts import FontFace, TTFFont  # noqa: E402
from fpdf.table import Row  # noqa: E402

__all__ = ["FPDF", "FontFace", "PageOrientation", "Row", "TTFFont", "WrapMode", "XPos", "YPos"]
