<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar_EG">
<context>
    <name>AnnexesEditor</name>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="352" />
        <location filename="../../circular_editor/ui/lists.py" line="353" />
        <source>Add an annex</source>
        <translation>إضافة ملحق</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="363" />
        <source>Annex %1</source>
        <translation>الملحق %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="365" />
        <source>Annex title</source>
        <translation>عنوان الملحق</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="366" />
        <source>Edit annex title</source>
        <translation>تحرير عنوان الملحق</translation>
    </message>
</context>
<context>
    <name>BlocksEditor</name>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="196" />
        <location filename="../../circular_editor/ui/lists.py" line="197" />
        <source>Add a paragraph</source>
        <translation>إضافة فقرة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="198" />
        <source>Add a list</source>
        <translation>إضافة قائمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="212" />
        <source>Paragraph</source>
        <translation>فقرة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="212" />
        <source>Bulleted list</source>
        <translation>قائمة نقطية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="212" />
        <source>Numbered list</source>
        <translation>قائمة مرقمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="218" />
        <source>Direction: automatic</source>
        <translation>الاتجاه: تلقائي</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="218" />
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="218" />
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="221" />
        <source>Automatic: as the block's first letter (Arabic: right to left, English: left to right)</source>
        <translation>تلقائي: حسب أول حرف في الكتلة (العربية من اليمين إلى اليسار، والإنكليزية من اليسار إلى اليمين)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="230" />
        <source>Edit list</source>
        <translation>تحرير القائمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="233" />
        <source>Edit paragraph</source>
        <translation>تحرير الفقرة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="235" />
        <source>List %1</source>
        <translation>القائمة %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="235" />
        <source>Paragraph %1</source>
        <translation>الفقرة %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="237" />
        <source>Kind of block %1</source>
        <translation>نوع الكتلة %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="238" />
        <source>Direction of block %1</source>
        <translation>اتجاه الكتلة %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="260" />
        <source>Change block direction</source>
        <translation>تغيير اتجاه الكتلة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="282" />
        <source>Change block type</source>
        <translation>تغيير نوع الكتلة</translation>
    </message>
</context>
<context>
    <name>BureauLink</name>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="41" />
        <location filename="../../circular_editor/ui/bureaulink.py" line="138" />
        <location filename="../../circular_editor/ui/bureaulink.py" line="196" />
        <location filename="../../circular_editor/ui/bureaulink.py" line="217" />
        <location filename="../../circular_editor/ui/bureaulink.py" line="261" />
        <source>Bureau server</source>
        <translation>خادم المكتب</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="76" />
        <source>Bureau: connecting…</source>
        <translation>خادم المكتب: جارٍ الاتصال…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="111" />
        <source>Bureau: %n conflict(s)</source>
        <translation>خادم المكتب: تعارضات (%n)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="114" />
        <source>Bureau: %n waiting</source>
        <translation>خادم المكتب: %n بانتظار الإرسال</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="116" />
        <source>Bureau: synced</source>
        <translation>خادم المكتب: متزامن</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="130" />
        <source>Bureau: offline since %1</source>
        <translation>خادم المكتب: غير متصل منذ %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="135" />
        <source>Bureau: not synced</source>
        <translation>خادم المكتب: لم تتم المزامنة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="138" />
        <location filename="../../circular_editor/ui/bureaulink.py" line="206" />
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="200" />
        <source>Server address</source>
        <translation>عنوان الخادم</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="200" />
        <source>Bureau</source>
        <translation>المكتب</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="201" />
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="204" />
        <source>Server address:</source>
        <translation>عنوان الخادم:</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="205" />
        <source>Bureau:</source>
        <translation>المكتب:</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="224" />
        <source>Conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="230" />
        <source>Compare</source>
        <translation>مقارنة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="230" />
        <source>Keep this desk's version</source>
        <translation>الإبقاء على نسخة هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="231" />
        <source>Take the server's version</source>
        <translation>اعتماد نسخة الخادم</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="249" />
        <source>Changed here and on the bureau server (by %1): choose a version, or edit this one and keep it.</source>
        <translation>عُدِّلت هنا وعلى خادم المكتب (بواسطة %1): اختر إحدى النسختين، أو عدِّل هذه النسخة ثم أبقِ عليها.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/bureaulink.py" line="261" />
        <source>This desk</source>
        <translation>هذا الجهاز</translation>
    </message>
