"""The letterhead's emblem, drawn as ReportLab's `drawImage(..., mask="auto")` draws it, but with
its PDF image objects made once per process instead of once per render.

`drawImage` compresses and ASCII85-encodes the picture and its alpha mask every time a document
draws it: ~2-3 ms of a 10 ms re-render. Here ReportLab makes the objects once (per version of the
file); each document gets shallow copies (sharing the encoded stream), registered the way `drawImage`
registers its own, so the PDF is byte for byte the same (the golden test checks it). This leans on
ReportLab's internals (`_doc.getXObjectName`, `idToObject`, `addForm`, `_setXObjects`,
`_formsinuse`), which is why it lives alone here; ReportLab is pinned below 6.

The encoded objects are also kept on disk, in the user's cache folder, keyed by the image's bytes
and ReportLab's version: decoding the PNG and compressing it again took ~9 ms of every cold
`circular-editor render` (of ~145). The cache holds only plain values (JSON); a file that is
missing, damaged or from another version is made again, and a cache that cannot be written is
simply not used.
"""
from __future__ import annotations

import copy
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from reportlab import Version as REPORTLAB_VERSION
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase import pdfdoc

from circular_editor.atomic import write_atomic
from circular_editor.paths import cache_dir
from circular_editor.styles import StyleError

CACHE_FORMAT = 1  # counted up when what is kept changes


def draw_emblem(canvas, path: Path, x: float, y: float, width: float, height: float) -> None:
    """The image at `path` in the box (x, y, width, height), its alpha channel as a soft mask."""
    name, template = _image(path)
    doc = canvas._doc
    canvas._currentPageHasImages = 1
    reg_name = doc.getXObjectName(name)
    if doc.idToObject.get(reg_name) is None:  # first drawn in this document (as drawImage does it)
        image = copy.copy(template)
        canvas._setXObjects(image)
        doc.Reference(image, reg_name)
        doc.addForm(name, image)
        smask = getattr(template, "_smask", None)
        if smask is not None:
            mask_name = doc.getXObjectName(smask.name)
            if doc.idToObject.get(mask_name) is None:
                mask = copy.copy(smask)
                canvas._setXObjects(mask)
                image.smask = doc.Reference(mask, mask_name)
            else:
                image.smask = pdfdoc.PDFObjectReference(mask_name)
            del image._smask
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{reg_name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)


def _image(path: Path) -> tuple[str, pdfdoc.PDFImageXObject]:
    try:
        return _encoded(path, path.stat().st_mtime_ns)
    except OSError as exc:  # checked when the template was loaded; gone or damaged since
        from circular_editor.styles import decode_problem
        problem = decode_problem(path) if path.exists() else None  # (a truncated image: the same line as validate's)
        raise StyleError(f"{path}: emblem: {problem or 'cannot read the image (' + str(exc.strerror or exc) + ')'}"
                         ) from None


@lru_cache(maxsize=8)
def _encoded(path: Path, _version: int) -> tuple[str, pdfdoc.PDFImageXObject]:
    """(drawImage's name for the image, its image object with `_smask`), once per version of the file."""
    data = path.read_bytes()
    key = hashlib.sha1(b"%d %s %s " % (CACHE_FORMAT, REPORTLAB_VERSION.encode(), path.suffix.lower().encode())
                       + data).hexdigest()
    kept = cache_dir() / f"emblem-{key}.json"
    image = _read_kept(kept)
    if image is None:
        image = _encode(path)
        _keep(kept, image)
    return image.name, image


def _encode(path: Path) -> pdfdoc.PDFImageXObject:
    if path.suffix.lower() == ".png":
        # Opened by name, Pillow loads only its PNG plugin; ReportLab opens a file object, for which
        # Pillow loads five (~5 ms of a cold start). Other formats go to ReportLab by name, which keeps
        # its JPEG pass-through.
        from PIL import Image
        reader = ImageReader(Image.open(path))
    else:
        reader = ImageReader(str(path))
    rgb = reader.getRGBData()  # (before `_dataA`, which reading the data sets: drawImage's order)
    alpha = reader._dataA
    name = _digester(rgb + (alpha.getRGBData() if alpha else b"auto"))
    image = pdfdoc.PDFImageXObject(name, reader, mask="auto")
    image.name = name
    return image


def _keep(kept: Path, image: pdfdoc.PDFImageXObject) -> None:
    fields = {k: v for k, v in vars(image).items() if k != "_smask"}
    smask = getattr(image, "_smask", None)
    try:
        text = json.dumps({"image": fields, "smask": vars(smask) if smask is not None else None})
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(kept, text.encode("utf-8"))
    except (OSError, TypeError, ValueError):  # a read-only home, a full disk, a value JSON cannot hold
        pass


def _read_kept(kept: Path) -> pdfdoc.PDFImageXObject | None:
    try:
        data = json.loads(kept.read_bytes())
        image = _image_object(data["image"])
        if data["smask"] is not None:
            image._smask = _image_object(data["smask"])
        return image
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


_KEPT_FIELDS = {"name": str, "width": int, "height": int, "bitsPerComponent": int, "colorSpace": str,
                "_filters": list, "streamContent": str}  # what writing the object reads (JSON types)


def _image_object(fields: dict) -> pdfdoc.PDFImageXObject:
    """An image object with the attributes ReportLab gave it (JSON gives lists for its tuples)."""
    if any(not isinstance(fields.get(k), kind) for k, kind in _KEPT_FIELDS.items()):
        raise ValueError("not an image object")
    image = pdfdoc.PDFImageXObject.__new__(pdfdoc.PDFImageXObject)
    image.__dict__.update({k: tuple(v) if k == "_filters" else v for k, v in fields.items()})
    return image
