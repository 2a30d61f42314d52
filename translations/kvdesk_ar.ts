<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG" sourcelanguage="en">
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>kv::client::BulkExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت الكتابة إلى ‎%1: %2</translation>
    </message>
</context>
<context>
    <name>kv::client::BulkImport</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>تعذّرت قراءة ‎%1: %2</translation>
    </message>
    <message>
        <source>the batch was refused</source>
        <translation>رُفضت الدفعة</translation>
    </message>
</context>
<context>
    <name>kv::ui::ApiKeyModel</name>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>مُبطَل</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>مُدوَّر</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Key id %1</source>
        <translation>معرّف المفتاح %1</translation>
    </message>
    <message>
        <source>Every namespace</source>
        <translation>كل مساحات الأسماء</translation>
    </message>
    <message>
        <source>Expired at %1</source>
        <translation>انتهت صلاحيته في %1</translation>
    </message>
    <message>
        <source>Revoked at %1</source>
        <translation>أُبطِل في %1</translation>
    </message>
    <message>
        <source>Replaced by the key %1 at %2</source>
        <translation>استُبدل بالمفتاح %1 في %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>البادئة</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>نطاقات الصلاحية</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>مساحات الأسماء</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>تاريخ الإنشاء</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>تنتهي صلاحيته</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>آخر استخدام</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
</context>
<context>
    <name>kv::ui::ApiKeyText</name>
    <message>
        <source>Read</source>
        <translation>قراءة</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>كتابة</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>إدارة</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>إشارات</translation>
    </message>
    <message>
        <source>List namespaces and keys, read values and usage</source>
        <translation>سرد مساحات الأسماء والمفاتيح، وقراءة القيم والاستخدام</translation>
    </message>
    <message>
        <source>Put and delete values, one at a time or in batches</source>
        <translation>كتابة القيم وحذفها، واحدةً تلو الأخرى أو على دفعات</translation>
    </message>
    <message>
        <source>Create and delete namespaces, change plans, manage API keys, read the audit trail and live events</source>
        <translation>إنشاء مساحات الأسماء وحذفها، وتغيير الخطط، وإدارة مفاتيح API، وقراءة سجل التدقيق والأحداث المباشرة</translation>
    </message>
    <message>
        <source>Connect WebRTC peers to the signaling relay</source>
        <translation>توصيل نظراء WebRTC بمُرحِّل الإشارات</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
</context>
<context>
    <name>kv::ui::ApiKeysPage</name>
    <message>
        <source>“%1” (%2)</source>
        <translation>«%1» (%2)</translation>
    </message>
    <message>
        <source>Show &amp;inactive keys</source>
        <translation>إظهار المفاتيح غير النشطة</translation>
    </message>
    <message>
        <source>API key actions</source>
        <translation>إجراءات مفاتيح API</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>التصفية:</translation>
    </message>
    <message>
        <source>API key filter</source>
        <translation>تصفية مفاتيح API</translation>
    </message>
    <message>
        <source>Shows only the keys whose name or prefix contains this text</source>
        <translation>يعرض فقط المفاتيح التي يحتوي اسمها أو بادئتها على هذا النص</translation>
    </message>
    <message>
        <source>Name or prefix</source>
        <translation>الاسم أو البادئة</translation>
    </message>
    <message>
        <source>Also lists the keys that were revoked, rotated or have expired</source>
        <translation>يسرد أيضًا المفاتيح التي أُبطلت أو دُوِّرت أو انتهت صلاحيتها</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>مفاتيح API</translation>
    </message>
    <message>
        <source>Every API key with its scopes, namespaces, expiry, last use and status. Insert creates a key, Delete revokes the selected one.</source>
        <translation>كل مفاتيح API مع نطاقات صلاحيتها ومساحات أسمائها وانتهاء صلاحيتها وآخر استخدام لها وحالتها. يُنشئ Insert مفتاحًا، ويُبطل Delete المفتاح المحدد.</translation>
    </message>
    <message>
        <source>&amp;New API Key…</source>
        <translation>مفتاح API جديد…</translation>
    </message>
    <message>
        <source>Create an API key (Ctrl+Shift+K or Insert)</source>
        <translation>إنشاء مفتاح API (Ctrl+Shift+K أو Insert)</translation>
    </message>
    <message>
        <source>&amp;Rotate…</source>
        <translation>تدوير…</translation>
    </message>
    <message>
        <source>Replace the selected key&apos;s secret with a new one</source>
        <translation>استبدال سر المفتاح المحدد بسر جديد</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>إبطال…</translation>
    </message>
    <message>
        <source>Revoke the selected key (Del in the table)</source>
        <translation>إبطال المفتاح المحدد (Del في الجدول)</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>أُنشئ مفتاح API</translation>
    </message>
    <message>
        <source>Rotate API key</source>
        <translation>تدوير مفتاح API</translation>
    </message>
    <message>
        <source>Rotate the API key %1?</source>
        <translation>أتريد تدوير مفتاح API ‏%1؟</translation>
    </message>
    <message>
        <source>A new secret is issued under a new prefix, with the same name, scopes, namespaces and expiry. The current secret stops working at once: clients still using it get 401 Unauthorized until they use the new one.</source>
        <translation>يُصدَر سر جديد ببادئة جديدة، بالاسم ونطاقات الصلاحية ومساحات الأسماء وانتهاء الصلاحية نفسها. يتوقف السر الحالي عن العمل فورًا: يتلقى العملاء الذين ما زالوا يستخدمونه الخطأ 401 Unauthorized إلى أن يستخدموا السر الجديد.</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>تدوير</translation>
    </message>
    <message>
        <source>API key rotated</source>
        <translation>دُوِّر مفتاح API</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>إبطال مفتاح API</translation>
    </message>
    <message>
        <source>Revoke the API key %1?</source>
        <translation>أتريد إبطال مفتاح API ‏%1؟</translation>
    </message>
    <message>
        <source>Every client using this key is refused with 401 Unauthorized from now on. A revoked key cannot be brought back; create a new one if it is needed again.</source>
        <translation>سيُرفض من الآن فصاعدًا كل عميل يستخدم هذا المفتاح بالخطأ 401 Unauthorized. لا يمكن استعادة مفتاح مُبطَل؛ أنشئ مفتاحًا جديدًا إن احتجت إليه مرة أخرى.</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>إبطال</translation>
    </message>
    <message>
        <source>The secret of the API key %1:</source>
        <translation>سر مفتاح API ‏%1:</translation>
    </message>
</context>
<context>
    <name>kv::ui::AuditFilterBar</name>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>Shows only the events of this period</source>
        <translation>يعرض فقط أحداث هذه الفترة</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>أي وقت</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>آخر ساعة</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>آخر 24 ساعة</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>نطاق مخصص</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>The earliest time of the custom range, included</source>
        <translation>أقدم وقت في النطاق المخصص، مشمولًا</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>The end of the custom range, excluded</source>
        <translation>نهاية النطاق المخصص، غير مشمولة</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>المنفِّذ</translation>
    </message>
    <message>
        <source>Shows only the events of this actor: an API key id, local or billing; empty for any</source>
        <translation>يعرض فقط أحداث هذا المنفِّذ: معرّف مفتاح API، أو local، أو billing؛ اتركه فارغًا لأي منفِّذ</translation>
    </message>
    <message>
        <source>Any actor</source>
        <translation>أي منفِّذ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Shows only the events of this action</source>
        <translation>يعرض فقط أحداث هذا الإجراء</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>أي إجراء</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>مساحة الاسم</translation>
    </message>
    <message>
        <source>Shows only the events of this namespace id; empty for any</source>
        <translation>يعرض فقط أحداث معرّف مساحة الاسم هذا؛ اتركه فارغًا لأي مساحة اسم</translation>
    </message>
    <message>
        <source>Any namespace</source>
        <translation>أي مساحة اسم</translation>
    </message>
    <message>
        <source>Problem with the filter</source>
        <translation>مشكلة في عامل التصفية</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>الفترة:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>من:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>إلى:</translation>
    </message>
    <message>
        <source>Ac&amp;tor:</source>
        <translation>المنفِّذ:</translation>
    </message>
    <message>
        <source>Act&amp;ion:</source>
        <translation>الإجراء:</translation>
    </message>
    <message>
        <source>Namespa&amp;ce:</source>
        <translation>مساحة الاسم:</translation>
    </message>
    <message>
        <source>The range must start before it ends.</source>
        <translation>يجب أن يبدأ النطاق قبل أن ينتهي.</translation>
    </message>
    <message>
        <source>Filter not applied: %1</source>
        <translation>لم يُطبَّق عامل التصفية: %1</translation>
    </message>
