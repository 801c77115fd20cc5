"""The render worker's loop: a separate process that turns circulars into PDF bytes and page rasters. No Qt.

The editor starts the application itself with `--render-worker` (so the frozen bundle
has a worker too) and talks to it over its standard input and output, one framed
message at a time: an 8-byte length, then a pickle (both ends are this program).

    request:  {"snapshot": itu-circular/1 JSON text, "pages": [page indexes], "scale": px per point}
    reply:    {"pdf": bytes, "sizes": [(w, h) points], "rasters": {index: Raster},
               "rooms": {signatory index: (page, x0, y0, x1, y1)} (where a digital signature goes)}
          or  {"error": one line naming the field, "bug": False | True, and for an invalid
               circular "path" and "problem" (model.ValidationError's)}

Rendering in a process keeps the window responsive: ReportLab and the text engine
hold the GIL, so in a thread they would stall the window for the whole render.
"""
from __future__ import annotations

import pickle
import struct
import sys
import traceback

WORKER_FLAG = "--render-worker"
_HEADER = struct.Struct("<Q")
MAX_MESSAGE = 1 << 31  # (a 100-page render is a few MB; a larger length means a broken stream)


class StreamClosed(Exception):
    """The other end closed the pipe (or the stream is not ours)."""


def write_message(stream, message) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)))
    stream.write(data)
    stream.flush()


def read_message(stream):
    header = _read_exactly(stream, _HEADER.size)
    (length,) = _HEADER.unpack(header)
    if length > MAX_MESSAGE:
        raise StreamClosed(f"message of {length} bytes")
    return pickle.loads(_read_exactly(stream, length))


def _read_exactly(stream, size: int) -> bytes:
    chunks, got = [], 0
    while got < size:
        chunk = stream.read(size - got)
        if not chunk:
            raise StreamClosed("end of stream")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def handle(request: dict) -> dict:
    """One request -> its reply; a problem with the circular is a reply, not an exception."""
    from circular_editor.errors import UserError
    from circular_editor.model import Circular, ValidationError
    from circular_editor.render import render
    from circular_editor.preview.pages import PdfPages

    try:
        rendered = render(Circular.from_json(request["snapshot"]))
        pdf = rendered.pdf
    except ValidationError as exc:  # the form shows it in the interface's language
        return {"error": str(exc), "path": exc.path, "problem": exc.problem, "bug": False}
    except UserError as exc:
        return {"error": str(exc), "bug": False}
    except Exception as exc:  # a bug in the renderer: said in one line, the worker lives on
        traceback.print_exc(file=sys.stderr)
        return {"error": f"{type(exc).__name__}: {exc}", "bug": True}
    pages = PdfPages(pdf)
    try:
        wanted = [i for i in request.get("pages", ()) if 0 <= i < len(pages)]
        rasters = {i: pages.raster(i, request["scale"]) for i in wanted}
        return {"pdf": pdf, "sizes": pages.sizes, "rasters": rasters, "rooms": rendered.signature_rooms}
    finally:
        pages.close()


def serve() -> int:
    """Answer requests until the editor closes our standard input."""
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not break the reply stream
    import circular_editor.render  # noqa: F401  (imports and fonts before the first request, not during it)
    while True:
        try:
            request = read_message(requests)
        except (StreamClosed, EOFError):
            return 0
        try:
            write_message(replies, handle(request))
        except BrokenPipeError:  # the editor went away
            return 0

