#pragma once
// ValueEditor views and edits one key's entry: the value as text, JSON, hex or an image, its
// metadata as a JSON object, and its expiration; it saves with the version it loaded and handles
// a version conflict with ConflictDialog. It never blocks: loads, saves, JSON checks and image
// decoding come back through whenDone, and a result for an older key is dropped.

#include "client/Client.h"
#include "model/Limits.h"
#include "ui/editor/ConflictDialog.h"
#include "ui/editor/ValueFormat.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QStackedWidget;

namespace kv::ui {

class MessageArea;

class ValueEditor final : public QWidget
{
    Q_OBJECT
public:
    /// How a save sets the expiration: none, the loaded one unchanged, a TTL, or a point in time.
    enum class ExpiryMode { Never, Keep, Ttl, At };

    explicit ValueEditor(client::Client& client, QWidget* parent = nullptr);
    ~ValueEditor() override;
    Q_DISABLE_COPY_MOVE(ValueEditor)

    /// The limits the as-you-type checks use (the backend checks again on save).
    void setLimits(const model::Limits& limits);

    /// Loads `key` of `ns`; the caller asks maybeDiscard() first. A load still on its way for an
    /// earlier key is dropped when it arrives.
    void open(const QString& ns, const QString& key);
    /// Starts an unsaved new key in `ns`: its save only creates (it fails with key_exists).
    void newEntry(const QString& ns);
    /// Shows nothing (e.g. no key selected); drops unsaved changes, so ask maybeDiscard() first.
    void clear();

    [[nodiscard]] QString namespaceId() const { return m_ns; }
    /// The key being edited (for a new entry: what the key field holds).
    [[nodiscard]] QString key() const;
    [[nodiscard]] bool isNewEntry() const { return m_isNew; }
    /// The version loaded or last saved; 0 for a new entry.
    [[nodiscard]] qint64 version() const { return m_loaded.version; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] bool hasUnsavedChanges() const { return m_dirty; }
    /// The key with "•" while it has unsaved changes: for a tab or window title.
    [[nodiscard]] QString title() const;
    [[nodiscard]] ValueMode mode() const { return m_mode; }
    void setMode(ValueMode mode);
    /// The bytes a save would write now.
    [[nodiscard]] QByteArray currentValue() const;
    [[nodiscard]] QString messageText() const;

    /// Ctrl+S; for the main window's menu and toolbar (the same action, so no shortcut clash).
    [[nodiscard]] QAction* saveAction() const { return m_saveAction; }
    [[nodiscard]] QAction* revertAction() const { return m_revertAction; }
    /// The open conflict dialog, if any.
    [[nodiscard]] ConflictDialog* conflictDialog() const { return m_conflict; }

    /// Before the entry goes away (another key, namespace or connection, or closing): true when
    /// nothing unsaved is at stake, and the caller goes on at once. Otherwise it asks Save /
    /// Discard / Cancel in a window-modal dialog without blocking (no nested event loop), returns
    /// false, and emits discardDecided(true) once the changes are saved or discarded, or
    /// discardDecided(false) when the user cancels or the save fails.
    bool maybeDiscard();

public Q_SLOTS:
    /// Saves with the loaded version as precondition (create-only for a new entry).
    void save();
    /// Back to what was loaded or last saved, without asking the backend.
    void revert();

Q_SIGNALS:
    void dirtyChanged(bool dirty);
    void titleChanged(const QString& title);
    void busyChanged(bool busy);
    /// A save went through: the key table may want to show the new version.
    void saved(const QString& ns, const QString& key, qint64 version);
    void discardDecided(bool proceed);

private:
    void buildUi();
    void setBusy(bool busy, const QString& status = {});
    void startLoad(QString key);
    void applyEntry(const model::Entry& entry, const PreparedValue& prepared);
    void showValuePage();
    void refreshHex();
    void hexEdited();
    /// Carries bytes typed in hex over to the text modes when they are UTF-8 text.
    void leaveHex();
    void refreshImage();
    void showTextIn(const QString& text);
    void scheduleJsonCheck();
    void runJsonCheck();
    void showJsonCheck(const JsonCheck& check);
    void validateKeyField();
    void validateMetadata();
    void validateExpiry();
    void resetExpiry(const std::optional<model::Timestamp>& expiresAt);
    [[nodiscard]] ExpiryMode expiryMode() const;
    [[nodiscard]] model::ExpiryRequest expiryRequest() const;
    void updateExpirationLabel();
    void updateState();
    void saveWith(const store::Precondition& precondition);
    void showError(const QString& what, const Error& error);
    void showConflict();
    void compareWithTheirs();
    [[nodiscard]] QString describeMine() const;

    client::Client& m_client;
    model::Limits m_limits;
    QString m_ns;
    /// What was loaded or last saved: the base of a save's precondition and of revert().
    model::Entry m_loaded;
    PreparedValue m_prepared;
    bool m_hasEntry = false;
    bool m_isNew = false;
    bool m_busy = false;
    bool m_dirty = false;
    ValueMode m_mode = ValueMode::Text;
    ExpiryMode m_initialExpiry = ExpiryMode::Never;
    bool m_keyValid = true;
    bool m_jsonValid = true;
    /// The JSON text changed and its check has not come back yet.
    bool m_jsonPending = false;
    bool m_metadataValid = true;
    /// Bytes typed in the hex editor since the last load or save: while set, they are the value.
    std::optional<QByteArray> m_hexBytes;
    /// The hex text parses; while it does not, the value keeps the last bytes that did.
    bool m_hexValid = true;
    bool m_expiryValid = true;
    bool m_discardPending = false;
    /// Bumped by open(), newEntry() and clear(): loads and saves of an older entry are dropped.
    quint64 m_generation = 0;
    /// The same for JSON checks and image decodes, which newer text or bytes make stale.
    quint64 m_checkGeneration = 0;
    quint64 m_imageGeneration = 0;
    QTimer m_jsonTimer;
    QPointer<QWidget> m_focusBeforeBusy;
    QPointer<ConflictDialog> m_conflict;
    QPointer<QMessageBox> m_discardBox;

    QLabel* m_title = nullptr;
    QLabel* m_versionLabel = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_status = nullptr;
    MessageArea* m_messages = nullptr;
    QWidget* m_content = nullptr;
    QLabel* m_keyLabel = nullptr;
    QLineEdit* m_keyEdit = nullptr;
    QLabel* m_keyStatus = nullptr;
    QComboBox* m_modeCombo = nullptr;
    QPushButton* m_prettyButton = nullptr;
    QLabel* m_valueLabel = nullptr;
    QStackedWidget* m_pages = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QWidget* m_hexPage = nullptr;
    QPlainTextEdit* m_hex = nullptr;
    QPlainTextEdit* m_hexGutter = nullptr;
    QScrollArea* m_imageArea = nullptr;
    QLabel* m_image = nullptr;
    QLabel* m_valueStatus = nullptr;
    QPlainTextEdit* m_metadata = nullptr;
    QLabel* m_metadataStatus = nullptr;
    QComboBox* m_expiryCombo = nullptr;
    QLabel* m_ttlLabel = nullptr;
    QSpinBox* m_ttl = nullptr;
    QLabel* m_atLabel = nullptr;
    QDateTimeEdit* m_at = nullptr;
    QLabel* m_expiryStatus = nullptr;
    QLabel* m_expirationLabel = nullptr;
    QPushButton* m_revertButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_revertAction = nullptr;
};

} // namespace kv::ui