</context>
<context>
    <name>kv::ui::AuditModel</name>
    <message>
        <source>%1 UTC</source>
        <translation>‏%1 بتوقيت UTC</translation>
    </message>
    <message>
        <source>Local time, newest first; the UTC time is in each row&apos;s tooltip</source>
        <translation>الوقت المحلي، الأحدث أولًا؛ الوقت بتوقيت UTC في تلميح كل صف</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>المنفِّذ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>مساحة الاسم</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>معرّف الطلب</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
</context>
<context>
    <name>kv::ui::AuditPage</name>
    <message>
        <source>Audit trail status</source>
        <translation>حالة سجل التدقيق</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>أحداث التدقيق</translation>
    </message>
    <message>
        <source>Who changed what, newest first: time, actor, action, namespace, target, request id and details</source>
        <translation>من غيّر ماذا، الأحدث أولًا: الوقت، والمنفِّذ، والإجراء، ومساحة الاسم، والهدف، ومعرّف الطلب، والتفاصيل</translation>
    </message>
    <message>
        <source>Detai&amp;ls:</source>
        <translation>التفاصيل:</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>تفاصيل الحدث</translation>
    </message>
    <message>
        <source>The chosen audit event, whole, as JSON</source>
        <translation>حدث التدقيق المختار كاملًا بصيغة JSON</translation>
    </message>
    <message>
        <source>Choose an event to see all of it.</source>
        <translation>اختر حدثًا لعرضه كاملًا.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), newest first</source>
        <translation>
            <numerusform>‏%n حدث، الأحدث أولًا</numerusform>
            <numerusform>‏%n حدث، الأحدث أولًا</numerusform>
            <numerusform>‏%n حدثان، الأحدث أولًا</numerusform>
            <numerusform>‏%n أحداث، الأحدث أولًا</numerusform>
            <numerusform>‏%n حدثًا، الأحدث أولًا</numerusform>
            <numerusform>‏%n حدث، الأحدث أولًا</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), newest first; older ones load as you scroll down</source>
        <translation>
            <numerusform>‏%n حدث، الأحدث أولًا؛ تُحمَّل الأقدم عند التمرير إلى الأسفل</numerusform>
            <numerusform>‏%n حدث، الأحدث أولًا؛ تُحمَّل الأقدم عند التمرير إلى الأسفل</numerusform>
            <numerusform>‏%n حدثان، الأحدث أولًا؛ تُحمَّل الأقدم عند التمرير إلى الأسفل</numerusform>
            <numerusform>‏%n أحداث، الأحدث أولًا؛ تُحمَّل الأقدم عند التمرير إلى الأسفل</numerusform>
            <numerusform>‏%n حدثًا، الأحدث أولًا؛ تُحمَّل الأقدم عند التمرير إلى الأسفل</numerusform>
            <numerusform>‏%n حدث، الأحدث أولًا؛ تُحمَّل الأقدم عند التمرير إلى الأسفل</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kv::ui::ClientFactory</name>
    <message>
        <source>The store file %1 does not exist any more. Choose it again where it went, or create a new store.</source>
        <translation>ملف المخزن ‎%1 لم يعد موجودًا. اختره مجددًا من موقعه الجديد، أو أنشئ مخزنًا جديدًا.</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>تعذّر إنشاء المجلد ‎%1.</translation>
    </message>
    <message>
        <source>The server did not accept the API key: check it, or ask the server&apos;s operator for a new one.</source>
        <translation>لم يقبل الخادم مفتاح API: تحقّق منه، أو اطلب مفتاحًا جديدًا من مشغّل الخادم.</translation>
    </message>
    <message>
        <source>The API key works but may not do this: kvdesk needs a key with the admin scope.</source>
        <translation>مفتاح API صالح لكنه لا يملك هذه الصلاحية: يحتاج kvdesk إلى مفتاح بنطاق admin.</translation>
    </message>
    <message>
        <source>The server could not be reached: check the address and that kvd is running.</source>
        <translation>تعذّر الوصول إلى الخادم: تحقّق من العنوان ومن أن kvd يعمل.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Check its fingerprint with the server&apos;s operator before you trust it.</source>
        <translation>شهادة الخادم غير موثوقة. طابِق بصمتها مع مشغّل الخادم قبل أن تثق بها.</translation>
    </message>
    <message>
        <source>The local store could not be opened.</source>
        <translation>تعذّر فتح المخزن المحلي.</translation>
    </message>
</context>
<context>
    <name>kv::ui::ConflictDialog</name>
    <message>
        <source>Version conflict</source>
        <translation>تعارض في الإصدارات</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else after you opened it. Reload their version (your changes are discarded), overwrite it with yours, or compare both first.</source>
        <translation>عدّل شخص آخر «%1» بعد أن فتحته. أعد تحميل نسخته (وتُتجاهل تغييراتك)، أو استبدلها بنسختك، أو قارن بين النسختين أولًا.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>نسختك</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>نسخة الطرف الآخر</translation>
    </message>
    <message>
        <source>&amp;Yours (not saved):</source>
        <translation>نسختك (غير محفوظة):</translation>
    </message>
    <message>
        <source>&amp;Theirs:</source>
        <translation>نسخة الطرف الآخر:</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>إعادة تحميل نسخة الطرف الآخر</translation>
    </message>
    <message>
        <source>Discard your changes and load the version saved by someone else</source>
        <translation>تجاهل تغييراتك وحمّل النسخة التي حفظها شخص آخر</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>الكتابة فوقها بنسختي</translation>
    </message>
    <message>
        <source>Save your version over theirs</source>
        <translation>احفظ نسختك فوق نسخته</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>مقارنة</translation>
    </message>
    <message>
        <source>Show your version and theirs side by side</source>
        <translation>اعرض نسختك ونسخته جنبًا إلى جنب</translation>
    </message>
    <message>
        <source>Keep editing without saving</source>
        <translation>تابع التحرير دون حفظ</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
</context>
<context>
    <name>kv::ui::ConnectionDialog</name>
    <message>
        <source>&amp;New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Create &amp;New Store…</source>
        <translation>إنشاء مخزن جديد…</translation>
    </message>
    <message>
        <source>&amp;Open Store…</source>
        <translation>فتح مخزن…</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>شهادة غير موثوقة</translation>
    </message>
    <message>
        <source>Trust This &amp;Certificate</source>
        <translation>الثقة بهذه الشهادة</translation>
    </message>
    <message>
        <source>&amp;Forget Trusted Certificates</source>
        <translation>نسيان الشهادات الموثوقة</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>الاتصالات</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>ملفات تعريف الاتصال</translation>
    </message>
    <message>
        <source>New connection profile</source>
        <translation>ملف تعريف اتصال جديد</translation>
    </message>
    <message>
        <source>Remove connection profile</source>
        <translation>إزالة ملف تعريف الاتصال</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>اسم الاتصال</translation>
    </message>
    <message>
        <source>Connection kind</source>
        <translation>نوع الاتصال</translation>
    </message>
    <message>
        <source>Local store file</source>
        <translation>ملف مخزن محلي</translation>
    </message>
    <message>
        <source>kvd server</source>
        <translation>خادم kvd</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>ملف المخزن</translation>
    </message>
    <message>
        <source>Create a new store or open one</source>
        <translation>أنشئ مخزنًا جديدًا أو افتح مخزنًا موجودًا</translation>
    </message>
    <message>
        <source>Create a new store file</source>
        <translation>إنشاء ملف مخزن جديد</translation>
    </message>
    <message>
        <source>Open an existing store file</source>
        <translation>فتح ملف مخزن موجود</translation>
    </message>
    <message>
        <source>Store &amp;file:</source>
        <translation>ملف المخزن:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>عنوان الخادم</translation>
    </message>
    <message>
        <source>http:// or https:// followed by the host and, if needed, the port</source>
        <translation>http:// أو https:// متبوعًا باسم المضيف، ثم المنفذ عند الحاجة</translation>
    </message>
    <message>
        <source>https://kvd.example.com:8443</source>
        <translation>https://kvd.example.com:8443</translation>
    </message>
    <message>
        <source>Problem with the server address</source>
        <translation>مشكلة في عنوان الخادم</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <source>Saved in the system keychain, never in kvdesk&apos;s settings</source>
        <translation>يُحفظ في سلسلة مفاتيح النظام، ولا يُحفظ أبدًا في إعدادات kvdesk</translation>
    </message>
    <message>
        <source>Leave empty to use the key in the keychain</source>
        <translation>اتركه فارغًا لاستخدام المفتاح المحفوظ في سلسلة المفاتيح</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>نتيجة اختبار الاتصال</translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation>تفاصيل الشهادة</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>الثقة بهذه الشهادة</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>الشهادات الموثوقة</translation>
    </message>
    <message>
        <source>Forget trusted certificates</source>
        <translation>نسيان الشهادات الموثوقة</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>مفتاح API:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation>حفظ الاتصال</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>الاتصالات:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <source>K&amp;ind:</source>
        <translation>النوع:</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>اتصال جديد</translation>
    </message>
    <message>
        <source>Removed “%1”. Its store file or server is untouched.</source>
        <translation>أُزيل «%1». لم يُمسّ ملف المخزن أو الخادم.</translation>
    </message>
    <message>
        <source>Removed “%1”. %2</source>
        <translation>أُزيل «%1». %2</translation>
    </message>
    <message>
        <source>No certificate trusted beyond the system&apos;s.</source>
        <translation>لا توجد شهادات موثوقة غير شهادات النظام.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) trusted for this server.</source>
        <translation>
            <numerusform>لا توجد شهادات موثوقة لهذا الخادم.</numerusform>
            <numerusform>شهادة واحدة موثوقة لهذا الخادم.</numerusform>
            <numerusform>شهادتان موثوقتان لهذا الخادم.</numerusform>
            <numerusform>%n شهادات موثوقة لهذا الخادم.</numerusform>
            <numerusform>%n شهادة موثوقة لهذا الخادم.</numerusform>
            <numerusform>%n شهادة موثوقة لهذا الخادم.</numerusform>
        </translation>
    </message>
    <message>
        <source>kvdesk stores (*.kvstore)</source>
        <translation>مخازن kvdesk (*.kvstore)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Open a store file</source>
        <translation>فتح ملف مخزن</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>جارٍ إنشاء ‎%1…</translation>
    </message>
    <message>
        <source>The store could not be created.
