// The value editor on a real embedded store, driven by typing and clicking: open and read an
// entry, edit and save it, JSON checks with line and column, hex and image views, metadata and
// expiry, create-only new keys, a version conflict resolved each of the three ways, unsaved
// changes that are never dropped silently, and every focusable control named for screen readers.
// Dialogs are window-modal and opened without a nested event loop, so the test clicks them.

#include "AccessibilityAudit.h"
#include "client/EmbeddedClient.h"
#include "ui/editor/ConflictDialog.h"
#include "ui/editor/ValueEditor.h"
#include "ui/editor/ValueFormat.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFutureWatcher>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using kv::client::EmbeddedClient;
using kv::ui::ConflictDialog;
using kv::ui::ValueEditor;
using kv::ui::ValueMode;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(kv::ui::ValueMode)

namespace {

template <typename T> T await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<T>::finished);
    watcher.setFuture(future);
    if (!future.isFinished()) {
        [&] { QVERIFY(finished.wait(20000)); }();
    }
    return future.result();
}

template <typename T> T* child(const QWidget& parent, const char* name)
{
    auto* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (!found) {
        qWarning("no child %s", name);
    }
    return found;
}

/// Types text with line breaks (QTest::keyClicks takes no '\n': Return it is).
void type(QWidget* widget, const QString& text)
{
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            QTest::keyClick(widget, Qt::Key_Return);
        }
        QTest::keyClicks(widget, lines.at(i));
    }
}

/// Selects everything in a text edit and types over it, as a user would.
void retype(QPlainTextEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    type(edit, text);
}

