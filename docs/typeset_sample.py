"""Renders docs/images/typeset.png: a page of test paragraphs for the text engine.

    .venv/bin/python docs/typeset_sample.py     (needs pdftoppm from poppler-utils)
"""
import subprocess
import tempfile
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from circular_editor.typeset import ParagraphStyle, Span, draw_paragraph, layout_paragraph

OUT = Path(__file__).resolve().parent / "images" / "typeset.png"
PARAGRAPHS = [
    [Span("الحركات: ", bold=True), Span("تقديم معلومات محدَّثة عن بُعد، ويُشجَّع المشاركون على المواظبة؛ "
                                        "وَالسَّلَامُ عَلَيْكُمْ وَرَحْمَةُ اللَّهِ وَبَرَكَاتُهُ.")],
    [Span("نص مختلط: ", bold=True), Span("يسعدني أن أحيطكم علماً بأن الاتحاد الدولي للاتصالات (ITU) بالتعاون مع "
     "لجنة الأمم المتحدة الاقتصادية لأوروبا (UNECE) وبرنامج (UN-Habitat) بصدد تنظيم الاجتماع السابع لمبادرة "
     "\"متحدون من أجل مدن ذكية مستدامة (U4SSC)\" من الساعة 09:30 إلى الساعة 16:00، يوم 20 يونيو 2023.")],
    [Span("أرقام وعناوين: ", bold=True), Span("الهاتف: +41\u00a022\u00a0730\u00a06301، البريد الإلكتروني: "),
     Span("u4ssc@itu.int", link="mailto:u4ssc@itu.int"), Span("، الموقع: "),
     Span("https://u4ssc.itu.int/latest-meetings/7th-meeting/", link="https://u4ssc.itu.int/latest-meetings/7th-meeting/"),
     Span("، المرجع CL-20/025 و BDT/DIR/110 و WSIS+15.")],
    [Span("أقواس: ", bold=True), Span("(اجتماع افتراضي) و[ملاحظة] و{تفاصيل} و«اقتباس» و"),
     Span("نص مائل", italic=True), Span(" و"), Span("غامق مائل", bold=True, italic=True), Span(".")],
]
KASHIDA = ("الاستراتيجيات والمستوطنات والتكنولوجيات المستدامة والمتخصصة والاقتصادية والإقليمية "
           "والاستراتيجيات والمستوطنات والتكنولوجيات")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "typeset.pdf"
        canvas = Canvas(str(pdf), pagesize=(595, 520), invariant=1)
        top = 490
        for spans in PARAGRAPHS:
            layout = layout_paragraph(spans, 455, ParagraphStyle(size=12))
            top = draw_paragraph(canvas, layout, 70, top, 12) - 10
        for kashida in (False, True):
            label = "بالكشيدة: " if kashida else "بلا كشيدة: "
            layout = layout_paragraph([Span(label, bold=True), Span(KASHIDA)], 262, ParagraphStyle(kashida=kashida))
            top = draw_paragraph(canvas, layout, 70, top, 12) - 10
        canvas.setStrokeGray(0.75)
        canvas.rect(70, top, 455, 490 - top)  # the text box: no glyph may cross it
        canvas.save()
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(OUT.with_suffix(""))], check=True)
    print(OUT)


if __name__ == "__main__":
    main()