%1</source>
        <translation>تعذّر إنشاء المخزن.
%1</translation>
    </message>
    <message>
        <source>Created the store %1.</source>
        <translation>أُنشئ المخزن ‎%1.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>جارٍ الاختبار…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: kvd %1, %2 ms, %n namespace(s).</source>
        <translation>
            <numerusform>متصل: kvd %1، %2 مللي ثانية، لا توجد مساحات أسماء.</numerusform>
            <numerusform>متصل: kvd %1، %2 مللي ثانية، مساحة اسم واحدة.</numerusform>
            <numerusform>متصل: kvd %1، %2 مللي ثانية، مساحتا اسم.</numerusform>
            <numerusform>متصل: kvd %1، %2 مللي ثانية، %n مساحات أسماء.</numerusform>
            <numerusform>متصل: kvd %1، %2 مللي ثانية، %n مساحة اسم.</numerusform>
            <numerusform>متصل: kvd %1، %2 مللي ثانية، %n مساحة اسم.</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
SHA-256: %3
Valid from %4 to %5</source>
        <translation>الموضوع: %1
الجهة المصدِرة: %2
SHA-256: %3
صالحة من %4 إلى %5</translation>
    </message>
    <message>
        <source>The certificate is trusted for this connection once you save it.</source>
        <translation>ستصبح الشهادة موثوقة لهذا الاتصال بمجرد حفظه.</translation>
    </message>
    <message>
        <source>Trusted certificates forgotten for this connection once you save it.</source>
        <translation>ستُنسى الشهادات الموثوقة لهذا الاتصال بمجرد حفظه.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>حُفظ «%1».</translation>
    </message>
    <message>
        <source>Saved “%1”; storing the API key in the keychain…</source>
        <translation>حُفظ «%1»؛ جارٍ حفظ مفتاح API في سلسلة المفاتيح…</translation>
    </message>
    <message>
        <source>Saved “%1”; the API key is in the system keychain.</source>
        <translation>حُفظ «%1»؛ مفتاح API محفوظ في سلسلة مفاتيح النظام.</translation>
    </message>
    <message>
        <source>Saved “%1”, but not its API key. %2</source>
        <translation>حُفظ «%1» دون مفتاح API الخاص به. %2</translation>
    </message>
    <message>
        <source>Connecting to “%1”…</source>
        <translation>جارٍ الاتصال بـ«%1»…</translation>
    </message>
</context>
<context>
    <name>kv::ui::ConnectionManager</name>
    <message>
        <source>No connection was used before.</source>
        <translation>لم يُستخدم أي اتصال من قبل.</translation>
    </message>
    <message>
        <source>No API key is stored for this connection: enter it.</source>
        <translation>لا يوجد مفتاح API محفوظ لهذا الاتصال: أدخله.</translation>
    </message>
</context>
<context>
    <name>kv::ui::ConnectionProfile</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>أعطِ الاتصال اسمًا.</translation>
    </message>
    <message>
        <source>Choose a store file, or create a new one.</source>
        <translation>اختر ملف مخزن، أو أنشئ ملفًا جديدًا.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://kvd.example.com:8443</source>
        <translation>أدخل عنوان الخادم، مثل https://kvd.example.com:8443</translation>
    </message>
    <message>
        <source>This is not a valid address: %1</source>
        <translation>هذا ليس عنوانًا صالحًا: ‎%1</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http:// on a trusted network).</source>
        <translation>يجب أن يبدأ العنوان بـ https://‎ (أو http://‎ على شبكة موثوقة).</translation>
    </message>
    <message>
        <source>The address needs a host name, e.g. https://kvd.example.com</source>
        <translation>يحتاج العنوان إلى اسم مضيف، مثل https://kvd.example.com</translation>
    </message>
    <message>
        <source>Leave the user name out of the address: the API key goes in its own field.</source>
        <translation>احذف اسم المستخدم من العنوان: لمفتاح API حقل خاص به.</translation>
    </message>
    <message>
        <source>Give only the server&apos;s address, without a path (kvdesk adds /v1 itself).</source>
        <translation>أدخل عنوان الخادم فقط، دون مسار (يضيف kvdesk المسار ‎/v1 بنفسه).</translation>
    </message>
    <message>
        <source>Give only the server&apos;s address, without ? or #.</source>
        <translation>أدخل عنوان الخادم فقط، دون ? أو #.</translation>
    </message>
</context>
<context>
    <name>kv::ui::DataConsole</name>
    <message>
        <source>Namespaces</source>
        <translation>مساحات الأسماء</translation>
    </message>
    <message>
        <source>The namespaces of the backend with their plan, key count and size</source>
        <translation>مساحات الأسماء في الواجهة الخلفية مع خطتها وعدد مفاتيحها وحجمها</translation>
    </message>
    <message>
        <source>&amp;Filter keys:</source>
        <translation>تصفية المفاتيح:</translation>
    </message>
    <message>
        <source>Key prefix filter</source>
        <translation>مرشّح بادئة المفتاح</translation>
    </message>
    <message>
        <source>Shows only the keys that start with this text</source>
        <translation>يعرض المفاتيح التي تبدأ بهذا النص فقط</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>بادئة المفتاح</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>The keys of the namespace with size, expiration, version and metadata</source>
        <translation>مفاتيح مساحة الاسم مع حجمها وانتهاء صلاحيتها وإصدارها وبياناتها الوصفية</translation>
    </message>
    <message>
        <source>Import JSON lines into %1</source>
        <translation>استيراد أسطر JSON إلى %1</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.ndjson);;All files (*)</source>
        <translation>أسطر JSON (*.jsonl *.ndjson);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Export %1 as JSON lines</source>
        <translation>تصدير %1 بصيغة أسطر JSON</translation>
    </message>
    <message>
        <source>Delete keys</source>
        <translation>حذف المفاتيح</translation>
    </message>
    <message>
        <source>Delete the key %1?</source>
        <translation>أتريد حذف المفتاح %1؟</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n key(s)?</source>
        <translation>
            <numerusform>أتريد حذف %n مفتاح؟</numerusform>
            <numerusform>أتريد حذف مفتاح واحد؟</numerusform>
            <numerusform>أتريد حذف مفتاحين؟</numerusform>
            <numerusform>أتريد حذف %n مفاتيح؟</numerusform>
            <numerusform>أتريد حذف %n مفتاحًا؟</numerusform>
            <numerusform>أتريد حذف %n مفتاح؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>No key was deleted.</source>
        <translation>لم يُحذف أي مفتاح.</translation>
    </message>
