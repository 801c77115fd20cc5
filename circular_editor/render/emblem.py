"""The letterhead's emblem, drawn as ReportLab's `drawImage(..., mask="auto")` draws it, but with
its PDF image objects made once per process instead of once per render.

`drawImage` compresses and ASCII85-encodes the picture and its alpha mask every time a document
draws it: ~2-3 ms of a 10 ms re-render. Here ReportLab makes the objects once (per version of the
file); each document gets shallow copies (sharing the encoded stream), registered the way `drawImage`
registers its own, so the PDF is byte for byte the same (the golden test checks it). This leans on
ReportLab's internals (`_doc.getXObjectName`, `idToObject`, `addForm`, `_setXObjects`,
`_formsinuse`), which is why it lives alone here; ReportLab is pinned below 6.
"""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase import pdfdoc

from circular_editor.styles import StyleError


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
        raise StyleError(f"{path}: emblem: cannot read the image ({exc.strerror or exc})") from None


@lru_cache(maxsize=8)
def _encoded(path: Path, _version: int) -> tuple[str, pdfdoc.PDFImageXObject]:
    """(drawImage's name for the image, its image object with `_smask`), once per version of the file."""
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
    return name, image