</context>
<context>
    <name>CircularForm</name>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="158" />
        <source>Letter</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="159" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="160" />
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="161" />
        <source>Edit place</source>
        <translation>تحرير المكان</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="163" />
        <source>allocated on finalize</source>
        <translation>يُخصَّص عند الإنهاء</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="164" />
        <source>Edit reference</source>
        <translation>تحرير المرجع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="165" />
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="167" />
        <source>Edit addressee lead line</source>
        <translation>تحرير السطر التمهيدي</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="168" />
        <source>e.g. all stakeholders (optional)</source>
        <translation>مثلاً: جميع أصحاب المصلحة (اختياري)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="169" />
        <source>Addressee lead line</source>
        <translation>سطر تمهيدي للمرسل إليهم</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="170" />
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="171" />
        <source>Edit addressees</source>
        <translation>تحرير المرسل إليهم</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="172" />
        <source>Copy to</source>
        <translation>نسخة إلى</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="173" />
        <source>Edit copy-to list</source>
        <translation>تحرير قائمة النسخ</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="175" />
        <source>Contact</source>
        <translation>جهة الاتصال</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="176" />
        <source>Contact person</source>
        <translation>جهة الاتصال</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="176" />
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="177" />
        <source>Fax</source>
        <translation>الفاكس</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="177" />
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="179" />
        <source>Edit contact</source>
        <translation>تحرير جهة الاتصال</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="182" />
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="184" />
        <source>Edit subject</source>
        <translation>تحرير الموضوع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="185" />
        <source>Subject</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="186" />
        <source>Salutation</source>
        <translation>التحية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="187" />
        <source>Edit salutation</source>
        <translation>تحرير التحية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="188" />
        <source>Paragraphs</source>
        <translation>الفقرات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="189" />
        <source>Body</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="190" />
        <source>Closing</source>
        <translation>الخاتمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="191" />
        <source>Edit closing</source>
        <translation>تحرير الخاتمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="193" />
        <source>Signatories</source>
        <translation>الموقِّعون</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="195" />
        <source>Annexes</source>
        <translation>الملحقات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="261" />
        <source>One per line (Alt+Up/Down moves a line)</source>
        <translation>واحد في كل سطر (Alt+أعلى/أسفل لنقل السطر)</translation>
    </message>