</context>
<context>
    <name>kv::ui::DataSize</name>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln بايت</numerusform>
            <numerusform>بايت واحد</numerusform>
            <numerusform>بايتان</numerusform>
            <numerusform>%Ln بايتات</numerusform>
            <numerusform>%Ln بايتًا</numerusform>
            <numerusform>%Ln بايت</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kv::ui::DeleteNamespaceDialog</name>
    <message>
        <source>Delete namespace</source>
        <translation>حذف مساحة الاسم</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %1 removes its %n key(s) for good. Type the namespace&apos;s id to confirm.</source>
        <translation>
            <numerusform>حذف %1 نهائي، وهي لا تحتوي على أي مفتاح. اكتب معرّف مساحة الاسم للتأكيد.</numerusform>
            <numerusform>حذف %1 يزيل مفتاحها الوحيد نهائيًا. اكتب معرّف مساحة الاسم للتأكيد.</numerusform>
            <numerusform>حذف %1 يزيل مفتاحيها نهائيًا. اكتب معرّف مساحة الاسم للتأكيد.</numerusform>
            <numerusform>حذف %1 يزيل مفاتيحها البالغ عددها %n مفاتيح نهائيًا. اكتب معرّف مساحة الاسم للتأكيد.</numerusform>
            <numerusform>حذف %1 يزيل مفاتيحها البالغ عددها %n مفتاحًا نهائيًا. اكتب معرّف مساحة الاسم للتأكيد.</numerusform>
            <numerusform>حذف %1 يزيل مفاتيحها البالغ عددها %n مفتاح نهائيًا. اكتب معرّف مساحة الاسم للتأكيد.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Namespace id:</source>
        <translation>معرّف مساحة الاسم:</translation>
    </message>
    <message>
        <source>Type the namespace id to confirm</source>
        <translation>اكتب معرّف مساحة الاسم للتأكيد</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>kv::ui::KeyTableModel</name>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>تنتهي صلاحيته</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>البيانات الوصفية</translation>
    </message>
    <message>
        <source>Click to list the keys A to Z or Z to A</source>
        <translation>انقر لعرض المفاتيح بترتيب تصاعدي (من A إلى Z) أو تنازلي (من Z إلى A)</translation>
    </message>
    <message>
        <source>Only the Key column can be sorted: keys are listed in key order</source>
        <translation>لا يمكن الفرز إلا حسب عمود «المفتاح»: تُعرض المفاتيح مرتبةً حسب أسمائها</translation>
    </message>
</context>
<context>
    <name>kv::ui::KeychainSecrets</name>
    <message>
        <source>No API key is stored in the keychain for this connection: enter it.</source>
        <translation>لا يوجد مفتاح API محفوظ في سلسلة المفاتيح لهذا الاتصال: أدخله.</translation>
    </message>
    <message>
        <source>The API key was not saved anywhere; you can still connect with it for this session.</source>
        <translation>لم يُحفظ مفتاح API في أي مكان؛ لكن يمكنك الاتصال به خلال هذه الجلسة.</translation>
    </message>
    <message>
        <source>Enter the API key to connect for this session.</source>
        <translation>أدخل مفتاح API للاتصال خلال هذه الجلسة.</translation>
    </message>
    <message>
        <source>The stored API key could not be deleted; delete it with your keychain&apos;s own tool.</source>
        <translation>تعذّر حذف مفتاح API المحفوظ؛ احذفه بالأداة الخاصة بسلسلة المفاتيح لديك.</translation>
    </message>
    <message>
        <source>No keychain service was found. Install and start one (GNOME Keyring or KWallet), log out and in again, then save the connection again.</source>
        <translation>لم يُعثر على خدمة لسلسلة المفاتيح. ثبّت خدمة وشغّلها (GNOME Keyring أو KWallet)، ثم سجّل الخروج وادخل من جديد، ثم احفظ الاتصال مرة أخرى.</translation>
    </message>
    <message>
        <source>The keychain cannot be reached because no D-Bus session is running (as in a remote shell without a desktop). Run kvdesk in a desktop session, or start one with dbus-run-session and a keyring daemon (gnome-keyring-daemon --unlock), then try again.</source>
        <translation>تعذّر الوصول إلى سلسلة المفاتيح لعدم وجود جلسة D-Bus قيد التشغيل (كما في صدفة بعيدة بلا سطح مكتب). شغّل kvdesk في جلسة سطح مكتب، أو ابدأ جلسة باستخدام dbus-run-session مع خدمة لسلسلة المفاتيح (gnome-keyring-daemon --unlock)، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The keychain is locked or has no default keyring. Unlock it (log in to the desktop, or unlock the &quot;Login&quot; keyring in Passwords and Keys), then try again.</source>
        <translation>سلسلة المفاتيح مقفلة أو ليس فيها حلقة مفاتيح افتراضية. افتح قفلها (سجّل الدخول إلى سطح المكتب، أو افتح قفل حلقة المفاتيح &quot;Login&quot; في تطبيق كلمات السر والمفاتيح)، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The keychain refused access to kvdesk. Allow it when the keychain asks, then try again.</source>
        <translation>رفضت سلسلة المفاتيح وصول kvdesk. اسمح به عندما تطلب سلسلة المفاتيح ذلك، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The keychain failed: %1.</source>
        <translation>فشلت سلسلة المفاتيح: %1.</translation>
    </message>
</context>
<context>
    <name>kv::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>لغة النظام (%1)</translation>
    </message>
    <message>
        <source>Show kvdesk in the language of the system</source>
        <translation>اعرض kvdesk بلغة النظام</translation>
    </message>
</context>
<context>
    <name>kv::ui::MainWindow</name>
    <message>
        <source>kvdesk</source>
        <translation>kvdesk</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>الواجهة الخلفية</translation>
    </message>
    <message>
        <source>Backend health</source>
        <translation>حالة الواجهة الخلفية</translation>
    </message>
    <message>
        <source>Live events</source>
        <translation>الأحداث المباشرة</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>العروض</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>البيانات</translation>
    </message>
    <message>
        <source>Local store: %1</source>
        <translation>مخزن محلي: ‎%1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>خادم: ‎%1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>‏%1 — %2</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>الاتصالات…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>&amp;New Key</source>
        <translation>مفتاح جديد</translation>
    </message>
    <message>
        <source>&amp;Find Keys</source>
        <translation>بحث عن مفاتيح</translation>
    </message>
    <message>
        <source>&amp;Delete Keys</source>
        <translation>حذف المفاتيح</translation>
    </message>
    <message>
        <source>&amp;Namespace</source>
        <translation>مساحة الاسم</translation>
    </message>
    <message>
        <source>&amp;New Namespace…</source>
        <translation>مساحة اسم جديدة…</translation>
    </message>
    <message>
        <source>Change &amp;Plan…</source>
        <translation>تغيير الخطة…</translation>
    </message>
    <message>
        <source>&amp;Delete Namespace…</source>
        <translation>حذف مساحة الاسم…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <source>kvdesk will be in %1 from its next start.</source>
        <translation>ستُطبَّق اللغة %1 عند تشغيل kvdesk في المرة القادمة.</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>يتعذّر الوصول</translation>
    </message>
    <message>
        <source>Healthy · %1 ms</source>
        <translation>سليم · %1 مللي ثانية</translation>
    </message>
    <message>
        <source>Server version %1</source>
        <translation>إصدار الخادم %1</translation>
    </message>
    <message>
        <source>Paused after failures</source>
        <translation>متوقف مؤقتًا بعد إخفاقات</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>جارٍ إعادة المحاولة…</translation>
    </message>
    <message>
        <source>Events: connecting…</source>
        <translation>الأحداث: جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Events: live</source>
        <translation>الأحداث: مباشرة</translation>
    </message>
    <message>
        <source>Events: reconnecting…</source>
        <translation>الأحداث: جارٍ إعادة الاتصال…</translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation>النظراء المتصلون</translation>
    </message>
    <message>
        <source>API &amp;Keys</source>
        <translation>مفاتيح API</translation>
    </message>
    <message>
        <source>&amp;Usage</source>
        <translation>الاستخدام</translation>
    </message>
    <message>
        <source>&amp;Peers</source>
        <translation>النظراء</translation>
    </message>
    <message>
        <source>Peers: %1</source>
        <translation>النظراء: %1</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>التدقيق</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>السمة</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>داكنة</translation>
    </message>
    <message>
        <source>Keys &amp;Z to A</source>
        <translation>المفاتيح من الياء إلى الألف</translation>
    </message>
</context>
<context>
    <name>kv::ui::MessageArea</name>
    <message>
        <source>Message</source>
        <translation>رسالة</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>نص الرسالة</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>إخفاء هذه الرسالة</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>إغلاق الرسالة</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>معلومة</translation>
    </message>
</context>
<context>
    <name>kv::ui::NamespaceModel</name>
    <message>
        <source>Namespace</source>
        <translation>مساحة الاسم</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>الخطة</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