QByteArray pngBytes(int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestValueEditor final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedClient> m_client;
    std::unique_ptr<ValueEditor> m_editor;
    int m_keys = 0;

    /// A fresh key per test, so that the tests do not depend on one another.
    QString put(const QByteArray& value, const QJsonObject& metadata = {})
    {
        const QString key = u"key/%1"_s.arg(++m_keys);
        auto written = await(m_client->putValue(u"app"_s, { key, value, metadata, {}, {} }));
        [&] { QVERIFY2(written, written ? "" : qPrintable(written.error().message())); }();
        return key;
    }

    kv::model::Entry stored(const QString& key)
    {
        auto entry = await(m_client->getValue(u"app"_s, key));
        [&] { QVERIFY2(entry, entry ? "" : qPrintable(entry.error().message())); }();
        return entry ? entry.value() : kv::model::Entry {};
    }

    void openAndWait(const QString& key)
    {
        m_editor->open(u"app"_s, key);
        QVERIFY(m_editor->isBusy());
        QTRY_VERIFY(!m_editor->isBusy());
        QCOMPARE(m_editor->key(), key);
    }

    QPlainTextEdit* text() const { return child<QPlainTextEdit>(*m_editor, "valueText"); }
    QPlainTextEdit* metadata() const { return child<QPlainTextEdit>(*m_editor, "metadataEdit"); }
    QPushButton* saveButton() const { return child<QPushButton>(*m_editor, "saveButton"); }
    QLabel* valueStatus() const { return child<QLabel>(*m_editor, "valueStatus"); }
    QPlainTextEdit* hex() const { return child<QPlainTextEdit>(*m_editor, "hexEdit"); }

    /// Edits the key behind the editor's back and saves "mine": the save must hit a conflict.
    ConflictDialog* conflictOn(const QString& key)
    {
        QTest::keyClicks(text(), u"mine "_s);
        const auto theirs = await(m_client->putValue(u"app"_s, { key, "theirs", {}, {}, {} }));
        [&] { QVERIFY(theirs); }();
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        [&] { QTRY_VERIFY(m_editor->conflictDialog() && m_editor->conflictDialog()->isVisible()); }();
        return m_editor->conflictDialog();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto client = EmbeddedClient::open(m_dir.filePath(u"editor.kvstore"_s));
        QVERIFY(client);
        m_client = std::move(client.value());
        QVERIFY(await(m_client->createNamespace(u"app"_s)));
    }

    void init()
    {
        m_editor = std::make_unique<ValueEditor>(*m_client);
        m_editor->resize(800, 600);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }

    void cleanup() { m_editor.reset(); }

    void opensAKeyAndShowsValueMetadataAndVersion()
    {
        const QString key = put("hello", QJsonObject { { u"lang"_s, u"en"_s } });
        openAndWait(key);
        QCOMPARE(m_editor->mode(), ValueMode::Text);
        QCOMPARE(text()->toPlainText(), u"hello"_s);
        QVERIFY(metadata()->toPlainText().contains(u"\"lang\": \"en\""_s));
        const qint64 version = stored(key).version;
        QCOMPARE(m_editor->version(), version);
        QVERIFY(child<QLabel>(*m_editor, "versionLabel")->text().contains(QString::number(version)));
        QCOMPARE(child<QLabel>(*m_editor, "expirationLabel")->text(), u"Never expires"_s);
        QVERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(m_editor->title(), key);
        QVERIFY(!saveButton()->isEnabled());
    }

    void aNewerOpenDropsTheOlderLoad()
    {
        const QString first = put("first");
        const QString second = put("second");
        QSignalSpy busy(m_editor.get(), &ValueEditor::busyChanged);
        m_editor->open(u"app"_s, first);
        m_editor->open(u"app"_s, second);
        QTRY_VERIFY(!m_editor->isBusy());
        QCOMPARE(text()->toPlainText(), u"second"_s);
        QCOMPARE(m_editor->key(), second);
        QCOMPARE(busy.size(), 2); // busy once, idle once: the first load never landed
    }

    void editTextAndSave()
    {
        const QString key = put("hello");
        openAndWait(key);
        const qint64 before = m_editor->version();
        QSignalSpy dirty(m_editor.get(), &ValueEditor::dirtyChanged);
        QSignalSpy saved(m_editor.get(), &ValueEditor::saved);
        text()->setFocus();
        QTest::keyClick(text(), Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(text(), u", world"_s);
        QVERIFY(m_editor->hasUnsavedChanges());
        QCOMPARE(dirty.size(), 1);
        QVERIFY(m_editor->title().endsWith(u"•"_s));
        QVERIFY(saveButton()->isEnabled());
        // Ctrl+S, as a user saves.
        QTest::keyClick(text(), Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(m_editor->version() > before);
        QCOMPARE(saved.first().at(2).toLongLong(), m_editor->version());
        QCOMPARE(stored(key).value, "hello, world");
        QCOMPARE(stored(key).version, m_editor->version());
        QVERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(m_editor->title(), key);
        QVERIFY(m_editor->messageText().contains(u"version %1"_s.arg(m_editor->version())));
    }

    void jsonIsPrettyPrintedAndInvalidJsonBlocksSave()
    {
        const QString key = put("{\"b\":1,\"a\":[1,2],\"big\":12345678901234567890}");
        openAndWait(key);
        QCOMPARE(m_editor->mode(), ValueMode::Json);
        // Key order and the big number are kept: only whitespace moves.
        QCOMPARE(text()->toPlainText(),
            u"{\n  \"b\": 1,\n  \"a\": [\n    1,\n    2\n  ],\n  \"big\": 12345678901234567890\n}"_s);
        QVERIFY(!m_editor->hasUnsavedChanges());
        QTRY_COMPARE(valueStatus()->text(), u"Valid JSON."_s);

        // A trailing comma on line 4: the error names the line and column after it.
        retype(text(), u"{\n  \"a\": 1,\n}"_s);
        QTRY_VERIFY(valueStatus()->text().startsWith(u"Invalid JSON at line 3, column 1"_s));
        QVERIFY(!saveButton()->isEnabled());
        QVERIFY(m_editor->hasUnsavedChanges());
        m_editor->save();
        QVERIFY(m_editor->messageText().contains(u"not valid JSON (line 3, column 1)"_s));
        QVERIFY(!m_editor->isBusy());

        QTest::keyClick(text(), Qt::Key_Backspace); // the closing brace
        QTest::keyClick(text(), Qt::Key_Backspace); // the newline
        QTest::keyClick(text(), Qt::Key_Backspace); // the comma
        QTest::keyClicks(text(), u"}"_s);
        QTRY_COMPARE(valueStatus()->text(), u"Valid JSON."_s);
        QVERIFY(saveButton()->isEnabled());
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(stored(key).value, "{\n  \"a\": 1}");
    }

    void aBinaryValueShowsInHexAndSurvivesAMetadataEdit()
    {
        const QByteArray binary("\x00\x01\x02\xff hi", 7);
        const QString key = put(binary);
        openAndWait(key);
        QCOMPARE(m_editor->mode(), ValueMode::Hex);
        QCOMPARE(hex()->toPlainText(), u"00 01 02 ff 20 68 69\n"_s);
        QCOMPARE(child<QPlainTextEdit>(*m_editor, "hexGutter")->toPlainText(), u"00000000  .... hi\n"_s);
        QVERIFY(valueStatus()->text().startsWith(u"7 byte"_s));
        QVERIFY(!m_editor->hasUnsavedChanges());
        // The text modes show it read-only and never re-encode it.
        m_editor->setMode(ValueMode::Text);
        QVERIFY(text()->isReadOnly());
        retype(metadata(), u"{\"kind\":\"blob\"}"_s);
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(stored(key).value, binary);
    }

    void bytesAreEditedInHexAndSaved()
    {
        const QString key = put(QByteArray("\x00\x01\x02", 3));
        openAndWait(key);
        QCOMPARE(m_editor->mode(), ValueMode::Hex);
        QVERIFY(!hex()->isReadOnly());
        // Whitespace does not matter, case does not matter, a pair may be split by a line break.
        retype(hex(), u"DE ad\nb eef 00"_s);
        QVERIFY2(valueStatus()->text().startsWith(u"5 byte"_s), qPrintable(valueStatus()->text()));
        QCOMPARE(child<QPlainTextEdit>(*m_editor, "hexGutter")->toPlainText(), u"00000000  .....\n"_s);
        QVERIFY(m_editor->hasUnsavedChanges());
        QVERIFY(saveButton()->isEnabled());
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(stored(key).value, QByteArray("\xde\xad\xbe\xef\x00", 5));
        QCOMPARE(m_editor->version(), stored(key).version);
        // What was saved is the loaded state: Revert keeps it.
        retype(hex(), u"ff"_s);
        m_editor->revert();
        QCOMPARE(hex()->toPlainText(), u"de ad be ef 00\n"_s);
        QVERIFY(!m_editor->hasUnsavedChanges());
    }

    void badHexNamesWhereAndBlocksSave()
    {
        const QString key = put(QByteArray("\x00\xff", 2));
        openAndWait(key);
        retype(hex(), u"00 ff\n0g"_s);
        QCOMPARE(
            valueStatus()->text(), u"Not valid hex at line 2, column 2: “g” is not a hexadecimal digit (0–9, a–f)"_s);
        QVERIFY(!saveButton()->isEnabled());
        retype(hex(), u"00 ff 1"_s);
        QCOMPARE(valueStatus()->text(),
            u"Not valid hex at line 1, column 7: This byte has one hex digit; every byte needs two"_s);
        QVERIFY(!saveButton()->isEnabled());
        // Ctrl+S refuses too, and says why.
        QTest::keyClick(hex(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!m_editor->isBusy());
        QTest::keyClicks(hex(), u"0"_s);
        QVERIFY2(valueStatus()->text().startsWith(u"3 byte"_s), qPrintable(valueStatus()->text()));
        QVERIFY(saveButton()->isEnabled());
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(stored(key).value, QByteArray("\x00\xff\x10", 3));
    }

    void bytesTypedInHexThatAreTextCarryOverToTheTextMode()
    {
        const QString key = put(QByteArray("\xff", 1));
        openAndWait(key);
        QVERIFY(text()->isReadOnly());
        retype(hex(), u"68 69"_s);
        m_editor->setMode(ValueMode::Text);
        QVERIFY(!text()->isReadOnly());
        QCOMPARE(text()->toPlainText(), u"hi"_s);
        QVERIFY(m_editor->hasUnsavedChanges());
        QTest::keyClicks(text(), u"!"_s);
        // And back: the hex shows the text's bytes.
        m_editor->setMode(ValueMode::Hex);
        QCOMPARE(hex()->toPlainText(), u"21 68 69\n"_s);
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(stored(key).value, "!hi");
    }

    void aValueTooLargeForHexEditingIsShownReadOnly()
    {
        const QString key = put(QByteArray(300 * 1024, '\0'));
        openAndWait(key);
        QCOMPARE(m_editor->mode(), ValueMode::Hex);
        QVERIFY(hex()->isReadOnly());
        QVERIFY2(valueStatus()->text().contains(u"read-only"_s), qPrintable(valueStatus()->text()));
        QCOMPARE(hex()->document()->blockCount() - 1, 256 * 1024 / 16);
    }

    void parseHexPairs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("empty") << QString() << true << QByteArray() << 0 << 0;
        QTest::newRow("only whitespace") << u" \n\t "_s << true << QByteArray() << 0 << 0;
        QTest::newRow("pairs") << u"00 7f 80 ff"_s << true << QByteArray("\x00\x7f\x80\xff", 4) << 0 << 0;
        QTest::newRow("upper case, no spaces") << u"CAFE"_s << true << QByteArray("\xca\xfe") << 0 << 0;
        QTest::newRow("pair split by a line break") << u"c\nafe"_s << true << QByteArray("\xca\xfe") << 0 << 0;
        QTest::newRow("CRLF lines") << u"ca\r\nfe\r\n"_s << true << QByteArray("\xca\xfe") << 0 << 0;
        QTest::newRow("not a digit") << u"00 0x"_s << false << QByteArray() << 1 << 5;
        QTest::newRow("not a digit, second line") << u"00\n  zz"_s << false << QByteArray() << 2 << 3;
        QTest::newRow("full-width digit") << u"０1"_s << false << QByteArray() << 1 << 1;
        QTest::newRow("odd count names the lone digit") << u"00 1"_s << false << QByteArray() << 1 << 4;
    }

    void parseHexPairs()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        const kv::ui::HexParse parsed = kv::ui::parseHexPairs(text);
        QCOMPARE(parsed.ok, ok);
        if (ok) {
            QCOMPARE(parsed.bytes, bytes);
            QVERIFY(parsed.error.isEmpty());
            // And back: what the editor shows parses to the same bytes.
            QCOMPARE(kv::ui::parseHexPairs(kv::ui::hexPairs(bytes)).bytes, bytes);
        } else {
            QCOMPARE(parsed.line, line);
            QCOMPARE(parsed.column, column);
            QVERIFY(!parsed.error.isEmpty());
        }
    }

    void aPngValueShowsAPreview()
    {
        const QString key = put(pngBytes(8, 6));
        openAndWait(key);
        QCOMPARE(m_editor->mode(), ValueMode::Image);
        auto* image = child<QLabel>(*m_editor, "imagePreview");
        QTRY_VERIFY(!image->pixmap().isNull());
        QCOMPARE(image->pixmap().size(), QSize(8, 6));
        QCOMPARE(valueStatus()->text(), u"PNG image, 8 × 6 pixels"_s);
    }

    void aFormatWithoutAPluginSaysItCannotPreview()
    {
        // SVG needs Qt's SVG image plugin: a preview with it, a clear message without it.
        const QString key = put("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"2\"></svg>");
        openAndWait(key);
        QCOMPARE(m_editor->mode(), ValueMode::Image);
        auto* image = child<QLabel>(*m_editor, "imagePreview");
        if (QImageReader::supportedImageFormats().contains("svg")) {
            QTRY_VERIFY(!image->pixmap().isNull());
        } else {
            QTRY_VERIFY(valueStatus()->text().startsWith(u"Cannot preview this SVG image"_s));
            QCOMPARE(image->text(), valueStatus()->text());
        }
        // The user can still read it as text.
        m_editor->setMode(ValueMode::Text);
        QVERIFY(text()->toPlainText().startsWith(u"<svg"_s));
    }

    void metadataIsCheckedAndSaved()
    {
        const QString key = put("v");
        openAndWait(key);
        retype(metadata(), u"[1, 2]"_s);
        auto* status = child<QLabel>(*m_editor, "metadataStatus");
        QVERIFY(status->text().contains(u"must be a JSON object"_s));
        QVERIFY(!saveButton()->isEnabled());
        retype(metadata(), u"{\"owner\": \"ops\",\n \"n\": }"_s);
        QVERIFY2(status->text().startsWith(u"Invalid JSON at line 2, column"_s), qPrintable(status->text()));
        retype(metadata(), u"{\"x\": \"%1\"}"_s.arg(QString(2000, u'x')));
        QVERIFY(status->text().contains(u"limit is 1024 bytes"_s));
        QVERIFY(!saveButton()->isEnabled());
        retype(metadata(), u"{\"owner\": \"ops\"}"_s);
        QVERIFY(status->text().isEmpty());
        QVERIFY(saveButton()->isEnabled());
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(stored(key).metadata, (QJsonObject { { u"owner"_s, u"ops"_s } }));
        QCOMPARE(stored(key).value, "v");
    }

    void aTtlGivesAnExpirationAndKeepKeepsIt()
    {
        const QString key = put("v");
        openAndWait(key);
        auto* expiry = child<QComboBox>(*m_editor, "expiryCombo");
        auto* ttl = child<QSpinBox>(*m_editor, "ttlSpin");
        QVERIFY(!ttl->isVisible());
        expiry->setFocus();
        expiry->setCurrentIndex(expiry->findData(static_cast<int>(ValueEditor::ExpiryMode::Ttl)));
        QVERIFY(ttl->isVisible());
        QVERIFY(m_editor->hasUnsavedChanges());
        ttl->setFocus();
        ttl->selectAll();
        QTest::keyClicks(ttl, u"120"_s);
        QCOMPARE(ttl->value(), 120);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->hasUnsavedChanges());
        const auto expiresAt = stored(key).expiresAt;
        QVERIFY(expiresAt);
        QVERIFY(*expiresAt >= now + 119'000 && *expiresAt <= now + 125'000);
        QVERIFY(child<QLabel>(*m_editor, "expirationLabel")->text().startsWith(u"Expires "_s));
        // Saving again keeps the expiration unless the user changes it.
        QCOMPARE(expiry->currentData().toInt(), static_cast<int>(ValueEditor::ExpiryMode::Keep));
        QTest::keyClicks(text(), u"w"_s);
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->hasUnsavedChanges());
        QVERIFY(stored(key).expiresAt);
        // A TTL under the minimum cannot be typed; an expiration in the past is refused as typed.
        expiry->setCurrentIndex(expiry->findData(static_cast<int>(ValueEditor::ExpiryMode::At)));
        child<QDateTimeEdit>(*m_editor, "expiresAtEdit")->setDateTime(QDateTime::currentDateTime().addSecs(-10));
        QVERIFY(child<QLabel>(*m_editor, "expiryStatus")->text().contains(u"in the future"_s));
        QVERIFY(!saveButton()->isEnabled());
        QCOMPARE(ttl->minimum(), 60);
    }

    void aNewKeyIsCreateOnly()
    {
        const QString existing = put("old");
        m_editor->newEntry(u"app"_s);
        QVERIFY(m_editor->isNewEntry());
        auto* keyEdit = child<QLineEdit>(*m_editor, "keyEdit");
        QVERIFY(keyEdit->isVisible());
        QVERIFY(!saveButton()->isEnabled());
        QTest::keyClicks(keyEdit, u"fresh"_s);
        QTest::keyClicks(text(), u"new value"_s);
        QVERIFY(m_editor->hasUnsavedChanges());
        QSignalSpy saved(m_editor.get(), &ValueEditor::saved);
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(!m_editor->isNewEntry());
        QVERIFY(!keyEdit->isVisible());
        QCOMPARE(stored(u"fresh"_s).value, "new value");
        QCOMPARE(m_editor->version(), stored(u"fresh"_s).version);

        // A key that exists already is not overwritten.
        m_editor->newEntry(u"app"_s);
        QTest::keyClicks(keyEdit, existing);
        QTest::keyClicks(text(), u"clobber"_s);
        QTest::mouseClick(saveButton(), Qt::LeftButton);
        QTRY_VERIFY(m_editor->messageText().contains(u"key_exists"_s));
        QVERIFY(m_editor->isNewEntry());
        QVERIFY(m_editor->hasUnsavedChanges());
        QCOMPARE(stored(existing).value, "old");

        // An invalid key is refused as it is typed.
        m_editor->newEntry(u"app"_s);
        keyEdit->insert(u"bell\u0007here"_s); // as pasted: a control character cannot be typed
        QVERIFY(child<QLabel>(*m_editor, "keyStatus")->text().contains(u"control character"_s));
        QVERIFY(!saveButton()->isEnabled());
    }

    void aConflictCanReloadTheirs()
    {
        const QString key = put("original");
        openAndWait(key);
        ConflictDialog* dialog = conflictOn(key);
        QVERIFY(dialog);
        QTest::mouseClick(dialog->button(ConflictDialog::Choice::Reload), Qt::LeftButton);
        QTRY_COMPARE(text()->toPlainText(), u"theirs"_s);
        QTRY_VERIFY(!m_editor->isBusy());
        QCOMPARE(m_editor->version(), stored(key).version);
        QVERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(stored(key).value, "theirs");
    }

    void aConflictCanOverwriteWithMine()
    {
        const QString key = put("original");
        openAndWait(key);
        ConflictDialog* dialog = conflictOn(key);
        QVERIFY(dialog);
        QSignalSpy saved(m_editor.get(), &ValueEditor::saved);
        QTest::mouseClick(dialog->button(ConflictDialog::Choice::Overwrite), Qt::LeftButton);
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(stored(key).value, "mine original");
        QCOMPARE(m_editor->version(), stored(key).version);
        QVERIFY(!m_editor->hasUnsavedChanges());
    }

    void aConflictCanCompareBothSideBySide()
    {
        const QString key = put("original", QJsonObject { { u"n"_s, 1 } });
        openAndWait(key);
        ConflictDialog* dialog = conflictOn(key);
        QVERIFY(dialog);
        QVERIFY(!dialog->isComparing());
        QTest::mouseClick(dialog->compareButton(), Qt::LeftButton);
        QVERIFY(dialog->isComparing());
        QTRY_VERIFY(dialog->theirsText().startsWith(u"theirs"_s));
        QVERIFY(dialog->mineText().startsWith(u"mine original"_s));
        QVERIFY(dialog->mineText().contains(u"\"n\": 1"_s));
        QVERIFY(dialog->theirsText().contains(u"Metadata: {}"_s));
        // Cancel keeps editing: nothing saved, nothing lost.
        QTest::mouseClick(dialog->button(ConflictDialog::Choice::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->conflictDialog());
        QVERIFY(m_editor->hasUnsavedChanges());
        QCOMPARE(text()->toPlainText(), u"mine original"_s);
        QVERIFY(m_editor->messageText().contains(u"changed by someone else"_s));
        QCOMPARE(stored(key).value, "theirs");
    }

    void unsavedChangesAreNeverDroppedSilently()
    {
        const QString key = put("kept");
        openAndWait(key);
        QVERIFY(m_editor->maybeDiscard()); // nothing to lose
        QTest::keyClicks(text(), u"edit "_s);
        QSignalSpy decided(m_editor.get(), &ValueEditor::discardDecided);

        // Cancel: the edit stays.
        QVERIFY(!m_editor->maybeDiscard());
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = m_editor->findChild<QMessageBox*>(u"unsavedChangesBox"_s)) && box->isVisible());
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_COMPARE(decided.size(), 1);
        QCOMPARE(decided.takeFirst().at(0).toBool(), false);
        QVERIFY(m_editor->hasUnsavedChanges());
        QCOMPARE(text()->toPlainText(), u"edit kept"_s);

        // Save: it is written, then the caller may go on.
        QVERIFY(!m_editor->maybeDiscard());
        QTRY_VERIFY((box = m_editor->findChild<QMessageBox*>(u"unsavedChangesBox"_s)) && box->isVisible());
        QTest::mouseClick(box->button(QMessageBox::Save), Qt::LeftButton);
        QTRY_COMPARE(decided.size(), 1);
        QCOMPARE(decided.takeFirst().at(0).toBool(), true);
        QCOMPARE(stored(key).value, "edit kept");

        // Discard: back to what is stored.
        QTest::keyClicks(text(), u"more "_s);
        QVERIFY(!m_editor->maybeDiscard());
        QTRY_VERIFY((box = m_editor->findChild<QMessageBox*>(u"unsavedChangesBox"_s)) && box->isVisible());
        QTest::mouseClick(box->button(QMessageBox::Discard), Qt::LeftButton);
        QTRY_COMPARE(decided.size(), 1);
        QCOMPARE(decided.takeFirst().at(0).toBool(), true);
        QVERIFY(!m_editor->hasUnsavedChanges());
        QCOMPARE(text()->toPlainText(), u"edit kept"_s);
        QCOMPARE(stored(key).value, "edit kept");
    }

    void aFailedLoadShowsItsErrorInTheWidget()
    {
        m_editor->open(u"app"_s, u"no/such/key"_s);
        QTRY_VERIFY(!m_editor->isBusy());
        QVERIFY(m_editor->messageText().contains(u"key_not_found"_s));
        QVERIFY(!saveButton()->isEnabled());
        QVERIFY(!text()->isEnabled());
    }

    void everyFocusableControlIsNamedAndLabelled()
    {
        m_editor->newEntry(u"app"_s);
        int focusable = 0;
        const QStringList unnamed = kv::test::unnamedFocusableControls(*m_editor, &focusable);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", ")));
        QVERIFY(focusable >= 12);
        const QStringList lonely = kv::test::labelsWithoutBuddy(*m_editor);
        QVERIFY2(lonely.isEmpty(), qPrintable(lonely.join(u", ")));
        // Tab walks the form in reading order.
        auto* keyEdit = child<QLineEdit>(*m_editor, "keyEdit");
        keyEdit->setFocus();
        QTRY_VERIFY(keyEdit->hasFocus());
        QTest::keyClick(keyEdit, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), child<QComboBox>(*m_editor, "modeCombo"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), text());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), metadata());
    }

    void checkJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("object") << QByteArray("{\"a\": [1, 2]}") << true << 0 << 0;
        QTest::newRow("scalar string") << QByteArray("\"text\"") << true << 0 << 0;
        QTest::newRow("scalar number") << QByteArray("42") << true << 0 << 0;
        QTest::newRow("missing value") << QByteArray("{\n  \"a\": ,\n}") << false << 2 << 8;
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << false << 1 << 6;
        QTest::newRow("garbage after") << QByteArray("[1]\nx") << false << 2 << 1;
        QTest::newRow("bad scalar") << QByteArray("tru") << false << 1 << 1;
        QTest::newRow("non-ASCII before") << QByteArray("{\"\xc3\xa9\xc3\xa9\": x}") << false << 1 << 8;
        QTest::newRow("missing separator") << QByteArray("[1 2]") << false << 1 << 4;
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,\n}") << false << 2 << 1;
    }

    void checkJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(int, line);
        QFETCH(int, column);
        const kv::ui::JsonCheck check = kv::ui::checkJson(json);
        QCOMPARE(check.ok, ok);
        if (!ok) {
            QCOMPARE(check.line, line);
            QCOMPARE(check.column, column);
            QVERIFY(!check.error.isEmpty());
        }
    }

    void detectMode_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QJsonObject>("metadata");
        QTest::addColumn<ValueMode>("mode");
        const QJsonObject none;
        QTest::newRow("empty") << QByteArray() << none << ValueMode::Text;
        QTest::newRow("text") << QByteArray("hello") << none << ValueMode::Text;
        QTest::newRow("json object") << QByteArray(" {\"a\":1}") << none << ValueMode::Json;
        QTest::newRow("broken json is text") << QByteArray("{\"a\":") << none << ValueMode::Text;
        QTest::newRow("binary") << QByteArray("a\0b", 3) << none << ValueMode::Hex;
        QTest::newRow("bad utf-8") << QByteArray("\xc3\x28") << none << ValueMode::Hex;
        QTest::newRow("png") << pngBytes(1, 1) << none << ValueMode::Image;
        QTest::newRow("jpeg magic") << QByteArray("\xff\xd8\xff\xe0") << none << ValueMode::Image;
        QTest::newRow("gif magic") << QByteArray("GIF89a") << none << ValueMode::Image;
        QTest::newRow("webp magic") << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << none << ValueMode::Image;
        QTest::newRow("svg") << QByteArray("<?xml version=\"1.0\"?>\n<svg/>") << none << ValueMode::Image;
        QTest::newRow("content type json")
            << QByteArray("[1") << QJsonObject { { u"Content-Type"_s, u"application/json; charset=utf-8"_s } }
            << ValueMode::Json;
        QTest::newRow("content type image")
            << QByteArray("x") << QJsonObject { { u"contentType"_s, u"image/webp"_s } } << ValueMode::Image;
        QTest::newRow("content type text")
            << QByteArray("{}") << QJsonObject { { u"mimeType"_s, u"text/plain"_s } } << ValueMode::Text;
    }

    void detectMode()
    {
        QFETCH(QByteArray, value);
        QFETCH(QJsonObject, metadata);
        QFETCH(ValueMode, mode);
        QCOMPARE(kv::ui::detectMode(value, metadata), mode);
    }

    void prettyJsonMovesOnlyWhitespace()
    {
        QCOMPARE(kv::ui::prettyJson(u"{\"z\":{},\"a\":[ ],\"s\":\"a, {b}: \\\"c\\\"\"}"_s),
            u"{\n  \"z\": {},\n  \"a\": [],\n  \"s\": \"a, {b}: \\\"c\\\"\"\n}"_s);
    }
};

QTEST_MAIN(TestValueEditor)
#include "tst_valueeditor.moc"