</context>
<context>
    <name>CircularList</name>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="95" />
        <source>Search (Ctrl+F)</source>
        <translation>بحث (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="98" />
        <source>Search the circulars</source>
        <translation>البحث في الرسائل المعممة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="102" />
        <source>All styles</source>
        <translation>كل الأنماط</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="106" />
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="106" />
        <source>Drafts</source>
        <translation>المسودات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="107" />
        <source>Final</source>
        <translation>النهائية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="107" />
        <source>Sent</source>
        <translation>المرسلة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="107" />
        <source>Deleted</source>
        <translation>المحذوفة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="110" />
        <source>All years</source>
        <translation>كل السنوات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="117" />
        <source>Circulars</source>
        <translation>الرسائل المعممة</translation>
    </message>
</context>
<context>
    <name>CircularsModel</name>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="27" />
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="27" />
        <source>Subject</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="27" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="27" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="28" />
        <location filename="../../circular_editor/ui/circularlist.py" line="53" />
        <source>draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="28" />
        <source>final</source>
        <translation>نهائية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/circularlist.py" line="28" />
        <source>sent</source>
        <translation>مرسلة</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="99" />
        <source>Change date</source>
        <translation>تغيير التاريخ</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="51" />
        <location filename="../../circular_editor/ui/exporting.py" line="70" />
        <source>Cannot export</source>
        <translation>تعذّر التصدير</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="54" />
        <source>Export as JSON</source>
        <translation>تصدير بصيغة JSON</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="56" />
        <source>Circulars (*.json)</source>
        <translation>رسائل معممة (*.json)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="61" />
        <location filename="../../circular_editor/ui/exporting.py" line="102" />
        <source>Exported to %1.</source>
        <translation>صُدّرت إلى %1.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="74" />
        <source>draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="75" />
        <source>Export PDF</source>
        <translation>تصدير PDF</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="85" />
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="97" />
        <source>Show in folder</source>
        <translation>إظهار في المجلد</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="112" />
        <location filename="../../circular_editor/ui/exporting.py" line="119" />
        <source>Not signed</source>
        <translation>لم يتم التوقيع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="113" />
        <source>Finalize the circular first: a signed circular cannot change afterwards.</source>
        <translation>أنهِ الرسالة أولاً: لا يمكن تغيير رسالة موقّعة بعد توقيعها.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/exporting.py" line="136" />
        <source>Cannot print</source>
        <translation>تعذّرت الطباعة</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../circular_editor/ui/formatting.py" line="37" />
        <source>Put the cursor in a text field first.</source>
        <translation>ضع المؤشر في حقل نصي أولاً.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/formatting.py" line="43" />
        <location filename="../../circular_editor/ui/formatting.py" line="53" />
        <source>Link</source>
        <translation>رابط</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/formatting.py" line="43" />
        <source>A link must start with http://, https:// or mailto: and hold no spaces or brackets.</source>
        <translation>يجب أن يبدأ الرابط بـ http:// أو https:// أو mailto: وألا يحتوي على مسافات أو أقواس.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/formatting.py" line="54" />
        <source>Address (http, https or mailto):</source>
        <translation>العنوان (http أو https أو mailto):</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/formatting.py" line="60" />
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="182" />
        <source>Who did what</source>
        <translation>مَن فعل ماذا</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="183" />
        <source>Version</source>
        <translation>النسخة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="183" />
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="183" />
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="183" />
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="183" />
        <source>Note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="187" />
        <source>draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="187" />
        <source>final</source>
        <translation>نهائية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="187" />
        <source>sent</source>
        <translation>مرسلة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="188" />
        <source>submitted</source>
        <translation>مقدَّمة للتوقيع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="188" />
        <source>returned</source>
        <translation>معادة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="193" />
        <source>signatures: %1</source>
        <translation>التوقيعات: %1</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="131" />
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="141" />
        <source>Move</source>
        <translation>نقل</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="170" />
        <source>Move up (Ctrl+Shift+Up)</source>
        <translation>نقل إلى الأعلى (Ctrl+Shift+Up)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="171" />
        <source>Move down (Ctrl+Shift+Down)</source>
        <translation>نقل إلى الأسفل (Ctrl+Shift+Down)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="172" />
        <source>Remove (Ctrl+Shift+Delete)</source>
        <translation>إزالة (Ctrl+Shift+Delete)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="70" />
        <source>The circular's form</source>
        <translation>استمارة الرسالة المعممة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="93" />
        <source>Store: %1</source>
        <translation>المخزن: %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="94" />
        <location filename="../../circular_editor/ui/mainwindow.py" line="214" />
        <source> (read-only)</source>
        <translation> (للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="121" />
        <source>Warning: %1</source>
        <translation>تنبيه: %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="137" />
        <source>Open a circular from the list, or make a new one (Ctrl+N).</source>
        <translation>افتح رسالة من القائمة، أو أنشئ رسالة جديدة (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="176" />
        <source>Cannot open this circular</source>
        <translation>تعذّر فتح هذه الرسالة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="206" />
        <source> — %1 waiting for me</source>
        <translation> — %1 بانتظاري</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="208" />
        <location filename="../../circular_editor/ui/mainwindow.py" line="218" />
        <source>Circular Editor</source>
        <translation>محرر الرسائل المعممة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="212" />
        <source>New circular</source>
        <translation>رسالة جديدة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="213" />
        <source> (final)</source>
        <translation> (نهائية)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="213" />
        <source> (sent)</source>
        <translation> (مرسلة)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="217" />
        <source> (final, signed %1 of %2)</source>
        <translation> (نهائية، وُقِّعت %1 من %2)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="236" />
        <source> (and %1 more)</source>
        <translation> (و%1 غيرها)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="272" />
        <source>Cannot use this style</source>
        <translation>تعذّر استخدام هذا النمط</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="327" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="328" />
        <source>The new language is used from the next start of the editor.</source>
        <translation>تُستخدم اللغة الجديدة عند التشغيل التالي للمحرر.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/mainwindow.py" line="333" />
        <source>The store refused</source>
        <translation>رفض المخزن الطلب</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="51" />
        <source>&amp;Undo</source>
        <translation>ترا&amp;جع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="53" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="58" />
        <source>&amp;New circular…</source>
        <translation>رسالة &amp;جديدة…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="59" />
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="60" />
        <source>&amp;Duplicate</source>
        <translation>&amp;نسخ كمسودة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="61" />
        <source>De&amp;lete</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="62" />
        <source>Restore deleted circular</source>
        <translation>استعادة الرسالة المحذوفة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="63" />
        <source>&amp;Finalize…</source>
        <translation>إ&amp;نهاء…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="64" />
        <source>Mark as &amp;sent</source>
        <translation>وضع علامة &amp;مرسلة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="65" />
        <source>Reopen as a new &amp;draft</source>
        <translation>إعادة الفتح كمسودة &amp;جديدة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="66" />
        <source>&amp;Import…</source>
        <translation>ا&amp;ستيراد…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="67" />
        <source>Export as &amp;JSON…</source>
        <translation>تصدير بصيغة &amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="68" />
        <source>&amp;Export PDF…</source>
        <translation>&amp;تصدير PDF…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="69" />
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="70" />
        <source>Si&amp;gn and export…</source>
        <translation>ت&amp;وقيع وتصدير…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="71" />
        <source>Sign the PDF with your certificate and export it</source>
        <translation>توقيع ملف PDF بشهادتك وتصديره</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="72" />
        <source>&amp;Verify a signed PDF…</source>
        <translation>ال&amp;تحقق من ملف PDF موقّع…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="73" />
        <source>Print pre&amp;view…</source>
        <translation>م&amp;عاينة الطباعة…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="75" />
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="76" />
        <source>Zoom &amp;out</source>
        <translation>تص&amp;غير</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="77" />
        <source>Fit &amp;width</source>
        <translation>ملاءمة ال&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="78" />
        <source>Fit &amp;page</source>
        <translation>ملاءمة ال&amp;صفحة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="79" />
        <source>Version &amp;history…</source>
        <translation>سجل ال&amp;نسخ…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="80" />
        <source>&amp;Find in list</source>
        <translation>ال&amp;بحث في القائمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="81" />
        <source>&amp;Bold</source>
        <translation>&amp;غامق</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="82" />
        <source>&amp;Italic</source>
        <translation>&amp;مائل</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="83" />
        <source>&amp;Link…</source>
        <translation>&amp;رابط…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="84" />
        <source>Se&amp;ttings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="86" />
        <source>&amp;Bureau server…</source>
        <translation>&amp;خادم المكتب…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="87" />
        <source>Su&amp;bmit for signature…</source>
        <translation>ت&amp;قديم للتوقيع…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="88" />
        <source>&amp;Take back</source>
        <translation>ا&amp;سترداد</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="89" />
        <source>&amp;Return with a note…</source>
        <translation>إ&amp;عادة مع ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="90" />
        <source>&amp;Waiting for me</source>
        <translation>&amp;بانتظاري</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="92" />
        <source>Who did &amp;what…</source>
        <translation>مَن &amp;فعل ماذا…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="93" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="94" />
        <source>&amp;About Circular Editor</source>
        <translation>&amp;حول محرر الرسائل المعممة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="95" />
        <source>About &amp;Qt</source>
        <translation>حول &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="100" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="101" />
        <source>New from &amp;style</source>
        <translation>جديدة من &amp;نمط</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="105" />
        <source>&amp;Recent circulars</source>
        <translation>الرسائل الأ&amp;خيرة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="113" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="119" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="121" />
        <source>&amp;Circular</source>
        <translation>ال&amp;رسالة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="128" />
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="133" />
        <source>Tools</source>
        <translation>الأدوات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="167" />
        <source>draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/menus.py" line="171" />
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>NumberingField</name>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="108" />
        <source>numbered</source>
        <translation>مرقمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="108" />
        <source>not numbered</source>
        <translation>غير مرقمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="109" />
        <source>Style default (%1)</source>
        <translation>افتراضي النمط (%1)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="109" />
        <source>Numbered</source>
        <translation>مرقمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="110" />
        <source>Not numbered</source>
        <translation>غير مرقمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/form.py" line="125" />
        <source>Paragraph numbering</source>
        <translation>ترقيم الفقرات</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="88" />
        <source>(no subject)</source>
        <translation>(بلا موضوع)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="89" />
        <source>circular #%1</source>
        <translation>الرسالة رقم %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="89" />
        <source>new</source>
        <translation>جديدة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="96" />
        <source>Recovered unsaved edits: save them to keep them.</source>
        <translation>استُعيدت التعديلات غير المحفوظة: احفظها للاحتفاظ بها.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="111" />
        <source>Not saved</source>
        <translation>لم تُحفظ</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="112" />
        <source>Your edits are kept in an autosaved draft until this is corrected.</source>
        <translation>تبقى تعديلاتك في مسودة محفوظة تلقائياً إلى أن يُصحَّح ذلك.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="137" />
        <source>Saved (version %1).</source>
        <translation>حُفظت (النسخة %1).</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="165" />
        <source>A copy as a new draft: save it to keep it.</source>
        <translation>نسخة كمسودة جديدة: احفظها للاحتفاظ بها.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="182" />
        <source>Undo delete</source>
        <translation>التراجع عن الحذف</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="187" />
        <source>Deleted. It stays in the list of deleted circulars.</source>
        <translation>حُذفت. وتبقى في قائمة الرسائل المحذوفة.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="200" />
        <source>Restored.</source>
        <translation>استُعيدت.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="217" />
        <source>Cannot finalize</source>
        <translation>تعذّر الإنهاء</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="219" />
        <source>Finalize</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="219" />
        <source>Finalize this circular?</source>
        <translation>إنهاء هذه الرسالة؟</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="220" />
        <source>It gets its reference now, if it has none, and cannot be edited afterwards (a copy can).</source>
        <translation>تحصل على مرجعها الآن إن لم يكن لها مرجع، ولا يمكن تحريرها بعد ذلك (يمكن تحرير نسخة منها).</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="228" />
        <source>Finalized as %1.</source>
        <translation>أُنهيت بالمرجع %1.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="265" />
        <source>Version %1</source>
        <translation>النسخة %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="266" />
        <source>Now</source>
        <translation>الحالية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="271" />
        <source>Restored as version %1.</source>
        <translation>استُعيدت بوصفها النسخة %1.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="277" />
        <source>Import circulars</source>
        <translation>استيراد رسائل</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="279" />
        <source>Circulars (*.json);;All files (*)</source>
        <translation>رسائل معممة (*.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="284" />
        <source>Importing %1 files…</source>
        <translation>جارٍ استيراد %1 من الملفات…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="294" />
        <source>%1 imported, %2 refused.</source>
        <translation>استُوردت %1، ورُفضت %2.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/operations.py" line="298" />
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../circular_editor/ui/pageview.py" line="349" />
        <source>&amp;Copy</source>
        <translation>&amp;نسخ</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/pageview.py" line="351" />
        <source>Select the &amp;page's text</source>
        <translation>تحديد نص ال&amp;صفحة</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="55" />
        <source>Preview</source>
        <translation>المعاينة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="90" />
        <source>Zoom out (Ctrl+−)</source>
        <translation>تصغير (Ctrl+−)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="94" />
        <source>Fit width</source>
        <translation>ملاءمة العرض</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="95" />
        <source>Fit page</source>
        <translation>ملاءمة الصفحة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="99" />
        <location filename="../../circular_editor/ui/preview.py" line="100" />
        <source>Zoom</source>
        <translation>التكبير</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="104" />
        <source>Zoom in (Ctrl++)</source>
        <translation>تكبير (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="110" />
        <source>Previous page</source>
        <translation>الصفحة السابقة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="114" />
        <location filename="../../circular_editor/ui/preview.py" line="115" />
        <source>Page</source>
        <translation>الصفحة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="123" />
        <source>Next page</source>
        <translation>الصفحة التالية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="139" />
        <source>Preparing the preview…</source>
        <translation>جارٍ إعداد المعاينة…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="145" />
        <source>The PDF preview of the open circular will show here.</source>
        <translation>ستظهر هنا معاينة PDF للرسالة المفتوحة.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="161" />
        <source>Updating…</source>
        <translation>جارٍ التحديث…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="189" />
        <source>The preview is not up to date: %1</source>
        <translation>المعاينة غير محدّثة: %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="192" />
        <source>No preview yet.</source>
        <translation>لا معاينة بعد.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="208" />
        <source>of %1</source>
        <translation>من %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/preview.py" line="209" />
        <source>Preview, page %1 of %2</source>
        <translation>المعاينة، الصفحة %1 من %2</translation>
    </message>
</context>
<context>
    <name>SignatoriesEditor</name>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="291" />
        <location filename="../../circular_editor/ui/lists.py" line="296" />
        <source>Add a signatory</source>
        <translation>إضافة موقِّع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="292" />
        <source>The style's default signatory</source>
        <translation>الموقِّع الافتراضي للنمط</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="313" />
        <source>Note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="313" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="313" />
        <source>Title</source>
        <translation>المنصب</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="316" />
        <source>Signatory %1: %2</source>
        <translation>الموقِّع %1: %2</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="319" />
        <source>Edit signatory</source>
        <translation>تحرير الموقِّع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/lists.py" line="341" />
        <source>Signatories</source>
        <translation>الموقِّعون</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="22" />
        <source>Signature</source>
        <translation>التوقيع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="72" />
        <source>Deleted: read-only. Restore it to change it.</source>
        <translation>محذوفة: للقراءة فقط. استعِدها لتعديلها.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="74" />
        <source>Final: read-only. To change it, reopen it as a new draft.</source>
        <translation>نهائية: للقراءة فقط. لتعديلها، أعد فتحها كمسودة جديدة.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="76" />
        <source>Sent: read-only. To change it, reopen it as a new draft.</source>
        <translation>مرسلة: للقراءة فقط. لتعديلها، أعد فتحها كمسودة جديدة.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="87" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="90" />
        <source>Submitted to you for review (signatories: %1): return it with a note, or finalize it.</source>
        <translation>قُدِّمت إليك للمراجعة (الموقِّعون: %1): أعِدها مع ملاحظة، أو اعتمدها نهائياً.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="92" />
        <source>Submitted for signature to %1: read-only until it is taken back.</source>
        <translation>قُدِّمت للتوقيع إلى %1: للقراءة فقط إلى أن تُسترد.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="94" />
        <source>Returned with a note: «%1». Change it, then submit it again.</source>
        <translation>أُعيدت مع ملاحظة: «%1». عدِّلها ثم قدِّمها للتوقيع من جديد.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="96" />
        <source>Waiting for your signature.</source>
        <translation>بانتظار توقيعك.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="114" />
        <source>Submitted for signature.</source>
        <translation>قُدِّمت للتوقيع.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="123" />
        <source>Taken back.</source>
        <translation>استُردَّت.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="129" />
        <source>Return with a note</source>
        <translation>إعادة مع ملاحظة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="130" />
        <source>Why is it returned? (shown to the assistant)</source>
        <translation>لماذا تُعاد؟ (تظهر للمساعد)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="134" />
        <source>Returned.</source>
        <translation>أُعيدت.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../circular_editor/ui/app.py" line="60" />
        <location filename="../../circular_editor/ui/app.py" line="105" />
        <location filename="../../circular_editor/ui/app.py" line="111" />
        <location filename="../../circular_editor/ui/app.py" line="114" />
        <source>Circular Editor</source>
        <translation>محرر الرسائل المعممة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/app.py" line="108" />
        <source>Repairing the store from its backups…</source>
        <translation>جارٍ إصلاح المخزن من نسخه الاحتياطية…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/app.py" line="122" />
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/app.py" line="123" />
        <source>Something went wrong inside the editor. Your saved circulars are safe; unsaved edits are in the autosaved draft.</source>
        <translation>حدث خطأ داخل المحرر. رسائلك المحفوظة سليمة، والتعديلات غير المحفوظة في المسودة المحفوظة تلقائياً.</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <location filename="../../circular_editor/ui/compare.py" line="77" />
        <source>Paragraph %1</source>
        <translation>الفقرة %1</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/compare.py" line="101" />
        <source>What changed</source>
        <translation>ما الذي تغيّر</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/compare.py" line="123" />
        <source>changed</source>
        <translation>تغيّرت</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/compare.py" line="124" />
        <source>added</source>
        <translation>أضيفت</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/compare.py" line="125" />
        <source>removed</source>
        <translation>حُذفت</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/compare.py" line="131" />
        <source>No difference.</source>
        <translation>لا فرق.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/compare.py" line="155" />
        <source>Before:</source>
        <translation>قبل:</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/compare.py" line="156" />
        <source>Now:</source>
        <translation>الآن:</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="35" />
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="36" />
        <source>Save the changes to %1?</source>
        <translation>حفظ التغييرات في %1؟</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="37" />
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="38" />
        <source>Discard changes</source>
        <translation>تجاهل التغييرات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="40" />
        <location filename="../../circular_editor/ui/dialogs.py" line="49" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="42" />
        <source>If you discard them, the last saved version stays as it is.</source>
        <translation>إن تجاهلتها بقيت آخر نسخة محفوظة كما هي.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="73" />
        <location filename="../../circular_editor/ui/dialogs.py" line="78" />
        <location filename="../../circular_editor/ui/dialogs.py" line="207" />
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="84" />
        <source>The store is in use</source>
        <translation>المخزن قيد الاستخدام</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="86" />
        <source>Open read-only</source>
        <translation>فتح للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="88" />
        <location filename="../../circular_editor/ui/dialogs.py" line="137" />
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="140" />
        <source>The store cannot be read</source>
        <translation>تتعذّر قراءة المخزن</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="135" />
        <source>Repair from the backup</source>
        <translation>إصلاح من النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="138" />
        <source>Only the files that cannot be read are replaced; the damaged files are kept aside, not deleted.</source>
        <translation>لا يُستبدل إلا ما تعذّرت قراءته من الملفات، وتُحفظ الملفات التالفة جانباً ولا تُحذف.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="149" />
        <source>Recover unsaved edits</source>
        <translation>استعادة التعديلات غير المحفوظة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="151" />
        <source>The editor was closed with unsaved edits. Recover them?</source>
        <translation>أُغلق المحرر وفيه تعديلات غير محفوظة. هل تريد استعادتها؟</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="162" />
        <source>Recover</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="163" />
        <source>Discard them</source>
        <translation>تجاهلها</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="179" />
        <source>Version history</source>
        <translation>سجل النسخ</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="183" />
        <source>draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="184" />
        <source>final</source>
        <translation>نهائية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="185" />
        <source>sent</source>
        <translation>مرسلة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="196" />
        <source>No earlier versions.</source>
        <translation>لا توجد نسخ سابقة.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="199" />
        <source>Restore this version</source>
        <translation>استعادة هذه النسخة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="202" />
        <source>Compare with now…</source>
        <translation>قارن بالحالية…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="221" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="227" />
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="229" />
        <source>only the built-in templates</source>
        <translation>القوالب المدمجة فقط</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="232" />
        <source>T&amp;rusted certificates</source>
        <translation>الشهادات ال&amp;موثوقة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="233" />
        <source>none: signatures are checked, not trusted</source>
        <translation>لا شيء: يُتحقق من التوقيعات دون الوثوق بها</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="235" />
        <source>Trusted certificates</source>
        <translation>الشهادات الموثوقة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="236" />
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>الشهادات (*.pem *.crt *.cer *.der);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="249" />
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="271" />
        <source>NOT VALID: the signed bytes have changed, or the signature does not match them</source>
        <translation>غير صالح: تغيَّرت البايتات الموقَّعة، أو لا يطابقها التوقيع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="274" />
        <source>CHANGED after it was signed:</source>
        <translation>تغيَّر بعد توقيعه:</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="277" />
        <source>intact, and nothing but later signatures added since</source>
        <translation>سليم، ولم يُضَف إليه بعد توقيعه إلا توقيعات لاحقة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="281" />
        <source>NOT TRUSTED:</source>
        <translation>غير موثوق:</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="303" />
        <source>&lt;h3&gt;Circular Editor %1&lt;/h3&gt;&lt;p&gt;Writes ITU circular letters in Arabic and exports them as PDF.&lt;/p&gt;&lt;p&gt;Fonts embedded in every PDF:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Amiri&lt;/b&gt;, SIL Open Font Licence 1.1&lt;/li&gt;&lt;li&gt;&lt;b&gt;DejaVu Sans&lt;/b&gt; (symbols Amiri lacks), Bitstream Vera licence&lt;/li&gt;&lt;li&gt;&lt;b&gt;Symbola&lt;/b&gt; (symbols and emoji neither has), free for any use&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Their licences:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;محرر الرسائل المعممة %1&lt;/h3&gt;&lt;p&gt;يكتب الرسائل المعممة للاتحاد الدولي للاتصالات بالعربية ويصدّرها بصيغة PDF.&lt;/p&gt;&lt;p&gt;الخطوط المضمّنة في كل ملف PDF:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;خط &lt;b&gt;Amiri&lt;/b&gt;، بموجب رخصة SIL Open Font 1.1&lt;/li&gt;&lt;li&gt;خط &lt;b&gt;DejaVu Sans&lt;/b&gt; للرموز التي لا يتضمنها Amiri، بموجب رخصة Bitstream Vera&lt;/li&gt;&lt;li&gt;خط &lt;b&gt;Symbola&lt;/b&gt; للرموز والوجوه التعبيرية التي لا يتضمنها أيّ منهما، وهو مجاني لأي استخدام&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;نصوص الرخص:&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="228" />
        <source>&amp;Template folder</source>
        <translation>مجلد ال&amp;قوالب</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="231" />
        <source>Template folder</source>
        <translation>مجلد القوالب</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="262" />
        <source>Signatures</source>
        <translation>التوقيعات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="264" />
        <source>This PDF holds no signature.</source>
        <translation>لا يحمل ملف PDF هذا أي توقيع.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="279" />
        <source>the certificate is trusted</source>
        <translation>الشهادة موثوقة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/dialogs.py" line="316" />
        <source>About Circular Editor</source>
        <translation>حول محرر الرسائل المعممة</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="19" />
        <source>too long: %1 characters, at most %2</source>
        <translation>طويل جداً: %1 حرفاً، والحد الأقصى %2</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="22" />
        <source>too many entries: %1, at most %2</source>
        <translation>عدد كبير جداً من العناصر: %1، والحد الأقصى %2</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="25" />
        <source>A circular needs a subject.</source>
        <translation>تحتاج الرسالة إلى موضوع.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="27" />
        <source>A circular needs at least one addressee.</source>
        <translation>تحتاج الرسالة إلى مرسل إليه واحد على الأقل.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="29" />
        <source>A circular needs at least one paragraph.</source>
        <translation>تحتاج الرسالة إلى فقرة واحدة على الأقل.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="30" />
        <source>not a date</source>
        <translation>ليس تاريخاً</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="32" />
        <source>No font has %1 (%2) or %3 other characters: they would print as boxes.</source>
        <translation>لا يوجد خط يحوي الحرف %1 (%2) ولا %3 أحرف أخرى: ستُطبع مربعات.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="34" />
        <source>No font has %1 (%2): it would print as a box.</source>
        <translation>لا يوجد خط يحوي الحرف %1 (%2): سيُطبع مربعاً.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="48" />
        <source>The store in %1 is in use by process %2: close the other Circular Editor first, or open this one read-only.</source>
        <translation>المخزن في %1 مستخدَم من العملية %2: أغلق نسخة محرر الرسائل الأخرى أولاً، أو افتح هذا المخزن للقراءة فقط.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="51" />
        <source>The store in %1 is in use by another program: close the other Circular Editor first, or open this one read-only.</source>
        <translation>المخزن في %1 مستخدَم من برنامج آخر: أغلق نسخة محرر الرسائل الأخرى أولاً، أو افتح هذا المخزن للقراءة فقط.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="55" />
        <source>The store file %1 cannot be used (%2). It has not been changed; a repair looks in every backup for an intact copy.</source>
        <translation>لا يمكن استخدام ملف المخزن %1 (%2). لم يُغيَّر الملف؛ ويبحث الإصلاح في كل النسخ الاحتياطية عن نسخة سليمة.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="59" />
        <source>Circular #%1 is submitted for signature: take it back to change it.</source>
        <translation>الرسالة رقم %1 مقدَّمة للتوقيع: استردَّها لتعديلها.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="62" />
        <source>The bureau server at %1 cannot be reached; your work is kept on this computer (%2).</source>
        <translation>تعذّر الوصول إلى خادم المكتب في %1؛ عملك محفوظ على هذا الجهاز (%2).</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="66" />
        <source>This computer is joined to a bureau server, which alone gives references: finalize while it can be reached.</source>
        <translation>هذا الجهاز منضم إلى خادم المكتب، وهو وحده يمنح المراجع: اعتمد الرسالة نهائياً حين يمكن الوصول إليه.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="92" />
        <source>Subject</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="93" />
        <source>Body</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="94" />
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="95" />
        <source>Copy to</source>
        <translation>نسخة إلى</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="96" />
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="97" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="98" />
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="99" />
        <source>Salutation</source>
        <translation>التحية</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="100" />
        <source>Closing</source>
        <translation>الخاتمة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="101" />
        <source>Signatories</source>
        <translation>الموقِّعون</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="102" />
        <source>Annexes</source>
        <translation>الملحقات</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="103" />
        <source>Contact</source>
        <translation>جهة الاتصال</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/messages.py" line="104" />
        <source>Addressee lead line</source>
        <translation>سطر تمهيدي للمرسل إليهم</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <location filename="../../circular_editor/ui/renderclient.py" line="122" />
        <source>The preview is closed.</source>
        <translation>المعاينة مغلقة.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/renderclient.py" line="138" />
        <source>The preview took longer than %1 s and was stopped; the next edit tries again.</source>
        <translation>استغرقت المعاينة أكثر من %1 ثانية فأوقفت؛ وستُعاد المحاولة عند التعديل التالي.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/renderclient.py" line="141" />
        <source>The preview's render process stopped unexpectedly (exit code %1); it was restarted.</source>
        <translation>توقفت عملية إعداد المعاينة على نحو غير متوقع (رمز الخروج %1)؛ وأعيد تشغيلها.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../circular_editor/ui/printing.py" line="47" />
        <source>The printer could not be started.</source>
        <translation>تعذّر تشغيل الطابعة.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/printing.py" line="93" />
        <source>Print preview</source>
        <translation>معاينة الطباعة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/printing.py" line="101" />
        <source>Printing…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/printing.py" line="102" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/printing.py" line="114" />
        <source>Cannot print</source>
        <translation>تعذّرت الطباعة</translation>
    </message>
</context>
<context>
    <name>signing</name>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="71" />
        <source>This letter shows no signatory.</source>
        <translation>لا تتضمن هذه الرسالة أي موقِّع.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="73" />
        <source>Every signatory of this letter has signed it.</source>
        <translation>وقَّع جميع موقِّعي هذه الرسالة عليها.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="77" />
        <source>Sign</source>
        <translation>توقيع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="78" />
        <source>Who signs?</source>
        <translation>من يوقّع؟</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="85" />
        <source>Your certificate and key</source>
        <translation>شهادتك ومفتاحك</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="86" />
        <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>ملفات PKCS#12 (*.p12 *.pfx);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="95" />
        <source>Wrong password. Password of %1:</source>
        <translation>كلمة المرور غير صحيحة. كلمة مرور %1:</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="97" />
        <source>Password of %1:</source>
        <translation>كلمة مرور %1:</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="98" />
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="129" />
        <source>The certificate belongs to %1, but this block is %2's.

Is this certificate %2's own? If you confirm it, it is remembered as theirs.</source>
        <translation>الشهادة باسم %1، لكن خانة التوقيع هذه لـ %2.

هل هذه الشهادة شهادةُ %2 نفسه؟ إن أكَّدت ذلك حُفظت على أنها شهادته.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="133" />
        <source>Whose certificate?</source>
        <translation>شهادة مَن؟</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="150" />
        <source>signed</source>
        <translation>موقعة</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="151" />
        <source>Export the signed PDF</source>
        <translation>تصدير ملف PDF الموقّع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="156" />
        <source>A signed PDF is never overwritten; choose another name.</source>
        <translation>لا يُكتب فوق ملف PDF موقّع أبداً؛ اختر اسماً آخر.</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="159" />
        <source>Signing…</source>
        <translation>جارٍ التوقيع…</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="189" />
        <source>Not signed</source>
        <translation>لم يتم التوقيع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="196" />
        <source>Verify a signed PDF</source>
        <translation>التحقق من ملف PDF موقّع</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="197" />
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../circular_editor/ui/signflow.py" line="214" />
        <source>Signatures</source>
        <translation>التوقيعات</translation>
    </message>
</context>
<context>
    <name>workflow</name>
    <message>
        <location filename="../../circular_editor/ui/workflow.py" line="165" />
        <source>Submit for signature</source>
        <translation>تقديم للتوقيع</translation>
    </message>
</context>
</TS>