</context>
<context>
    <name>kv::ui::NewApiKeyDialog</name>
    <message>
        <source>Problem with the name</source>
        <translation>مشكلة في الاسم</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>مفتاح API جديد</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>e.g. checkout service</source>
        <translation>مثلًا: خدمة الدفع</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>نطاقات الصلاحية</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>قراءة</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>كتابة</translation>
    </message>
    <message>
        <source>Ad&amp;min</source>
        <translation>إدارة</translation>
    </message>
    <message>
        <source>&amp;Signal</source>
        <translation>إشارات</translation>
    </message>
    <message>
        <source>Problem with the scopes</source>
        <translation>مشكلة في نطاقات الصلاحية</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>مساحات الأسماء</translation>
    </message>
    <message>
        <source>&amp;All namespaces, also those created later</source>
        <translation>كل مساحات الأسماء، بما فيها التي تُنشأ لاحقًا</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>كل مساحات الأسماء</translation>
    </message>
    <message>
        <source>&amp;Only the namespaces checked below:</source>
        <translation>مساحات الأسماء المحددة أدناه فقط:</translation>
    </message>
    <message>
        <source>Only the chosen namespaces</source>
        <translation>مساحات الأسماء المختارة فقط</translation>
    </message>
    <message>
        <source>Namespaces the key may use</source>
        <translation>مساحات الأسماء التي يمكن للمفتاح استخدامها</translation>
    </message>
    <message>
        <source>Check each namespace the key may use; Space checks the current one</source>
        <translation>حدّد كل مساحة اسم يمكن للمفتاح استخدامها؛ يحدّد Space المساحة الحالية</translation>
    </message>
    <message>
        <source>Namespace to add</source>
        <translation>مساحة الاسم المراد إضافتها</translation>
    </message>
    <message>
        <source>A namespace id, also one that does not exist yet</source>
        <translation>معرّف مساحة اسم، ولو لم تكن موجودة بعد</translation>
    </message>
    <message>
        <source>&amp;Type a namespace:</source>
        <translation>اكتب مساحة اسم:</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Add the typed namespace</source>
        <translation>إضافة مساحة الاسم المكتوبة</translation>
    </message>
    <message>
        <source>Problem with the namespaces</source>
        <translation>مشكلة في مساحات الأسماء</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>انتهاء الصلاحية</translation>
    </message>
    <message>
        <source>Ne&amp;ver expires</source>
        <translation>لا تنتهي صلاحيته أبدًا</translation>
    </message>
    <message>
        <source>&amp;Expires on:</source>
        <translation>تنتهي صلاحيته في:</translation>
    </message>
    <message>
        <source>Expires on a date</source>
        <translation>تنتهي صلاحيته في تاريخ محدد</translation>
    </message>
    <message>
        <source>Expiry date and time</source>
        <translation>تاريخ انتهاء الصلاحية ووقته</translation>
    </message>
    <message>
        <source>Expires a&amp;fter:</source>
        <translation>تنتهي صلاحيته بعد:</translation>
    </message>
    <message>
        <source>Expires after a while</source>
        <translation>تنتهي صلاحيته بعد مدة</translation>
    </message>
    <message>
        <source>Expires after this many</source>
        <translation>تنتهي صلاحيته بعد هذا العدد</translation>
    </message>
    <message>
        <source>Unit of the expiry duration</source>
        <translation>وحدة مدة الصلاحية</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>ساعات</translation>
    </message>
    <message>
        <source>days</source>
        <translation>أيام</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>أسابيع</translation>
    </message>
    <message>
        <source>Problem with the expiry</source>
        <translation>مشكلة في انتهاء الصلاحية</translation>
    </message>
    <message>
        <source>What the key is for, so that it can be told apart later</source>
        <translation>الغرض من المفتاح، لتمييزه لاحقًا</translation>
    </message>
    <message>
        <source>Check at least one namespace, or allow all namespaces.</source>
        <translation>حدّد مساحة اسم واحدة على الأقل، أو اسمح بكل مساحات الأسماء.</translation>
    </message>
</context>
<context>
    <name>kv::ui::NewNamespaceDialog</name>
    <message>
        <source>New namespace</source>
        <translation>مساحة اسم جديدة</translation>
    </message>
    <message>
        <source>Namespace id</source>
        <translation>معرّف مساحة الاسم</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, - and _, starting with a letter or digit</source>
        <translation>أحرف لاتينية صغيرة وأرقام و- و_، ويبدأ بحرف أو رقم</translation>
    </message>
    <message>
        <source>e.g. sessions</source>
        <translation>مثل sessions</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>الخطة</translation>
    </message>
    <message>
        <source>Problem with the id</source>
        <translation>مشكلة في المعرّف</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>المعرّف:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>الخطة:</translation>
    </message>
</context>
<context>
    <name>kv::ui::PeerModel</name>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>قيد الفحص</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>مكتمل</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>‏%1 بايت</translation>
    </message>
    <message>
        <source>The peer&apos;s id, unique within its room</source>
        <translation>معرّف النظير، وهو فريد داخل غرفته</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>النظير</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>الغرفة</translation>
    </message>
    <message>
        <source>The id of the API key the peer authenticated with</source>
        <translation>معرّف مفتاح API الذي استُخدم لمصادقة النظير</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <source>The address and port the peer connects from</source>
        <translation>العنوان والمنفذ اللذان يتصل منهما النظير</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>متصل منذ</translation>
    </message>
    <message>
        <source>The ICE connection state the peer last reported</source>
        <translation>آخر حالة اتصال ICE أبلغ عنها النظير</translation>
    </message>
    <message>
        <source>ICE state</source>
        <translation>حالة ICE</translation>
    </message>
    <message>
        <source>Messages the peer sent to the relay</source>
        <translation>الرسائل التي أرسلها النظير إلى المُرحِّل</translation>
    </message>
    <message>
        <source>Messages in</source>
        <translation>الرسائل الواردة</translation>
    </message>
    <message>
        <source>Messages the relay sent to the peer</source>
        <translation>الرسائل التي أرسلها المُرحِّل إلى النظير</translation>
    </message>
    <message>
        <source>Messages out</source>
        <translation>الرسائل الصادرة</translation>
    </message>
    <message>
        <source>Bytes the peer sent to the relay</source>
        <translation>البايتات التي أرسلها النظير إلى المُرحِّل</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>البايتات الواردة</translation>
    </message>
    <message>
        <source>Bytes the relay sent to the peer</source>
        <translation>البايتات التي أرسلها المُرحِّل إلى النظير</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>البايتات الصادرة</translation>
    </message>
</context>
<context>
    <name>kv::ui::PeersPage</name>
    <message>
        <source>This connection is a local store. WebRTC peers connect to the signaling relay of a kvd server, so a local store never has any: connect to a kvd server (File ▸ Connections…) to watch its peers live.</source>
        <translation>هذا الاتصال مخزن محلي. يتصل نظراء WebRTC بمُرحِّل الإشارات في خادم kvd، لذا لا يكون للمخزن المحلي أي نظراء: اتصل بخادم kvd (ملف ▸ الاتصالات…) لمتابعة نظرائه مباشرةً.</translation>
    </message>
    <message>
        <source>No signaling relay</source>
        <translation>لا يوجد مُرحِّل إشارات</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>الغرفة:</translation>
    </message>
    <message>
        <source>Room filter</source>
        <translation>تصفية الغرف</translation>
    </message>
    <message>
        <source>Shows only the peers of the chosen room, or of all rooms</source>
        <translation>يعرض نظراء الغرفة المختارة فقط، أو نظراء جميع الغرف</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>جميع الغرف</translation>
    </message>
    <message>
        <source>Peer summary</source>
        <translation>ملخص النظراء</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>النظراء</translation>
    </message>
    <message>
        <source>The peers connected to the signaling relay: id, room, API key, address, connection time, ICE state and message and byte counters</source>
        <translation>النظراء المتصلون بمُرحِّل الإشارات: المعرّف والغرفة ومفتاح API والعنوان ووقت الاتصال وحالة ICE وعدّادات الرسائل والبايتات</translation>
    </message>
    <message>
        <source>Loading peers…</source>
        <translation>جارٍ تحميل النظراء…</translation>
    </message>
    <message>
        <source>No peer is connected to the relay.</source>
        <translation>لا يوجد أي نظير متصل بالمُرحِّل.</translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s) connected</source>
        <translation>
            <numerusform>‏%n نظير متصل</numerusform>
            <numerusform>‏%n نظير متصل</numerusform>
            <numerusform>‏%n نظيران متصلان</numerusform>
            <numerusform>‏%n نظراء متصلون</numerusform>
            <numerusform>‏%n نظيرًا متصلًا</numerusform>
            <numerusform>‏%n نظير متصل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n peer(s) shown</source>
        <translation>
            <numerusform>يُعرض %1 من أصل %n نظير</numerusform>
            <numerusform>يُعرض %1 من أصل %n نظير</numerusform>
            <numerusform>يُعرض %1 من أصل %n نظيرين</numerusform>
            <numerusform>يُعرض %1 من أصل %n نظراء</numerusform>
            <numerusform>يُعرض %1 من أصل %n نظيرًا</numerusform>
            <numerusform>يُعرض %1 من أصل %n نظير</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kv::ui::PlanDialog</name>
    <message>
        <source>%1 (unlimited)</source>
        <translation>‏%1 (غير محدودة)</translation>
    </message>
    <message>
        <source>%1 (%2 reads a month)</source>
        <translation>‏%1 (%2 عملية قراءة شهريًا)</translation>
    </message>
    <message>
        <source>Change plan of %1</source>
        <translation>تغيير خطة %1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>الخطة</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>الخطة:</translation>
    </message>
