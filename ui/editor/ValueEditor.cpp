#include "ui/editor/ValueEditor.h"

#include "model/Validation.h"
#include "ui/Async.h"
#include "ui/MessageArea.h"
#include "ui/editor/ConflictDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace kv::ui {

namespace {

/// Hex text is three times the value's size: beyond this the hex page shows the start, read-only.
constexpr qsizetype kHexViewBytes = 256 * 1024;
/// JSON is checked once typing pauses, not at every key press.
constexpr std::chrono::milliseconds kJsonCheckDelay { 150 };
constexpr int kDefaultTtlSeconds = 3600;

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString expiryText(const std::optional<model::Timestamp>& expiresAt)
{
    if (!expiresAt) {
        return ValueEditor::tr("Never expires");
    }
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(*expiresAt);
    return ValueEditor::tr("Expires %1").arg(QLocale().toString(at, QLocale::ShortFormat));
}

/// One version of an entry as plain text, for the side-by-side comparison.
QString describe(const QByteArray& value, const QString& metadata, const std::optional<model::Timestamp>& expiresAt)
{
    QString text;
    if (isUtf8Text(value)) {
        text = QString::fromUtf8(value);
        if (checkJson(value).ok && !text.trimmed().isEmpty()) {
            text = prettyJson(text);
        }
    } else {
        text = hexDump(value, kHexViewBytes);
    }
    return text + u"\n\n" + ValueEditor::tr("Metadata: %1").arg(metadata.isEmpty() ? QStringLiteral("{}") : metadata)
        + u'\n' + expiryText(expiresAt);
}

} // namespace

