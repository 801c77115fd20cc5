"""What makes a circular's PDF an archive file (PDF/A-2u) and a screen reader's (PDF/UA-1), beyond its
tagged content (tagging.py) and its fonts (typeset/pdffont.py): the document's description.

- The document information (/Info) and the same facts as XMP metadata, which PDF/A wants equal
  (ISO 19005-2 6.6.2.3): title = the subject, author = the bureau, subject = the reference, the
  creator tool, ReportLab as producer, and the circular's own date as both dates (the same circular
  always gives the same bytes). The XMP also says what the file claims: `pdfaid:part 2` with
  conformance U, and `pdfuaid:part 1`, a schema PDF/A does not know, hence its extension schema.
- An sRGB output intent with its ICC profile (resources/color/sRGB.icc): the letter paints in device
  RGB (`rg`, the emblem), which PDF/A accepts only with an output intent.
- /ViewerPreferences /DisplayDocTitle true: a viewer's title bar (and a screen reader) shows the
  subject, not the file name (PDF/UA-1 7.1).
- Header `%PDF-1.7` (the file uses 1.5+ features: structure, /Tabs, transparency of the emblem) and
  an end-of-line before every `endstream` (ISO 19005-2 6.1.7.1), which ReportLab does not write.

The objects are written when the document is saved, through ReportLab's `delayedFonts` hook, like
the fonts and the structure tree, once the /Info values are final.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc

from circular_editor.paths import RESOURCES

PDF_VERSION = (1, 7)
ICC_PROFILE = RESOURCES / "color" / "sRGB.icc"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"


def describe(canvas, date: str) -> None:
    """Give the document being drawn on `canvas` its description, dated `date` (YYYY-MM-DD); the
    /Info values (setTitle, setAuthor...) may be set before or after, until it is saved."""
    stamp = date.replace("-", "")
    canvas.setDateFormatter(lambda *_: f"D:{stamp}000000Z")
    doc = canvas._doc
    doc.delayedFonts.append(_Description(f"{date}T00:00:00Z"))


@dataclass(frozen=True)
class Description:
    """What /Info says of a document, as XMP says it too (dates as XMP writes them, 2023-05-02T00:00:00Z)."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str
    producer: str
    created: str
    modified: str


class _Description:
    def __init__(self, xmp_date: str):
        self.xmp_date = xmp_date

    def addObjects(self, doc) -> None:  # ReportLab's name: called once, when the PDF is written
        catalog = doc.Catalog
        info = doc.info
        described = Description(info.title, info.author, info.subject, info.keywords, info.creator, info.producer,
                                self.xmp_date, self.xmp_date)
        catalog.Metadata = RawStream({"Type": "/Metadata", "Subtype": "/XML"}, xmp_packet(described),
                                     compress=False)  # PDF/A: metadata is never filtered (6.6.2.1)
        profile = doc.Reference(RawStream({"N": "3"}, _icc_profile(), compress=True))
        catalog.OutputIntents = pdfdoc.PDFArray([pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("OutputIntent"),
            "S": pdfdoc.PDFName("GTS_PDFA1"),  # (the PDF/A intent's name in every part of PDF/A)
            "OutputConditionIdentifier": pdfdoc.PDFString(OUTPUT_CONDITION),
            "Info": pdfdoc.PDFString(OUTPUT_CONDITION),
            "DestOutputProfile": profile,
        })])
        catalog.ViewerPreferences = pdfdoc.PDFDictionary({"DisplayDocTitle": "true"})
        catalog.__NoDefault__ = pdfdoc.PDFCatalog.__NoDefault__ + ["OutputIntents"]


@lru_cache(maxsize=1)
def _icc_profile() -> bytes:
    return ICC_PROFILE.read_bytes()


class RawStream(pdfdoc.PDFObject):
    """A stream written exactly: its dictionary (values as PDF text), its Length, its bytes, an EOL."""

    def __init__(self, entries: dict[str, str], content: bytes, compress: bool):
        self.entries, self.content, self.compress = entries, content, compress

    def format(self, document) -> bytes:
        content = zlib.compress(self.content) if self.compress else self.content
        entries = dict(self.entries, Length=str(len(content)))
        if self.compress:
            entries["Filter"] = "/FlateDecode"
        head = "<< " + " ".join(f"/{k} {v}" for k, v in entries.items()) + " >>"
        return head.encode("ascii") + b"\nstream\n" + content + b"\nendstream"


_PDFUA_EXTENSION = """<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
     <pdfaProperty:name>part</pdfaProperty:name>
     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
     <pdfaProperty:category>internal</pdfaProperty:category>
     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>"""


def xmp_date(pdf_date: str) -> str:
    """A PDF date (D:20230502000000Z, D:20230502101500+02'00') as XMP writes it."""
    found = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z(?:00'00'?)?|[+-]\d\d'\d\d'?)?", pdf_date.strip())
    if not found:
        raise ValueError(f"not a PDF date: {pdf_date!r}")
    year, month, day, hour, minute, second, zone = found.groups()
    zone = "Z" if not zone or zone.startswith("Z") else zone.rstrip("'").replace("'", ":")
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}{zone}"


def xmp_packet(described: Description) -> bytes:
    """The XMP packet saying what /Info says (each value as /Info writes it) and what the file claims."""
    def text(value) -> str:
        return escape(str(value or ""))
    info = described
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(info.subject)}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{text(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{info.created}</xmp:CreateDate>
   <xmp:ModifyDate>{info.modified}</xmp:ModifyDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{text(info.producer)}</pdf:Producer>
   <pdf:Keywords>{text(info.keywords)}</pdf:Keywords>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>U</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
  {_PDFUA_EXTENSION}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")


def _stream_with_eol(format_stream):
    """ReportLab's stream writer, with the end-of-line PDF/A wants between a stream's data and
    `endstream` (not counted in its Length). ReportLab has no option for it, and it makes the streams
    of its images and of our fonts and pages alike: one wrapper for all, installed once on import."""
    def format(self, document) -> bytes:
        written = format_stream(self, document)
        return written[:-len(b"endstream\n")] + b"\nendstream\n"
    format.__wrapped__ = format_stream
    return format


if not hasattr(pdfdoc.PDFStream.format, "__wrapped__"):
    pdfdoc.PDFStream.format = _stream_with_eol(pdfdoc.PDFStream.format)