</context>
<context>
    <name>kv::ui::SecretDialog</name>
    <message>
        <source>Co&amp;py</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;&lt;b&gt;This is the only time the secret is shown.&lt;/b&gt; kvdesk does not keep it anywhere: copy it now and store it somewhere safe. If it is lost, rotate the key to get a new secret.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;&lt;b&gt;هذه هي المرة الوحيدة التي يُعرض فيها السر.&lt;/b&gt; لا يحتفظ kvdesk به في أي مكان: انسخه الآن واحفظه في مكان آمن. وإذا فُقد، فقم بتدوير المفتاح للحصول على سر جديد.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>السر:</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>السر</translation>
    </message>
    <message>
        <source>The API key&apos;s secret, shown only now</source>
        <translation>سر مفتاح API، ويُعرض الآن فقط</translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation>نسخ السر</translation>
    </message>
    <message>
        <source>Copy status</source>
        <translation>حالة النسخ</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>نُسخ إلى الحافظة.</translation>
    </message>
</context>
<context>
    <name>kv::ui::TransferDialog</name>
    <message>
        <source>Transfer status</source>
        <translation>حالة النقل</translation>
    </message>
    <message>
        <source>Transfer progress</source>
        <translation>تقدّم النقل</translation>
    </message>
    <message>
        <source>Lines that were not imported</source>
        <translation>الأسطر التي لم تُستورد</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>جارٍ الإلغاء بعد الدفعة الحالية…</translation>
    </message>
    <message>
        <source>Import into %1</source>
        <translation>الاستيراد إلى %1</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>جارٍ استيراد ‎%1…</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>تصدير %1</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>جارٍ التصدير إلى ‎%1…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) imported from %1 line(s).</source>
        <translation>
            <numerusform>لم يُستورد أي إدخال (الأسطر المقروءة: %1).</numerusform>
            <numerusform>استُورد إدخال واحد (الأسطر المقروءة: %1).</numerusform>
            <numerusform>استُورد إدخالان (الأسطر المقروءة: %1).</numerusform>
            <numerusform>استُوردت %n إدخالات (الأسطر المقروءة: %1).</numerusform>
            <numerusform>استُورد %n إدخالًا (الأسطر المقروءة: %1).</numerusform>
            <numerusform>استُورد %n إدخال (الأسطر المقروءة: %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) exported.</source>
        <translation>
            <numerusform>لم يُصدَّر أي إدخال.</numerusform>
            <numerusform>صُدِّر إدخال واحد.</numerusform>
            <numerusform>صُدِّر إدخالان.</numerusform>
            <numerusform>صُدِّرت %n إدخالات.</numerusform>
            <numerusform>صُدِّر %n إدخالًا.</numerusform>
            <numerusform>صُدِّر %n إدخال.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: whole batches only were written.</source>
        <translation>أُلغي: لم تُكتب إلا دفعات كاملة.</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>أُلغي: لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>توقّف: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were not imported.</source>
        <translation>
            <numerusform>استُوردت كل الأسطر.</numerusform>
            <numerusform>لم يُستورد سطر واحد.</numerusform>
            <numerusform>لم يُستورد سطران.</numerusform>
            <numerusform>لم تُستورد %n أسطر.</numerusform>
            <numerusform>لم يُستورد %n سطرًا.</numerusform>
            <numerusform>لم يُستورد %n سطر.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>السطر %1: %2</translation>
    </message>
    <message>
        <source>Line %1 (%2): %3</source>
        <translation>السطر %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>kv::ui::UsageChart</name>
    <message>
        <source>Usage chart</source>
        <translation>مخطط الاستخدام</translation>
    </message>
    <message>
        <source>80–100% of quota</source>
        <translation>80–100% من الحصة</translation>
    </message>
    <message>
        <source>80% of quota</source>
        <translation>80% من الحصة</translation>
    </message>
    <message>
        <source>At 80% of quota or more</source>
        <translation>عند 80% من الحصة أو أكثر</translation>
    </message>
    <message>
        <source>Quota reached</source>
        <translation>تم بلوغ الحصة</translation>
    </message>
    <message>
        <source>%1 month to date</source>
        <translation>‏%1 منذ بداية الشهر</translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>‏%1 في الساعة</translation>
    </message>
    <message>
        <source>%1 per day</source>
        <translation>‏%1 في اليوم</translation>
    </message>
    <message>
        <source>%1 per month</source>
        <translation>‏%1 في الشهر</translation>
    </message>
    <message>
        <source>Storage quota (%1 bytes)</source>
        <translation>حصة التخزين (%1 بايت)</translation>
    </message>
    <message>
        <source>Monthly quota (%1)</source>
        <translation>الحصة الشهرية (%1)</translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation>الساعة (UTC)</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>اليوم (UTC)</translation>
    </message>
    <message>
        <source>Month (UTC)</source>
        <translation>الشهر (UTC)</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>البايتات</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>العمليات</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>‏%1 من %2</translation>
    </message>
    <message>
        <source>No usage to show.</source>
        <translation>لا يوجد استخدام لعرضه.</translation>
    </message>
    <message>
        <source>%1 bytes stored at the end.</source>
        <translation>‏%1 بايت مخزَّنة في النهاية.</translation>
    </message>
    <message>
        <source>%1 %2 in %3 buckets.</source>
        <translation>‏%2: %1 خلال %3 من الفترات.</translation>
    </message>
    <message>
        <source>%1% of the monthly quota of %2 used this month.</source>
        <translation>استُخدم هذا الشهر %1% من الحصة الشهرية البالغة %2.</translation>
    </message>
    <message>
        <source>%1% of the quota of %2 used in the last bucket.</source>
        <translation>استُخدم في الفترة الأخيرة %1% من الحصة البالغة %2.</translation>
    </message>
    <message>
        <source>The plan sets no quota for %1.</source>
        <translation>لا تحدد الخطة حصةً لهذا المقياس: %1.</translation>
    </message>
    <message>
        <source>The quota is per calendar month (UTC). By hour and by day, the dashed line adds up the month so far and restarts at zero when a month begins: that running total is what the quota line, the 80% line and the marked points compare.</source>
        <translation>الحصة لكل شهر تقويمي (UTC). في العرض حسب الساعة وحسب اليوم، يجمع الخط المتقطع ما مضى من الشهر ويبدأ من الصفر مع بداية كل شهر: وهذا المجموع التراكمي هو ما يُقارَن به خط الحصة وخط 80% والنقاط المميَّزة.</translation>
    </message>
    <message>
        <source>The bytes stored at the end of each bucket, against the plan&apos;s storage quota.</source>
        <translation>البايتات المخزَّنة في نهاية كل فترة، مقارنةً بحصة التخزين في الخطة.</translation>
    </message>
    <message>
        <source>Each month&apos;s total against the monthly quota.</source>
        <translation>مجموع كل شهر مقارنةً بالحصة الشهرية.</translation>
    </message>
    <message>
        <source>%1 UTC: %2 %3</source>
        <translation>‏%1 UTC: %2 %3</translation>
    </message>