ValueEditor::ValueEditor(client::Client& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
{
    buildUi();
    m_jsonTimer.setSingleShot(true);
    m_jsonTimer.setInterval(kJsonCheckDelay);
    connect(&m_jsonTimer, &QTimer::timeout, this, &ValueEditor::runJsonCheck);
    clear();
}

ValueEditor::~ValueEditor() = default;

void ValueEditor::buildUi()
{
    setAccessibleName(tr("Value editor"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_versionLabel = new QLabel(this);
    m_versionLabel->setObjectName(QStringLiteral("versionLabel"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setTextVisible(false);
    m_busyBar->setAccessibleName(tr("Busy"));
    m_busyBar->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_status);
    header->addWidget(m_busyBar);
    header->addWidget(m_versionLabel);

    m_messages = new MessageArea(this);
    m_messages->setObjectName(QStringLiteral("messages"));

    m_content = new QWidget(this);
    auto* form = new QFormLayout(m_content);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // Key (new entries only).
    m_keyEdit = new QLineEdit(m_content);
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    m_keyEdit->setAccessibleName(tr("Key"));
    m_keyEdit->setAccessibleDescription(
        tr("The name of the new key: 1 to 512 bytes of UTF-8 without control characters"));
    m_keyEdit->setPlaceholderText(tr("Name of the new key"));
    m_keyStatus = new QLabel(m_content);
    m_keyStatus->setObjectName(QStringLiteral("keyStatus"));
    m_keyStatus->setWordWrap(true);
    auto* keyField = new QVBoxLayout;
    keyField->addWidget(m_keyEdit);
    keyField->addWidget(m_keyStatus);
    m_keyLabel = new QLabel(tr("&Key:"), m_content);
    m_keyLabel->setBuddy(m_keyEdit);
    form->addRow(m_keyLabel, keyField);
    connect(m_keyEdit, &QLineEdit::textChanged, this, [this] {
        validateKeyField();
        updateState();
    });

    // How the value is shown.
    m_modeCombo = new QComboBox(m_content);
    m_modeCombo->setObjectName(QStringLiteral("modeCombo"));
    m_modeCombo->setAccessibleName(tr("Show value as"));
    m_modeCombo->setAccessibleDescription(
        tr("Chosen from the value's content; change it to see the value another way"));
    // In ValueMode's order: the index is the mode.
    m_modeCombo->addItem(tr("Text"));
    m_modeCombo->addItem(tr("JSON"));
    m_modeCombo->addItem(tr("Hex"));
    m_modeCombo->addItem(tr("Image preview"));
    connect(m_modeCombo, &QComboBox::activated, this, [this](int index) { setMode(static_cast<ValueMode>(index)); });
    m_prettyButton = new QPushButton(tr("&Pretty-print"), m_content);
    m_prettyButton->setObjectName(QStringLiteral("prettyButton"));
    m_prettyButton->setAccessibleName(tr("Pretty-print JSON"));
    m_prettyButton->setAccessibleDescription(tr("Re-indents the JSON value; keys keep their order"));
    connect(m_prettyButton, &QPushButton::clicked, this, [this] {
        const QString text = m_text->toPlainText();
        if (!checkJson(text.toUtf8()).ok) {
            return;
        }
        // Through the cursor, so that Undo takes it back.
        QTextCursor cursor(m_text->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(prettyJson(text));
    });
    auto* modeRow = new QHBoxLayout;
    modeRow->addWidget(m_modeCombo);
    modeRow->addWidget(m_prettyButton);
    modeRow->addStretch(1);
    auto* modeLabel = new QLabel(tr("Sh&ow as:"), m_content);
    modeLabel->setBuddy(m_modeCombo);
    form->addRow(modeLabel, modeRow);

    // The value's pages: text and JSON share one editor, hex has its own, the image is a view.
    m_text = new QPlainTextEdit(m_content);
    m_text->setObjectName(QStringLiteral("valueText"));
    m_text->setAccessibleName(tr("Value"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Tab moves on, so the editor can be left from the keyboard; JSON is indented with spaces.
    m_text->setTabChangesFocus(true);
    m_hexPage = new QWidget(m_content);
    m_hex = new QPlainTextEdit(m_hexPage);
    m_hex->setObjectName(QStringLiteral("hexEdit"));
    m_hex->setAccessibleName(tr("Value in hexadecimal"));
    m_hex->setAccessibleDescription(tr("The value's bytes as pairs of hexadecimal digits, sixteen per line; "
                                       "spaces and line breaks between them do not matter"));
    m_hex->setTabChangesFocus(true);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hex->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_hex, &QPlainTextEdit::textChanged, this, &ValueEditor::hexEdited);
    // Beside the hex: each line's offset and its bytes as ASCII, scrolled with it.
    m_hexGutter = new QPlainTextEdit(m_hexPage);
    m_hexGutter->setObjectName(QStringLiteral("hexGutter"));
    m_hexGutter->setAccessibleName(tr("Offsets and ASCII"));
    m_hexGutter->setAccessibleDescription(
        tr("For each line of the hex value: the offset of its first byte, then its bytes as ASCII"));
    m_hexGutter->setReadOnly(true);
    m_hexGutter->setTabChangesFocus(true);
    m_hexGutter->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hexGutter->setFont(m_hex->font());
    m_hexGutter->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_hexGutter->setFixedWidth(m_hexGutter->fontMetrics().horizontalAdvance(QString(12 + kHexBytesPerLine, u'0'))
        + 2 * m_hexGutter->frameWidth() + 2 * static_cast<int>(m_hexGutter->document()->documentMargin()));
    connect(
        m_hex->verticalScrollBar(), &QScrollBar::valueChanged, m_hexGutter->verticalScrollBar(), &QScrollBar::setValue);
    connect(
        m_hexGutter->verticalScrollBar(), &QScrollBar::valueChanged, m_hex->verticalScrollBar(), &QScrollBar::setValue);
    auto* hexRow = new QHBoxLayout(m_hexPage);
    hexRow->setContentsMargins(0, 0, 0, 0);
    hexRow->addWidget(m_hex, 1);
    hexRow->addWidget(m_hexGutter);
    m_image = new QLabel;
    m_image->setObjectName(QStringLiteral("imagePreview"));
    m_image->setAccessibleName(tr("Image"));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setWordWrap(true);
    m_imageArea = new QScrollArea(m_content);
    m_imageArea->setObjectName(QStringLiteral("imageArea"));
    m_imageArea->setAccessibleName(tr("Image preview"));
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    m_imageArea->setFocusPolicy(Qt::StrongFocus);
    m_pages = new QStackedWidget(m_content);
    m_pages->addWidget(m_text);
    m_pages->addWidget(m_hexPage);
    m_pages->addWidget(m_imageArea);
    m_valueStatus = new QLabel(m_content);
    m_valueStatus->setObjectName(QStringLiteral("valueStatus"));
    m_valueStatus->setWordWrap(true);
    m_valueStatus->setTextFormat(Qt::PlainText);
    auto* valueField = new QVBoxLayout;
    valueField->addWidget(m_pages, 1);
    valueField->addWidget(m_valueStatus);
    m_valueLabel = new QLabel(tr("Va&lue:"), m_content);
    m_valueLabel->setBuddy(m_text);
    form->addRow(m_valueLabel, valueField);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_mode == ValueMode::Json) {
            m_jsonPending = true;
            m_jsonTimer.start();
        }
        updateState();
    });

    // Metadata.
    m_metadata = new QPlainTextEdit(m_content);
    m_metadata->setObjectName(QStringLiteral("metadataEdit"));
    m_metadata->setAccessibleName(tr("Metadata"));
    m_metadata->setAccessibleDescription(
        tr("A JSON object of at most %1 bytes; empty for none").arg(m_limits.maxMetadataBytes));
    m_metadata->setPlaceholderText(tr("No metadata. Type a JSON object, e.g. {\"content-type\": \"text/plain\"}"));
    m_metadata->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_metadata->setTabChangesFocus(true);
    m_metadata->setMaximumHeight(m_metadata->fontMetrics().lineSpacing() * 6);
    m_metadataStatus = new QLabel(m_content);
    m_metadataStatus->setObjectName(QStringLiteral("metadataStatus"));
    m_metadataStatus->setWordWrap(true);
    m_metadataStatus->setTextFormat(Qt::PlainText);
    auto* metadataField = new QVBoxLayout;
    metadataField->addWidget(m_metadata);
    metadataField->addWidget(m_metadataStatus);
    auto* metadataLabel = new QLabel(tr("&Metadata:"), m_content);
    metadataLabel->setBuddy(m_metadata);
    form->addRow(metadataLabel, metadataField);
    connect(m_metadata, &QPlainTextEdit::textChanged, this, [this] {
        validateMetadata();
        updateState();
    });

    // Expiration.
    m_expiryCombo = new QComboBox(m_content);
    m_expiryCombo->setObjectName(QStringLiteral("expiryCombo"));
    m_expiryCombo->setAccessibleName(tr("Expiration"));
    m_expiryCombo->setAccessibleDescription(tr("Whether and when the key expires after the next save"));
    m_ttl = new QSpinBox(m_content);
    m_ttl->setObjectName(QStringLiteral("ttlSpin"));
    m_ttl->setAccessibleName(tr("Time to live in seconds"));
    m_ttl->setSuffix(tr(" s"));
    m_ttl->setRange(static_cast<int>(m_limits.minTtlSeconds), std::numeric_limits<int>::max());
    m_ttl->setValue(kDefaultTtlSeconds);
    m_ttlLabel = new QLabel(tr("Seco&nds:"), m_content);
    m_ttlLabel->setBuddy(m_ttl);
    m_at = new QDateTimeEdit(m_content);
    m_at->setObjectName(QStringLiteral("expiresAtEdit"));
    m_at->setAccessibleName(tr("Expiration date and time"));
    m_at->setCalendarPopup(true);
    m_at->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_atLabel = new QLabel(tr("&At:"), m_content);
    m_atLabel->setBuddy(m_at);
    m_expiryStatus = new QLabel(m_content);
    m_expiryStatus->setObjectName(QStringLiteral("expiryStatus"));
    m_expiryStatus->setWordWrap(true);
    m_expiryStatus->setTextFormat(Qt::PlainText);
    m_expirationLabel = new QLabel(m_content);
    m_expirationLabel->setObjectName(QStringLiteral("expirationLabel"));
    auto* expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expiryCombo);
    expiryRow->addWidget(m_ttlLabel);
    expiryRow->addWidget(m_ttl);
    expiryRow->addWidget(m_atLabel);
    expiryRow->addWidget(m_at);
    expiryRow->addStretch(1);
    expiryRow->addWidget(m_expirationLabel);
    auto* expiryField = new QVBoxLayout;
    expiryField->addLayout(expiryRow);
    expiryField->addWidget(m_expiryStatus);
    auto* expiryLabel = new QLabel(tr("E&xpiration:"), m_content);
    expiryLabel->setBuddy(m_expiryCombo);
    form->addRow(expiryLabel, expiryField);
    const auto expiryEdited = [this] {
        validateExpiry();
        updateState();
    };
    connect(m_expiryCombo, &QComboBox::currentIndexChanged, this, expiryEdited);
    connect(m_ttl, &QSpinBox::valueChanged, this, expiryEdited);
    connect(m_at, &QDateTimeEdit::dateTimeChanged, this, expiryEdited);

    // Actions: one place for their shortcuts; the main window may put the same actions in menus.
    m_saveAction = new QAction(tr("&Save"), this);
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_saveAction->setToolTip(tr("Save the value, metadata and expiration (%1)")
                                 .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    connect(m_saveAction, &QAction::triggered, this, &ValueEditor::save);
    addAction(m_saveAction);
    m_revertAction = new QAction(tr("&Revert"), this);
    m_revertAction->setObjectName(QStringLiteral("revertAction"));
    m_revertAction->setToolTip(tr("Discard the changes made since the last load or save"));
    connect(m_revertAction, &QAction::triggered, this, &ValueEditor::revert);
    addAction(m_revertAction);

    m_revertButton = new QPushButton(m_revertAction->text(), m_content);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setAccessibleName(tr("Revert"));
    m_revertButton->setAccessibleDescription(m_revertAction->toolTip());
    connect(m_revertButton, &QPushButton::clicked, m_revertAction, &QAction::trigger);
    m_saveButton = new QPushButton(m_saveAction->text(), m_content);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setAccessibleName(tr("Save"));
    m_saveButton->setAccessibleDescription(m_saveAction->toolTip());
    m_saveButton->setToolTip(m_saveAction->toolTip());
    connect(m_saveButton, &QPushButton::clicked, m_saveAction, &QAction::trigger);
    connect(m_saveAction, &QAction::enabledChanged, m_saveButton, &QPushButton::setEnabled);
    connect(m_revertAction, &QAction::enabledChanged, m_revertButton, &QPushButton::setEnabled);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_saveButton);
    form->addRow(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_messages);
    layout->addWidget(m_content, 1);

    setTabOrder(m_keyEdit, m_modeCombo);
    setTabOrder(m_modeCombo, m_prettyButton);
    setTabOrder(m_prettyButton, m_text);
    setTabOrder(m_text, m_hex);
    setTabOrder(m_hex, m_hexGutter);
    setTabOrder(m_hexGutter, m_imageArea);
    setTabOrder(m_imageArea, m_metadata);
    setTabOrder(m_metadata, m_expiryCombo);
    setTabOrder(m_expiryCombo, m_ttl);
    setTabOrder(m_ttl, m_at);
    setTabOrder(m_at, m_revertButton);
    setTabOrder(m_revertButton, m_saveButton);
}

void ValueEditor::setLimits(const model::Limits& limits)
{
    m_limits = limits;
    m_ttl->setMinimum(static_cast<int>(std::min<qint64>(limits.minTtlSeconds, std::numeric_limits<int>::max())));
    m_metadata->setAccessibleDescription(
        tr("A JSON object of at most %1 bytes; empty for none").arg(limits.maxMetadataBytes));
    validateKeyField();
    validateMetadata();
    validateExpiry();
    updateState();
}

void ValueEditor::open(const QString& ns, const QString& key)
{
    m_ns = ns;
    startLoad(key);
}

void ValueEditor::startLoad(QString key)
{
    // By value: the caller may pass m_loaded.key, which this resets.
    const quint64 generation = ++m_generation;
    if (m_conflict) {
        m_conflict->reject();
    }
    m_messages->clear();
    m_hasEntry = false;
    m_isNew = false;
    m_loaded = model::Entry {};
    m_loaded.key = key;
    setBusy(true, tr("Loading…"));
    whenDone(m_client.getValue(m_ns, key), this, [this, generation, key](const Result<model::Entry>& result) {
        if (generation != m_generation) {
            return;
        }
        if (!result) {
            setBusy(false);
            showError(tr("Could not load “%1”").arg(key), result.error());
            return;
        }
        // Detecting the mode and pretty-printing walk the whole value: not on the UI thread.
        const model::Entry entry = result.value();
        whenDone(QtConcurrent::run(&prepareValue, entry.value, entry.metadata), this,
            [this, generation, entry](const PreparedValue& prepared) {
                if (generation != m_generation) {
                    return;
                }
                applyEntry(entry, prepared);
                setBusy(false);
            });
    });
}

void ValueEditor::newEntry(const QString& ns)
{
    ++m_generation;
    if (m_conflict) {
        m_conflict->reject();
    }
    m_ns = ns;
    m_messages->clear();
    model::Entry blank;
    applyEntry(blank, PreparedValue {});
    m_hasEntry = false;
    m_isNew = true;
    m_keyLabel->show();
    m_keyEdit->show();
    m_keyEdit->clear();
    m_keyStatus->show();
    validateKeyField();
    m_versionLabel->setText(tr("New key"));
    m_expirationLabel->setText(tr("Not saved yet"));
    setBusy(false);
    updateState();
    m_keyEdit->setFocus();
}

void ValueEditor::clear()
{
    ++m_generation;
    m_ns.clear();
    m_messages->clear();
    applyEntry(model::Entry {}, PreparedValue {});
    m_hasEntry = false;
    m_isNew = false;
    m_versionLabel->clear();
    m_expirationLabel->clear();
    setBusy(false);
    updateState();
}

void ValueEditor::applyEntry(const model::Entry& entry, const PreparedValue& prepared)
{
    m_loaded = entry;
    m_prepared = prepared;
    m_hasEntry = true;
    m_isNew = false;
    m_keyLabel->hide();
    m_keyEdit->hide();
    m_keyStatus->hide();
    m_keyValid = true;
    m_hexBytes.reset();
    m_hexValid = true;

    m_text->setReadOnly(!prepared.utf8);
    m_mode = prepared.mode;
    showTextIn(m_mode == ValueMode::Json && !prepared.prettyText.isEmpty() ? prepared.prettyText : prepared.text);

    m_metadata->setPlainText(entry.metadata.isEmpty() ? QString() : prettyJson(compactJson(entry.metadata)));
    m_metadata->document()->setModified(false);
    resetExpiry(entry.expiresAt);
    m_versionLabel->setText(tr("Version %1").arg(entry.version));
    updateExpirationLabel();
    validateMetadata();
    validateExpiry();

    m_dirty = false;
    setMode(prepared.mode);
    updateState();
}

void ValueEditor::showTextIn(const QString& text)
{
    const QSignalBlocker blocker(m_text);
    m_text->setPlainText(text);
    m_text->document()->setModified(false);
}

QString ValueEditor::key() const
{
    return m_isNew ? m_keyEdit->text() : m_loaded.key;
}

QString ValueEditor::title() const
{
    QString name = m_isNew ? tr("New key") : m_loaded.key;
    if (name.isEmpty()) {
        return tr("No key");
    }
    // A bullet, as editors mark an unsaved document; the whole title is what a screen reader reads.
    return m_dirty ? tr("%1 •").arg(name) : name;
}

QString ValueEditor::messageText() const
{
    return m_messages->text();
}

QByteArray ValueEditor::currentValue() const
{
    if (m_hexBytes) {
        return *m_hexBytes;
    }
    // Untouched text is not re-encoded: bytes that are not UTF-8 must survive a metadata edit.
    if (m_isNew || m_text->document()->isModified()) {
        return m_text->toPlainText().toUtf8();
    }
    return m_loaded.value;
}

void ValueEditor::setMode(ValueMode mode)
{
    if (m_mode == ValueMode::Hex && mode != ValueMode::Hex) {
        leaveHex();
    }
    const bool textual = mode == ValueMode::Text || mode == ValueMode::Json;
    if (textual && mode != m_mode && !m_text->document()->isModified() && !m_isNew && !m_hexBytes) {
        showTextIn(
            mode == ValueMode::Json && !m_prepared.prettyText.isEmpty() ? m_prepared.prettyText : m_prepared.text);
    }
    m_mode = mode;
    m_modeCombo->setCurrentIndex(static_cast<int>(mode));
    m_prettyButton->setVisible(mode == ValueMode::Json);
    m_jsonTimer.stop();
    ++m_checkGeneration;
    m_jsonPending = false;
    m_jsonValid = true;
    m_valueStatus->clear();
    switch (mode) {
    case ValueMode::Text:
    case ValueMode::Json:
        m_pages->setCurrentWidget(m_text);
        m_valueLabel->setBuddy(m_text);
        if (m_text->isReadOnly()) {
            m_valueStatus->setText(tr("This value is not UTF-8 text, so it cannot be shown as text; "
                                      "its bytes are kept as they are. Use Hex to see and edit them."));
        } else if (mode == ValueMode::Json) {
            m_jsonPending = true;
            runJsonCheck();
        }
        break;
    case ValueMode::Hex:
        m_pages->setCurrentWidget(m_hexPage);
        m_valueLabel->setBuddy(m_hex);
        refreshHex();
        break;
    case ValueMode::Image:
        m_pages->setCurrentWidget(m_imageArea);
        m_valueLabel->setBuddy(m_imageArea);
        refreshImage();
        break;
    }
    updateState();
}

void ValueEditor::refreshHex()
{
    const QByteArray value = currentValue();
    const bool editable = value.size() <= kHexViewBytes;
    const QByteArrayView shown = editable ? QByteArrayView(value) : QByteArrayView(value).first(kHexViewBytes);
    {
        const QSignalBlocker blocker(m_hex);
        m_hex->setPlainText(hexPairs(shown));
    }
    m_hexGutter->setPlainText(hexGutter(shown));
    m_hex->setReadOnly(!editable);
    m_hexValid = true;
    QString about = tr("%n byte(s).", nullptr, static_cast<int>(value.size()));
    if (!editable) {
        about += u' '
            + tr("Showing the first %1 KiB, read-only: values this large are not edited in hex.")
                  .arg(kHexViewBytes / 1024);
    }
    m_valueStatus->setText(about);
}

void ValueEditor::hexEdited()
{
    const HexParse parsed = parseHexPairs(m_hex->toPlainText());
    m_hexValid = parsed.ok;
    if (parsed.ok) {
        m_hexGutter->setPlainText(hexGutter(parsed.bytes));
        m_hexGutter->verticalScrollBar()->setValue(m_hex->verticalScrollBar()->value());
        m_valueStatus->setText(tr("%n byte(s).", nullptr, static_cast<int>(parsed.bytes.size())));
        m_hexBytes = parsed.bytes;
    } else {
        m_valueStatus->setText(
            tr("Not valid hex at line %1, column %2: %3").arg(parsed.line).arg(parsed.column).arg(parsed.error));
    }
    updateState();
}

void ValueEditor::leaveHex()
{
    if (!m_hexValid) {
        m_hexValid = true;
        m_messages->showMessage(MessageArea::Kind::Information,
            tr("The hex text was not valid, so the value keeps the last bytes that were."));
    }
    if (!m_hexBytes) {
        return;
    }
    // Typed bytes that are text become the text modes' document, editable there; other bytes
    // stay the value, shown read-only as the text modes show any binary value.
    const bool utf8 = isUtf8Text(*m_hexBytes);
    m_text->setReadOnly(!utf8);
    showTextIn(utf8 ? QString::fromUtf8(*m_hexBytes) : QString());
    if (utf8) {
        m_text->document()->setModified(true);
        m_hexBytes.reset();
    }
}

void ValueEditor::refreshImage()
{
    const quint64 generation = ++m_imageGeneration;
    m_image->setPixmap({});
    m_image->setText(tr("Decoding…"));
    whenDone(QtConcurrent::run(&decodeImage, currentValue()), this, [this, generation](const DecodedImage& decoded) {
        if (generation != m_imageGeneration || m_mode != ValueMode::Image) {
            return;
        }
        if (!decoded.error.isEmpty()) {
            m_image->setText(decoded.error);
            m_image->setAccessibleDescription(decoded.error);
            m_valueStatus->setText(decoded.error);
            return;
        }
        m_image->setPixmap(QPixmap::fromImage(decoded.image));
        const QString about = tr("%1 image, %2 × %3 pixels")
                                  .arg(QString::fromLatin1(decoded.format.toUpper()))
                                  .arg(decoded.image.width())
                                  .arg(decoded.image.height());
        m_image->setAccessibleDescription(about);
        m_valueStatus->setText(about);
    });
}

void ValueEditor::runJsonCheck()
{
    if (m_mode != ValueMode::Json || m_text->isReadOnly()) {
        return;
    }
    const quint64 generation = ++m_checkGeneration;
    whenDone(QtConcurrent::run(&checkJson, m_text->toPlainText().toUtf8()), this,
        [this, generation](const JsonCheck& check) {
            if (generation != m_checkGeneration) {
                return;
            }
            showJsonCheck(check);
        });
}

void ValueEditor::showJsonCheck(const JsonCheck& check)
{
    m_jsonPending = false;
    m_jsonValid = check.ok;
    m_valueStatus->setText(check.ok
            ? tr("Valid JSON.")
            : tr("Invalid JSON at line %1, column %2: %3").arg(check.line).arg(check.column).arg(check.error));
    updateState();
}

void ValueEditor::validateKeyField()
{
    if (!m_isNew) {
        m_keyValid = true;
        return;
    }
    const QString key = m_keyEdit->text();
    if (key.isEmpty()) {
        m_keyValid = false;
        m_keyStatus->setText(tr("Type the new key's name."));
        return;
    }
    const auto valid = model::validateKey(key, m_limits);
    m_keyValid = valid.ok();
    m_keyStatus->setText(valid ? QString() : valid.error().message());
}

void ValueEditor::validateMetadata()
{
    const QByteArray text = m_metadata->toPlainText().toUtf8();
    if (text.trimmed().isEmpty()) {
        m_metadataValid = true;
        m_metadataStatus->clear();
        return;
    }
    // The syntax check names a line and column; the model's rule then checks object and size.
    if (const JsonCheck check = checkJson(text); !check.ok) {
        m_metadataValid = false;
        m_metadataStatus->setText(
            tr("Invalid JSON at line %1, column %2: %3").arg(check.line).arg(check.column).arg(check.error));
        return;
    }
    const auto parsed = model::parseMetadata(text, m_limits);
    m_metadataValid = parsed.ok();
    m_metadataStatus->setText(parsed ? QString() : parsed.error().message());
}

void ValueEditor::resetExpiry(const std::optional<model::Timestamp>& expiresAt)
{
    const QSignalBlocker comboBlocker(m_expiryCombo);
    const QSignalBlocker ttlBlocker(m_ttl);
    const QSignalBlocker atBlocker(m_at);
    m_expiryCombo->clear();
    m_expiryCombo->addItem(tr("Never expires"), static_cast<int>(ExpiryMode::Never));
    if (expiresAt) {
        m_expiryCombo->addItem(tr("Keep the current expiration"), static_cast<int>(ExpiryMode::Keep));
    }
    m_expiryCombo->addItem(tr("Expires after a TTL"), static_cast<int>(ExpiryMode::Ttl));
    m_expiryCombo->addItem(tr("Expires at a date and time"), static_cast<int>(ExpiryMode::At));
    m_initialExpiry = expiresAt ? ExpiryMode::Keep : ExpiryMode::Never;
    m_expiryCombo->setCurrentIndex(m_expiryCombo->findData(static_cast<int>(m_initialExpiry)));
    m_ttl->setValue(kDefaultTtlSeconds);
    m_at->setDateTime(expiresAt ? QDateTime::fromMSecsSinceEpoch(*expiresAt) : QDateTime::currentDateTime().addDays(1));
}

ValueEditor::ExpiryMode ValueEditor::expiryMode() const
{
    return static_cast<ExpiryMode>(m_expiryCombo->currentData().toInt());
}

model::ExpiryRequest ValueEditor::expiryRequest() const
{
    model::ExpiryRequest request;
    switch (expiryMode()) {
    case ExpiryMode::Never:
        break;
    case ExpiryMode::Keep:
        // A put without an expiry clears it: keeping it means sending it again.
        if (m_loaded.expiresAt) {
            request.expirationSeconds = (*m_loaded.expiresAt + 999) / 1000;
        }
        break;
    case ExpiryMode::Ttl:
        request.ttlSeconds = m_ttl->value();
        break;
    case ExpiryMode::At:
        request.expirationSeconds = m_at->dateTime().toSecsSinceEpoch();
        break;
    }
    return request;
}

void ValueEditor::validateExpiry()
{
    const ExpiryMode mode = expiryMode();
    m_ttlLabel->setVisible(mode == ExpiryMode::Ttl);
    m_ttl->setVisible(mode == ExpiryMode::Ttl);
    m_atLabel->setVisible(mode == ExpiryMode::At);
    m_at->setVisible(mode == ExpiryMode::At);
    const auto resolved = model::resolveExpiry(expiryRequest(), QDateTime::currentMSecsSinceEpoch(), m_limits);
    m_expiryValid = resolved.ok();
    m_expiryStatus->setText(resolved ? QString() : resolved.error().message());
}

void ValueEditor::updateExpirationLabel()
{
    m_expirationLabel->setText(expiryText(m_loaded.expiresAt));
}

void ValueEditor::setBusy(bool busy, const QString& status)
{
    if (busy && !m_busy) {
        m_focusBeforeBusy = m_content->isAncestorOf(focusWidget()) ? focusWidget() : nullptr;
    }
    const bool changed = busy != m_busy;
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_status->setText(status);
    updateState();
    if (!busy && changed && m_focusBeforeBusy && m_focusBeforeBusy->isEnabled()) {
        m_focusBeforeBusy->setFocus();
    }
    if (changed) {
        Q_EMIT busyChanged(busy);
    }
}

void ValueEditor::updateState()
{
    const bool editing = m_hasEntry || m_isNew;
    const bool dirty = editing
        && (m_text->document()->isModified() || m_hexBytes || !m_hexValid || m_metadata->document()->isModified()
            || expiryMode() != m_initialExpiry || (m_isNew && !m_keyEdit->text().isEmpty()));
    const bool jsonBlocks = m_mode == ValueMode::Json && !m_jsonPending && !m_jsonValid;
    const bool hexBlocks = m_mode == ValueMode::Hex && !m_hexValid;
    const bool canSave
        = editing && !m_busy && dirty && m_keyValid && m_metadataValid && m_expiryValid && !jsonBlocks && !hexBlocks;
    m_content->setEnabled(editing && !m_busy);
    m_saveAction->setEnabled(canSave);
    m_revertAction->setEnabled(editing && !m_busy && dirty);
    const QString before = title();
    const bool dirtyChangedNow = dirty != m_dirty;
    m_dirty = dirty;
    m_title->setText(title());
    m_title->setAccessibleName(
        m_dirty ? tr("%1, unsaved changes").arg(m_isNew ? tr("New key") : m_loaded.key) : title());
    if (dirtyChangedNow) {
        Q_EMIT dirtyChanged(dirty);
    }
    if (title() != before || dirtyChangedNow) {
        Q_EMIT titleChanged(title());
    }
}

void ValueEditor::save()
{
    saveWith(m_isNew ? store::Precondition::absent() : store::Precondition::versionEquals(m_loaded.version));
}

void ValueEditor::saveWith(const store::Precondition& precondition)
{
    if ((!m_hasEntry && !m_isNew) || m_busy) {
        return;
    }
    const auto refuse = [this](const QString& why) { m_messages->showMessage(MessageArea::Kind::Error, why); };
    if (!m_keyValid) {
        refuse(tr("Cannot save: %1").arg(m_keyStatus->text()));
        return;
    }
    if (m_mode == ValueMode::Hex && !m_hexValid) {
        refuse(tr("Cannot save: %1").arg(m_valueStatus->text()));
        return;
    }
    if (m_mode == ValueMode::Json && !m_text->isReadOnly()) {
        // Saved before the as-you-type check came back (Ctrl+S right after typing): check now.
        const JsonCheck check = checkJson(m_text->toPlainText().toUtf8());
        if (!check.ok) {
            showJsonCheck(check);
            refuse(tr("Cannot save: the value is not valid JSON (line %1, column %2). Fix it, or show it as Text "
                      "to save it as it is.")
                       .arg(check.line)
                       .arg(check.column));
            return;
        }
    }
    const QByteArray metadataText = m_metadata->toPlainText().toUtf8();
    QJsonObject metadata;
    if (!metadataText.trimmed().isEmpty()) {
        auto parsed = model::parseMetadata(metadataText, m_limits);
        if (!parsed) {
            refuse(tr("Cannot save: %1").arg(parsed.error().message()));
            return;
        }
        metadata = parsed.value();
    }
    validateExpiry();
    if (!m_expiryValid) {
        refuse(tr("Cannot save: %1").arg(m_expiryStatus->text()));
        updateState();
        return;
    }
    client::PutRequest request { key(), currentValue(), metadata, expiryRequest(), precondition };
    if (auto sized = model::validateValueSize(request.value.size(), m_limits); !sized) {
        refuse(tr("Cannot save: %1").arg(sized.error().message()));
        return;
    }

    const quint64 generation = m_generation;
    const bool valueEdited = m_text->document()->isModified() || m_isNew;
    const QString savedText = m_text->toPlainText();
    const bool hexEdited = m_hexBytes.has_value();
    const bool creating = m_isNew;
    m_messages->clear();
    setBusy(true, tr("Saving…"));
    whenDone(m_client.putValue(m_ns, request), this,
        [this, generation, request, valueEdited, savedText, creating, hexEdited](
            const Result<client::PutResult>& result) {
            if (generation != m_generation) {
                return;
            }
            setBusy(false);
            if (!result) {
                const bool discarding = std::exchange(m_discardPending, false);
                if (result.error().code() == ErrorCode::VersionConflict) {
                    showConflict();
                } else {
                    showError(creating ? tr("Could not create “%1”").arg(request.key)
                                       : tr("Could not save “%1”").arg(request.key),
                        result.error());
                }
                if (discarding) {
                    Q_EMIT discardDecided(false);
                }
                return;
            }
            // The store now holds exactly what was sent: it becomes the loaded state, no reload.
            m_loaded.key = request.key;
            m_loaded.value = request.value;
            m_loaded.metadata = request.metadata;
            m_loaded.expiresAt = result->expiresAt;
            m_loaded.version = result->version;
            m_loaded.updatedAt = QDateTime::currentMSecsSinceEpoch();
            if (hexEdited) {
                const bool utf8 = isUtf8Text(request.value);
                m_prepared = PreparedValue { m_mode, utf8, utf8 ? QString::fromUtf8(request.value) : QString(), {} };
                m_text->setReadOnly(!utf8);
                showTextIn(m_prepared.text);
                m_hexBytes.reset();
            } else if (valueEdited) {
                m_prepared = PreparedValue { m_mode, true, savedText, {} };
            }
            m_hasEntry = true;
            m_isNew = false;
            m_keyLabel->hide();
            m_keyEdit->hide();
            m_keyStatus->hide();
            m_keyValid = true;
            m_text->document()->setModified(false);
            m_metadata->document()->setModified(false);
            resetExpiry(m_loaded.expiresAt);
            validateExpiry();
            m_versionLabel->setText(tr("Version %1").arg(m_loaded.version));
            updateExpirationLabel();
            m_messages->showMessage(
                MessageArea::Kind::Information, tr("Saved “%1”, version %2.").arg(request.key).arg(result->version));
            updateState();
            Q_EMIT saved(m_ns, request.key, result->version);
            if (std::exchange(m_discardPending, false)) {
                Q_EMIT discardDecided(true);
            }
        });
}

void ValueEditor::revert()
{
    if (m_isNew) {
        newEntry(m_ns);
        return;
    }
    if (!m_hasEntry || m_busy) {
        return;
    }
    const ValueMode mode = m_mode;
    m_messages->clear();
    applyEntry(m_loaded, m_prepared);
    setMode(mode);
}

void ValueEditor::showError(const QString& what, const Error& error)
{
    m_messages->showMessage(MessageArea::Kind::Error, tr("%1: %2 (%3)").arg(what, error.message(), error.codeName()));
}

void ValueEditor::showConflict()
{
    if (m_conflict) {
        m_conflict->raise();
        return;
    }
    auto* dialog = new ConflictDialog(m_loaded.key, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_conflict = dialog;
    connect(dialog, &ConflictDialog::compareRequested, this, &ValueEditor::compareWithTheirs);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        const ConflictDialog::Choice choice = dialog->choice();
        m_conflict = nullptr;
        switch (choice) {
        case ConflictDialog::Choice::Reload:
            startLoad(m_loaded.key);
            break;
        case ConflictDialog::Choice::Overwrite:
            saveWith(store::Precondition::none());
            break;
        case ConflictDialog::Choice::Cancel:
            m_messages->showMessage(MessageArea::Kind::Error,
                tr("Not saved: “%1” was changed by someone else. Save again to choose what to do.").arg(m_loaded.key));
            break;
        }
    });
    // open(), not exec(): window-modal without a nested event loop.
    dialog->open();
}

void ValueEditor::compareWithTheirs()
{
    const QPointer<ConflictDialog> dialog = m_conflict;
    const quint64 generation = m_generation;
    const QString mine = describeMine();
    whenDone(m_client.getValue(m_ns, m_loaded.key), this,
        [this, dialog, generation, mine](const Result<model::Entry>& result) {
            if (!dialog || generation != m_generation) {
                return;
            }
            if (!result) {
                const QString why = result.error().code() == ErrorCode::KeyNotFound
                    ? tr("The key no longer exists: someone deleted it or it expired.")
                    : tr("Could not load their version: %1").arg(result.error().message());
                dialog->showComparison(mine, why, tr("&Theirs:"));
                return;
            }
            dialog->showComparison(mine, describe(result->value, compactJson(result->metadata), result->expiresAt),
                tr("&Theirs (version %1):").arg(result->version));
        });
}

QString ValueEditor::describeMine() const
{
    const auto resolved = model::resolveExpiry(expiryRequest(), QDateTime::currentMSecsSinceEpoch(), m_limits);
    const std::optional<model::Timestamp> expiresAt = resolved ? resolved.value() : m_loaded.expiresAt;
    const QString metadata = m_metadata->toPlainText().simplified();
    return describe(currentValue(), metadata, expiresAt);
}

bool ValueEditor::maybeDiscard()
{
    if (!m_dirty) {
        return true;
    }
    if (m_discardBox) {
        m_discardBox->raise();
        return false;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
        tr("“%1” has unsaved changes. Save them before going on?").arg(m_isNew ? tr("The new key") : m_loaded.key),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedChangesBox"));
    box->setDefaultButton(QMessageBox::Save);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_discardBox = box;
    connect(box, &QMessageBox::finished, this, [this, box] {
        const QMessageBox::StandardButton answer = box->standardButton(box->clickedButton());
        m_discardBox = nullptr;
        if (answer == QMessageBox::Save) {
            m_discardPending = true;
            save();
            if (!m_busy) {
                // Refused before it started (invalid input): the message says why.
                m_discardPending = false;
                Q_EMIT discardDecided(false);
            }
        } else if (answer == QMessageBox::Discard) {
            revert();
            Q_EMIT discardDecided(true);
        } else {
            Q_EMIT discardDecided(false);
        }
    });
    box->open();
    return false;
}

} // namespace kv::ui
