"""The preview's parts that need no Qt: the render worker's loop (`worker.py`, the separate process the
editor renders in) and PDF pages through PDFium (`pages.py`: sizes, rasters, the text a reader copies).
The editor's widgets (circular_editor/ui/) use them; the worker process loads no Qt at all.
"""