</context>
<context>
    <name>kv::ui::UsagePage</name>
    <message>
        <source>Last 24 hours</source>
        <translation>آخر 24 ساعة</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>آخر 48 ساعة</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>آخر 30 يومًا</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>آخر 90 يومًا</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>آخر 12 شهرًا</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>آخر 3 أشهر</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>آخر 6 أشهر</translation>
    </message>
    <message>
        <source>Change &amp;Plan…</source>
        <translation>تغيير الخطة…</translation>
    </message>
    <message>
        <source>E&amp;xport PNG…</source>
        <translation>تصدير PNG…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>تصدير CSV…</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>مساحة الاسم</translation>
    </message>
    <message>
        <source>The namespace whose usage is shown</source>
        <translation>مساحة الاسم التي يُعرض استخدامها</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>المقياس</translation>
    </message>
    <message>
        <source>Which counter the chart shows against its quota</source>
        <translation>العدّاد الذي يعرضه المخطط مقارنةً بحصته</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>الفاصل الزمني</translation>
    </message>
    <message>
        <source>The length of one bucket: an hour, a day or a calendar month, in UTC</source>
        <translation>طول الفترة الواحدة: ساعة أو يوم أو شهر تقويمي، بتوقيت UTC</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>حسب الساعة</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>حسب اليوم</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>حسب الشهر</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>النطاق الزمني</translation>
    </message>
    <message>
        <source>How far back the usage goes</source>
        <translation>المدة الزمنية التي يُعرض الاستخدام عنها</translation>
    </message>
    <message>
        <source>Plan and quota</source>
        <translation>الخطة والحصة</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>تغيير الخطة</translation>
    </message>
    <message>
        <source>Moves the namespace to another plan</source>
        <translation>ينقل مساحة الاسم إلى خطة أخرى</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>تصدير المخطط بصيغة PNG</translation>
    </message>
    <message>
        <source>Export usage as CSV</source>
        <translation>تصدير الاستخدام بصيغة CSV</translation>
    </message>
    <message>
        <source>Writes the buckets shown, with the quota, to a CSV file</source>
        <translation>يكتب الفترات المعروضة، مع الحصة، إلى ملف CSV</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <source>Quota warnings</source>
        <translation>تحذيرات الحصة</translation>
    </message>
    <message>
        <source>Usage table</source>
        <translation>جدول الاستخدام</translation>
    </message>
    <message>
        <source>The chart&apos;s numbers, one row per bucket, with the quota and the share of it used</source>
        <translation>أرقام المخطط، صف لكل فترة، مع الحصة والنسبة المستخدمة منها</translation>
    </message>
    <message>
        <source>Usage as chart or table</source>
        <translation>الاستخدام كمخطط أو جدول</translation>
    </message>
    <message>
        <source>C&amp;hart</source>
        <translation>مخطط</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>N&amp;amespace:</source>
        <translation>مساحة الاسم:</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>المقياس:</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>الفاصل الزمني:</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>النطاق الزمني:</translation>
    </message>
    <message>
        <source>No namespace to show.</source>
        <translation>لا توجد مساحة اسم لعرضها.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <source>Plan: %1 — no quota for %2.</source>
        <translation>الخطة: %1 — بلا حصة للمقياس %2.</translation>
    </message>
    <message>
        <source>Plan: %1 — storage quota %2 bytes.</source>
        <translation>الخطة: %1 — حصة التخزين %2 بايت.</translation>
    </message>
    <message>
        <source>Plan: %1 — %2 a month: %3.</source>
        <translation>الخطة: %1 — %2 شهريًا: %3.</translation>
    </message>
    <message>
        <source>Could not write the image %1.</source>
        <translation>تعذّرت كتابة الصورة ‎%1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>تعذّرت كتابة ‎%1: %2</translation>
    </message>
    <message>
        <source>Export the usage chart of %1</source>
        <translation>تصدير مخطط استخدام %1</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
    <message>
        <source>Export the usage of %1 as CSV</source>
        <translation>تصدير استخدام %1 بصيغة CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>ملفات CSV (*.csv);;جميع الملفات (*)</translation>
    </message>
</context>
<context>
    <name>kv::ui::UsageSeries</name>
    <message>
        <source>Reads</source>
        <translation>عمليات القراءة</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>عمليات الكتابة</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>عمليات السرد</translation>
    </message>
    <message>
        <source>Deletes</source>
        <translation>عمليات الحذف</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>التخزين</translation>
    </message>
    <message>
        <source>Quota reached: %1 at %2% of the plan&apos;s %3 bytes (%4 bytes stored); writes that add bytes are refused.</source>
        <translation>تم بلوغ الحصة: %1 عند %2% من حصة الخطة البالغة %3 بايت (المخزَّن %4 بايت)؛ تُرفض عمليات الكتابة التي تضيف بايتات.</translation>
    </message>
    <message>
        <source>Quota reached: %1 at %2% of the monthly quota (%3 of %4); more are refused until the month ends (UTC).</source>
        <translation>تم بلوغ الحصة: %1 عند %2% من الحصة الشهرية (%3 من %4)؛ تُرفض العمليات الإضافية حتى نهاية الشهر (UTC).</translation>
    </message>
    <message>
        <source>Warning: %1 at %2% of the plan&apos;s %3 bytes (%4 bytes stored).</source>
        <translation>تحذير: %1 عند %2% من حصة الخطة البالغة %3 بايت (المخزَّن %4 بايت).</translation>
    </message>
    <message>
        <source>Warning: %1 at %2% of the monthly quota (%3 of %4).</source>
        <translation>تحذير: %1 عند %2% من الحصة الشهرية (%3 من %4).</translation>
    </message>
</context>
<context>
    <name>kv::ui::UsageTableModel</name>
    <message>
        <source>%1% — quota reached</source>
        <translation>‏%1% — تم بلوغ الحصة</translation>
    </message>
    <message>
        <source>%1% — warning</source>
        <translation>‏%1% — تحذير</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>‏%1%</translation>
    </message>
    <message>
        <source>%1 from the start of the bucket&apos;s month (UTC) to the end of the bucket: what the monthly quota is checked against</source>
        <translation>‏%1 من بداية شهر الفترة (UTC) حتى نهاية الفترة: وهو ما يُقارَن بالحصة الشهرية</translation>
    </message>
    <message>
        <source>%1 in the bucket, compared with the quota</source>
        <translation>‏%1 في الفترة، مقارنةً بالحصة</translation>
    </message>
    <message>
        <source>The bytes the plan allows</source>
        <translation>البايتات التي تسمح بها الخطة</translation>
    </message>
    <message>
        <source>%1 the plan allows per month</source>
        <translation>الحد الشهري الذي تسمح به الخطة من %1</translation>
    </message>
    <message>
        <source>The share of the quota used; 80% raises a warning, 100% means the quota is reached</source>
        <translation>النسبة المستخدمة من الحصة؛ عند 80% يظهر تحذير، و100% تعني بلوغ الحصة</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>البداية (UTC)</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>عمليات القراءة</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>عمليات الكتابة</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>عمليات السرد</translation>
    </message>
    <message>
        <source>Deletes</source>
        <translation>عمليات الحذف</translation>
    </message>
    <message>
        <source>Storage (bytes)</source>
        <translation>التخزين (بايت)</translation>
    </message>
    <message>
        <source>%1 month to date</source>
        <translation>‏%1 منذ بداية الشهر</translation>
    </message>
    <message>
        <source>%1 against quota</source>
        <translation>‏%1 مقارنةً بالحصة</translation>
    </message>
    <message>
        <source>%1 quota</source>
        <translation>حصة %1</translation>
    </message>
    <message>
        <source>% of quota</source>
        <translation>% من الحصة</translation>
    </message>
</context>
<context>
    <name>kv::ui::ValueEditor</name>
    <message>
        <source>Never expires</source>
        <translation>لا تنتهي صلاحيته أبدًا</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>تنتهي صلاحيته في %1</translation>
    </message>
    <message>
        <source>Metadata: %1</source>
        <translation>البيانات الوصفية: %1</translation>
    </message>
    <message>
        <source>Value editor</source>
        <translation>محرّر القيمة</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>The name of the new key: 1 to 512 bytes of UTF-8 without control characters</source>
        <translation>اسم المفتاح الجديد: من 1 إلى 512 بايت بترميز UTF-8 دون محارف تحكّم</translation>
    </message>
    <message>
        <source>Name of the new key</source>
        <translation>اسم المفتاح الجديد</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>المفتاح:</translation>
    </message>
    <message>
        <source>Show value as</source>
        <translation>عرض القيمة بصيغة</translation>
    </message>
    <message>
        <source>Chosen from the value&apos;s content; change it to see the value another way</source>
        <translation>اختير بحسب محتوى القيمة؛ غيّره لرؤية القيمة بطريقة أخرى</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>معاينة الصورة</translation>
    </message>
    <message>
        <source>&amp;Pretty-print</source>
        <translation>تنسيق</translation>
    </message>
    <message>
        <source>Pretty-print JSON</source>
        <translation>تنسيق JSON</translation>
    </message>
    <message>
        <source>Re-indents the JSON value; keys keep their order</source>
        <translation>يعيد إزاحة قيمة JSON؛ وتحافظ المفاتيح على ترتيبها</translation>
    </message>
    <message>
        <source>Sh&amp;ow as:</source>
        <translation>عرض بصيغة:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Value in hexadecimal</source>
        <translation>القيمة بالنظام الست عشري</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>Va&amp;lue:</source>
        <translation>القيمة:</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>البيانات الوصفية</translation>
    </message>
    <message>
        <source>A JSON object of at most %1 bytes; empty for none</source>
        <translation>كائن JSON لا يتجاوز %1 بايت؛ اتركه فارغًا إن لم توجد</translation>
    </message>
    <message>
        <source>No metadata. Type a JSON object, e.g. {&quot;content-type&quot;: &quot;text/plain&quot;}</source>
        <translation>لا توجد بيانات وصفية. اكتب كائن JSON، مثل {&quot;content-type&quot;: &quot;text/plain&quot;}</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>البيانات الوصفية:</translation>
    </message>
    <message>
        <source>Expiration</source>
        <translation>انتهاء الصلاحية</translation>
    </message>
    <message>
        <source>Whether and when the key expires after the next save</source>
        <translation>هل تنتهي صلاحية المفتاح بعد الحفظ التالي، ومتى</translation>
    </message>
    <message>
        <source>Time to live in seconds</source>
        <translation>مدة البقاء بالثواني</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ث</translation>
    </message>
    <message>
        <source>Seco&amp;nds:</source>
        <translation>الثواني:</translation>
    </message>
    <message>
        <source>Expiration date and time</source>
        <translation>تاريخ انتهاء الصلاحية ووقته</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>في:</translation>
    </message>
    <message>
        <source>E&amp;xpiration:</source>
        <translation>انتهاء الصلاحية:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Save the value, metadata and expiration (%1)</source>
        <translation>احفظ القيمة والبيانات الوصفية وانتهاء الصلاحية (%1)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Discard the changes made since the last load or save</source>
        <translation>تجاهل التغييرات منذ آخر تحميل أو حفظ</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <source>Could not load “%1”</source>
        <translation>تعذّر تحميل «%1»</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>مفتاح جديد</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>لم يُحفظ بعد</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>الإصدار %1</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>لا يوجد مفتاح</translation>
    </message>
    <message>
        <source>%1 •</source>
        <translation>%1 •</translation>
    </message>
    <message>
        <source>Decoding…</source>
        <translation>جارٍ فك الترميز…</translation>
    </message>
    <message>
        <source>%1 image, %2 × %3 pixels</source>
        <translation>صورة %1، %2 × %3 بكسل</translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation>JSON صالح.</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3</source>
        <translation>JSON غير صالح في السطر %1، العمود %2: %3</translation>
    </message>
    <message>
        <source>Type the new key&apos;s name.</source>
        <translation>اكتب اسم المفتاح الجديد.</translation>
    </message>
    <message>
        <source>Keep the current expiration</source>
        <translation>الإبقاء على انتهاء الصلاحية الحالي</translation>
    </message>
    <message>
        <source>Expires after a TTL</source>
        <translation>تنتهي الصلاحية بعد مدة بقاء (TTL)</translation>
    </message>
    <message>
        <source>Expires at a date and time</source>
        <translation>تنتهي الصلاحية في تاريخ ووقت محددين</translation>
    </message>
    <message>
        <source>%1, unsaved changes</source>
        <translation>%1، تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>يتعذّر الحفظ: %1</translation>
    </message>
    <message>
        <source>Cannot save: the value is not valid JSON (line %1, column %2). Fix it, or show it as Text to save it as it is.</source>
        <translation>يتعذّر الحفظ: القيمة ليست JSON صالحًا (السطر %1، العمود %2). أصلحها، أو اعرضها بصيغة «نص» لحفظها كما هي.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <source>Could not create “%1”</source>
        <translation>تعذّر إنشاء «%1»</translation>
    </message>
    <message>
        <source>Could not save “%1”</source>
        <translation>تعذّر حفظ «%1»</translation>
    </message>
    <message>
        <source>Saved “%1”, version %2.</source>
        <translation>حُفظ «%1»، الإصدار %2.</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Not saved: “%1” was changed by someone else. Save again to choose what to do.</source>
        <translation>لم يُحفظ: عدّل شخص آخر «%1». احفظ مجددًا لتختار ما تفعله.</translation>
    </message>
    <message>
        <source>The key no longer exists: someone deleted it or it expired.</source>
        <translation>لم يعد المفتاح موجودًا: حذفه أحدهم أو انتهت صلاحيته.</translation>
    </message>
    <message>
        <source>Could not load their version: %1</source>
        <translation>تعذّر تحميل نسخة الطرف الآخر: %1</translation>
    </message>
    <message>
        <source>&amp;Theirs:</source>
        <translation>نسخة الطرف الآخر:</translation>
    </message>
    <message>
        <source>&amp;Theirs (version %1):</source>
        <translation>نسخة الطرف الآخر (الإصدار %1):</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them before going on?</source>
        <translation>في «%1» تغييرات غير محفوظة. أتريد حفظها قبل المتابعة؟</translation>
    </message>
    <message>
        <source>The new key</source>
        <translation>المفتاح الجديد</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>ست عشري</translation>
    </message>
    <message>
        <source>The value&apos;s bytes as pairs of hexadecimal digits, sixteen per line; spaces and line breaks between them do not matter</source>
        <translation>بايتات القيمة كأزواج من الأرقام الست عشرية، ستة عشر زوجًا في كل سطر؛ ولا تهم المسافات وفواصل الأسطر بينها</translation>
    </message>
    <message>
        <source>Offsets and ASCII</source>
        <translation>الإزاحات وASCII</translation>
    </message>
    <message>
        <source>For each line of the hex value: the offset of its first byte, then its bytes as ASCII</source>
        <translation>لكل سطر من القيمة الست عشرية: إزاحة أول بايت فيه، ثم بايتاته بصيغة ASCII</translation>
    </message>
    <message>
        <source>This value is not UTF-8 text, so it cannot be shown as text; its bytes are kept as they are. Use Hex to see and edit them.</source>
        <translation>هذه القيمة ليست نصًا بترميز UTF-8، لذا لا يمكن عرضها كنص؛ وتُحفظ بايتاتها كما هي. استخدم «ست عشري» لعرضها وتحريرها.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s).</source>
        <translation>
            <numerusform>‏%n بايت.</numerusform>
            <numerusform>‏%n بايت.</numerusform>
            <numerusform>‏%n بايت.</numerusform>
            <numerusform>‏%n بايتات.</numerusform>
            <numerusform>‏%n بايتًا.</numerusform>
            <numerusform>‏%n بايت.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 KiB, read-only: values this large are not edited in hex.</source>
        <translation>يُعرض أول %1 KiB للقراءة فقط: لا تُحرَّر القيم بهذا الحجم بالنظام الست عشري.</translation>
    </message>
    <message>
        <source>Not valid hex at line %1, column %2: %3</source>
        <translation>قيمة ست عشرية غير صالحة في السطر %1، العمود %2: %3</translation>
    </message>
    <message>
        <source>The hex text was not valid, so the value keeps the last bytes that were.</source>
        <translation>النص الست عشري غير صالح، لذا تحتفظ القيمة بآخر بايتات كانت صالحة.</translation>
    </message>
</context>
<context>
    <name>kv::ui::ValueFormat</name>
    <message>
        <source>Cannot preview this %1 image: Qt on this system has no image plugin for %1. (Debian: WebP comes with qt6-image-formats-plugins, SVG with libqt6svg6.)</source>
        <translation>تتعذّر معاينة صورة %1 هذه: لا يملك Qt على هذا النظام ملحق صور لصيغة %1. (في Debian: يأتي WebP مع الحزمة qt6-image-formats-plugins، وSVG مع الحزمة libqt6svg6.)</translation>
    </message>
    <message>
        <source>Cannot preview this value as an image: %1</source>
        <translation>تتعذّر معاينة هذه القيمة كصورة: %1</translation>
    </message>
    <message>
        <source>“%1” is not a hexadecimal digit (0–9, a–f)</source>
        <translation>«%1» ليس رقمًا ست عشريًا (0–9، a–f)</translation>
    </message>
    <message>
        <source>This byte has one hex digit; every byte needs two</source>
        <translation>لهذا البايت رقم ست عشري واحد؛ ويحتاج كل بايت إلى رقمين</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>kvdesk, the console of a key-value service.</source>
        <translation>kvdesk، وحدة التحكم في خدمة تخزين مفتاح-قيمة.</translation>
    </message>
    <message>
        <source>Open the embedded store in &lt;file&gt; (created when missing) instead of the last connection.</source>
        <translation>افتح المخزن المضمّن في &lt;ملف&gt; (ويُنشأ إن لم يكن موجودًا) بدلًا من آخر اتصال.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>Local store</source>
        <translation>المخزن المحلي</translation>
    </message>
</context>
</TS>
