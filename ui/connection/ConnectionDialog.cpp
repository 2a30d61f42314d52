#include "ui/connection/ConnectionDialog.h"

#include "client/Client.h"
#include "ui/Async.h"
#include "ui/connection/ClientFactory.h"
#include "ui/connection/ConnectionManager.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace kv::ui {

namespace {

constexpr int kEmbeddedPage = 0;
constexpr int kRemotePage = 1;

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ConnectionDialog::ConnectionDialog(ConnectionManager& manager, QWidget* parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("&New"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_storePath(new QLineEdit(this))
    , m_newStore(new QPushButton(tr("Create &New Store…"), this))
    , m_openStore(new QPushButton(tr("&Open Store…"), this))
    , m_url(new QLineEdit(this))
    , m_urlProblem(new QLabel(this))
    , m_apiKey(new QLineEdit(this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
    , m_testResult(new QLabel(this))
    , m_certificateBox(new QGroupBox(tr("Untrusted certificate"), this))
    , m_certificate(new QLabel(this))
    , m_trust(new QPushButton(tr("Trust This &Certificate"), this))
    , m_trusted(new QLabel(this))
    , m_forget(new QPushButton(tr("&Forget Trusted Certificates"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_save(m_buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole))
    , m_connect(m_buttons->addButton(tr("Co&nnect"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("Connections"));
    setObjectName(QStringLiteral("connectionDialog"));
    buildUi();

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionDialog::showProfile);
    connect(m_add, &QPushButton::clicked, this, &ConnectionDialog::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeProfile);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionDialog::kindChanged);
    connect(m_name, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    connect(m_storePath, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    connect(m_url, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    connect(m_newStore, &QPushButton::clicked, this, &ConnectionDialog::chooseNewStore);
    connect(m_openStore, &QPushButton::clicked, this, &ConnectionDialog::chooseExistingStore);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_trust, &QPushButton::clicked, this, &ConnectionDialog::trustCertificate);
    connect(m_forget, &QPushButton::clicked, this, &ConnectionDialog::forgetCertificates);
    connect(m_save, &QPushButton::clicked, this, [this] { (void)save(); });
    connect(m_connect, &QPushButton::clicked, this, &ConnectionDialog::connectToProfile);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(&m_manager, &ConnectionManager::switched, this, [this](const ConnectionProfile& profile) {
        if (!m_connecting.isEmpty() && profile.id == m_connecting) {
            m_connecting.clear();
            accept();
        }
    });
    connect(&m_manager, &ConnectionManager::switchFailed, this,
        [this](const ConnectionProfile& profile, const Error&, const QString& message) {
            if (!m_connecting.isEmpty() && profile.id == m_connecting) {
                m_connecting.clear();
                m_connect->setEnabled(true);
                setStatus(message);
            }
        });

    reloadList(m_manager.profiles().lastUsedId());
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::buildUi()
{
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Connection profiles"));
    m_add->setObjectName(QStringLiteral("newProfileButton"));
    m_add->setAccessibleName(tr("New connection profile"));
    m_add->setShortcut(QKeySequence::New);
    m_add->setAutoDefault(false);
    m_remove->setObjectName(QStringLiteral("removeProfileButton"));
    m_remove->setAccessibleName(tr("Remove connection profile"));
    m_remove->setAutoDefault(false);
    // Del on the list removes, as in every list people edit.
    auto* removeShortcut = new QShortcut(QKeySequence::Delete, m_list);
    removeShortcut->setContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QShortcut::activated, this, &ConnectionDialog::removeProfile);

    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setAccessibleName(tr("Connection name"));
    m_kind->setObjectName(QStringLiteral("profileKind"));
    m_kind->setAccessibleName(tr("Connection kind"));
    m_kind->addItem(tr("Local store file"), static_cast<int>(ConnectionProfile::Kind::Embedded));
    m_kind->addItem(tr("kvd server"), static_cast<int>(ConnectionProfile::Kind::Remote));

    // The local store page.
    auto* embedded = new QWidget(m_pages);
    m_storePath->setObjectName(QStringLiteral("storePath"));
    m_storePath->setAccessibleName(tr("Store file"));
    m_storePath->setPlaceholderText(tr("Create a new store or open one"));
    m_newStore->setObjectName(QStringLiteral("newStoreButton"));
    m_newStore->setAccessibleName(tr("Create a new store file"));
    m_newStore->setAutoDefault(false);
    m_openStore->setObjectName(QStringLiteral("openStoreButton"));
    m_openStore->setAccessibleName(tr("Open an existing store file"));
    m_openStore->setAutoDefault(false);
    auto* storeButtons = new QHBoxLayout;
    storeButtons->addWidget(m_newStore);
    storeButtons->addWidget(m_openStore);
    storeButtons->addStretch();
    auto* embeddedForm = new QFormLayout(embedded);
    embeddedForm->addRow(buddyLabel(tr("Store &file:"), m_storePath, embedded), m_storePath);
    embeddedForm->addRow(QString(), storeButtons);

    // The server page.
    auto* remote = new QWidget(m_pages);
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setAccessibleName(tr("Server address"));
    m_url->setAccessibleDescription(tr("http:// or https:// followed by the host and, if needed, the port"));
    m_url->setPlaceholderText(tr("https://kvd.example.com:8443"));
    m_urlProblem->setObjectName(QStringLiteral("urlProblem"));
    m_urlProblem->setAccessibleName(tr("Problem with the server address"));
    m_urlProblem->setWordWrap(true);
    m_apiKey->setObjectName(QStringLiteral("apiKey"));
    m_apiKey->setAccessibleName(tr("API key"));
    m_apiKey->setAccessibleDescription(tr("Saved in the system keychain, never in kvdesk's settings"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("Leave empty to use the key in the keychain"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setAccessibleName(tr("Test connection"));
    m_test->setAutoDefault(false);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_certificateBox->setObjectName(QStringLiteral("certificateBox"));
    m_certificate->setObjectName(QStringLiteral("certificateDetails"));
    m_certificate->setAccessibleName(tr("Certificate details"));
    m_certificate->setWordWrap(true);
    m_certificate->setTextFormat(Qt::PlainText);
    m_certificate->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_trust->setObjectName(QStringLiteral("trustCertificateButton"));
    m_trust->setAccessibleName(tr("Trust this certificate"));
    m_trust->setAutoDefault(false);
    auto* certificateLayout = new QVBoxLayout(m_certificateBox);
    certificateLayout->addWidget(m_certificate);
    certificateLayout->addWidget(m_trust, 0, Qt::AlignLeft);
    m_certificateBox->hide();
    m_trusted->setObjectName(QStringLiteral("trustedCertificates"));
    m_trusted->setAccessibleName(tr("Trusted certificates"));
    m_forget->setObjectName(QStringLiteral("forgetCertificatesButton"));
    m_forget->setAccessibleName(tr("Forget trusted certificates"));
    m_forget->setAutoDefault(false);
    auto* trustedRow = new QHBoxLayout;
    trustedRow->addWidget(m_trusted, 1);
    trustedRow->addWidget(m_forget);
    auto* remoteForm = new QFormLayout(remote);
    remoteForm->addRow(buddyLabel(tr("&Address:"), m_url, remote), m_url);
    remoteForm->addRow(QString(), m_urlProblem);
    remoteForm->addRow(buddyLabel(tr("API &key:"), m_apiKey, remote), m_apiKey);
    remoteForm->addRow(QString(), m_test);
    remoteForm->addRow(QString(), m_testResult);
    remoteForm->addRow(m_certificateBox);
    remoteForm->addRow(QString(), trustedRow);

    m_pages->insertWidget(kEmbeddedPage, embedded);
    m_pages->insertWidget(kRemotePage, remote);

    m_status->setObjectName(QStringLiteral("dialogStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setAccessibleName(tr("Save connection"));
    m_save->setShortcut(QKeySequence::Save);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setAccessibleName(tr("Connect"));
    m_connect->setDefault(true);

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    auto* left = new QVBoxLayout;
    left->addWidget(buddyLabel(tr("&Connections:"), m_list, this));
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto* form = new QFormLayout;
    form->addRow(buddyLabel(tr("Na&me:"), m_name, this), m_name);
    form->addRow(buddyLabel(tr("K&ind:"), m_kind, this), m_kind);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_pages);
    right->addStretch();

    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    // Reading order: the list and its buttons, then the form top to bottom, then the buttons.
    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_name);
    setTabOrder(m_name, m_kind);
    setTabOrder(m_kind, m_storePath);
    setTabOrder(m_storePath, m_newStore);
    setTabOrder(m_newStore, m_openStore);
    setTabOrder(m_openStore, m_url);
    setTabOrder(m_url, m_apiKey);
    setTabOrder(m_apiKey, m_test);
    setTabOrder(m_test, m_trust);
    setTabOrder(m_trust, m_forget);
    setTabOrder(m_forget, m_buttons);
    resize(760, 460);
}

void ConnectionDialog::reloadList(const QString& selectId)
{
    m_profiles = m_manager.profiles().profiles();
    m_loading = true;
    m_list->clear();
    int selected = m_profiles.isEmpty() ? -1 : 0;
    for (int row = 0; row < m_profiles.size(); ++row) {
        const ConnectionProfile& profile = m_profiles.at(row);
        auto* item = new QListWidgetItem(profile.name, m_list);
        item->setToolTip(profile.isRemote() ? profile.url.toString() : QDir::toNativeSeparators(profile.storePath));
        if (profile.id == selectId) {
            selected = row;
        }
    }
    m_loading = false;
    if (selected < 0) {
        // Nothing to edit yet: start a new profile so the form is never a dead end.
        addProfile();
        return;
    }
    m_list->setCurrentRow(selected);
    showProfile(selected);
}

void ConnectionDialog::selectProfile(const QString& id)
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == id) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void ConnectionDialog::showProfile(int row)
{
    if (m_loading || row < 0 || row >= m_profiles.size()) {
        return;
    }
    m_loading = true;
    m_editing = m_profiles.at(row);
    m_name->setText(m_editing.name);
    m_kind->setCurrentIndex(m_editing.isRemote() ? kRemotePage : kEmbeddedPage);
    m_pages->setCurrentIndex(m_kind->currentIndex());
    m_storePath->setText(QDir::toNativeSeparators(m_editing.storePath));
    m_url->setText(m_editing.url.toString());
    m_apiKey->clear();
    m_testResult->clear();
    m_certificateBox->hide();
    m_offeredPem.clear();
    ++m_testGeneration;
    m_loading = false;
    validate();
}

ConnectionProfile ConnectionDialog::editedProfile() const
{
    ConnectionProfile profile = m_editing;
    profile.name = m_name->text().trimmed();
    profile.kind
        = m_kind->currentIndex() == kRemotePage ? ConnectionProfile::Kind::Remote : ConnectionProfile::Kind::Embedded;
    if (profile.isRemote()) {
        profile.storePath.clear();
        profile.url = normalizedServerUrl(m_url->text());
    } else {
        profile.storePath = QDir::fromNativeSeparators(m_storePath->text().trimmed());
        profile.url.clear();
        profile.trustedCertificatePems.clear();
    }
    return profile;
}

void ConnectionDialog::addProfile()
{
    ConnectionProfile profile = ConnectionProfile::embedded(tr("New connection"), QString());
    m_profiles.append(profile);
    m_loading = true;
    new QListWidgetItem(profile.name, m_list);
    m_list->setCurrentRow(static_cast<int>(m_profiles.size() - 1));
    m_loading = false;
    showProfile(static_cast<int>(m_profiles.size() - 1));
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectionDialog::removeProfile()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_profiles.size()) {
        return;
    }
    const ConnectionProfile profile = m_profiles.at(row);
    const std::optional<ConnectionProfile> saved = m_manager.profiles().profile(profile.id);
    setStatus(tr("Removed “%1”. Its store file or server is untouched.").arg(profile.name));
    if (saved && saved->isRemote()) {
        // Its key goes from the keychain too; say so only when that failed.
        whenDone(m_manager.removeProfile(profile.id), this, [this, name = profile.name](const KeychainResult& removed) {
            if (!removed.ok()) {
                setStatus(tr("Removed “%1”. %2").arg(name, removed.message));
            }
        });
    } else if (saved) {
        m_manager.profiles().remove(profile.id);
    }
    m_profiles.removeAt(row);
    const QString next
        = m_profiles.isEmpty() ? QString() : m_profiles.at(std::min<qsizetype>(row, m_profiles.size() - 1)).id;
    reloadList(next);
}

void ConnectionDialog::kindChanged()
{
    m_pages->setCurrentIndex(m_kind->currentIndex());
    validate();
}

void ConnectionDialog::validate()
{
    const bool remote = m_kind->currentIndex() == kRemotePage;
    const QString urlProblem = remote ? serverUrlProblem(m_url->text()) : QString();
    m_urlProblem->setText(urlProblem);
    m_urlProblem->setVisible(!urlProblem.isEmpty());
    m_test->setEnabled(remote && urlProblem.isEmpty());
    const int count = static_cast<int>(m_editing.trustedCertificatePems.size());
    m_trusted->setText(count == 0 ? tr("No certificate trusted beyond the system's.")
                                  : tr("%n certificate(s) trusted for this server.", nullptr, count));
    m_forget->setEnabled(count > 0);
    const QString problem = editedProfile().problem();
    m_save->setEnabled(problem.isEmpty());
    m_connect->setEnabled(problem.isEmpty() && m_connecting.isEmpty());
    m_remove->setEnabled(m_list->currentRow() >= 0);
    // The list shows the name being typed.
    if (QListWidgetItem* item = m_list->currentItem(); item && !m_loading) {
        item->setText(m_name->text());
    }
}

void ConnectionDialog::chooseNewStore()
{
    auto* dialog = new QFileDialog(this, tr("Create a new store file"));
    dialog->setObjectName(QStringLiteral("newStoreFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters({ tr("kvdesk stores (*.kvstore)"), tr("All files (*)") });
    dialog->setDefaultSuffix(QStringLiteral("kvstore"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->setOption(QFileDialog::DontUseNativeDialog, !m_nativeFileDialogs);
    connect(dialog, &QFileDialog::fileSelected, this, &ConnectionDialog::createStore);
    dialog->open();
}

void ConnectionDialog::chooseExistingStore()
{
    auto* dialog = new QFileDialog(this, tr("Open a store file"));
    dialog->setObjectName(QStringLiteral("openStoreFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({ tr("kvdesk stores (*.kvstore)"), tr("All files (*)") });
    dialog->setOption(QFileDialog::DontUseNativeDialog, !m_nativeFileDialogs);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        m_storePath->setText(QDir::toNativeSeparators(path));
        if (m_name->text() == tr("New connection")) {
            m_name->setText(QFileInfo(path).completeBaseName());
        }
    });
    dialog->open();
}

void ConnectionDialog::createStore(const QString& path)
{
    setStatus(tr("Creating %1…").arg(QDir::toNativeSeparators(path)));
    ConnectionProfile profile = ConnectionProfile::embedded(m_name->text(), path);
    if (profile.name.trimmed().isEmpty()) {
        profile.name = QFileInfo(path).completeBaseName();
    }
    // Opening creates the file; the client is not needed yet and goes with the result.
    whenDone(ClientFactory::open(profile, {}, ClientFactory::StoreMode::CreateIfMissing), this,
        [this, path](const Result<OpenedClient>& created) {
            if (!created) {
                setStatus(tr("The store could not be created.\n%1").arg(connectionErrorText(created.error())));
                return;
            }
            m_storePath->setText(QDir::toNativeSeparators(path));
            if (m_name->text() == tr("New connection")) {
                m_name->setText(QFileInfo(path).completeBaseName());
            }
            setStatus(tr("Created the store %1.").arg(QDir::toNativeSeparators(path)));
            Q_EMIT storeCreated(path);
        });
}

void ConnectionDialog::testConnection()
{
    const ConnectionProfile profile = editedProfile();
    if (!profile.isRemote() || !serverUrlProblem(m_url->text()).isEmpty()) {
        return;
    }
    const quint64 generation = ++m_testGeneration;
    m_certificateBox->hide();
    m_offeredPem.clear();
    m_testResult->setText(tr("Testing…"));
    const QString typed = m_apiKey->text();
    if (!typed.isEmpty()) {
        runTest(profile, typed, generation);
        return;
    }
    whenDone(m_manager.apiKeyFor(profile), this, [this, profile, generation](const Result<QString>& key) {
        if (generation != m_testGeneration) {
            return;
        }
        if (!key) {
            m_testResult->setText(key.error().message());
            Q_EMIT testFinished(false);
            return;
        }
        runTest(profile, key.value(), generation);
    });
}

void ConnectionDialog::runTest(const ConnectionProfile& profile, const QString& apiKey, quint64 generation)
{
    m_probe = ClientFactory::probeClient(profile, apiKey);
    client::Client* probe = m_probe.get();
    // /healthz needs no key, so the key is checked with a call that does.
    whenDone(probe->health(), this, [this, probe, generation](const Result<client::Health>& health) {
        if (generation != m_testGeneration) {
            return;
        }
        if (!health) {
            showTestError(health.error());
            return;
        }
        whenDone(probe->listNamespaces(), this,
            [this, health = health.value(), generation](const Result<QList<model::Namespace>>& namespaces) {
                if (generation != m_testGeneration) {
                    return;
                }
                if (!namespaces) {
                    showTestError(namespaces.error());
                    return;
                }
                m_testResult->setText(
                    tr("Connected: kvd %1, %2 ms, %n namespace(s).", nullptr, static_cast<int>(namespaces->size()))
                        .arg(health.serverVersion)
                        .arg(health.latency.count()));
                Q_EMIT testFinished(true);
            });
    });
}

void ConnectionDialog::showTestError(const Error& error)
{
    m_testResult->setText(connectionErrorText(error));
    if (error.code() == ErrorCode::TlsError) {
        const QJsonObject certificate = error.details().value(QStringLiteral("certificate")).toObject();
        m_offeredPem = certificate.value(QStringLiteral("pem")).toString();
        const auto date = [&](const QString& field) {
            const QDateTime when = QDateTime::fromString(certificate.value(field).toString(), Qt::ISODate);
            return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
        };
        m_certificate->setText(tr("Subject: %1\nIssuer: %2\nSHA-256: %3\nValid from %4 to %5")
                                   .arg(certificate.value(QStringLiteral("subject")).toString(),
                                       certificate.value(QStringLiteral("issuer")).toString(),
                                       certificate.value(QStringLiteral("sha256")).toString(),
                                       date(QStringLiteral("notBefore")), date(QStringLiteral("notAfter"))));
        m_trust->setEnabled(!m_offeredPem.isEmpty());
        m_certificateBox->show();
    }
    Q_EMIT testFinished(false);
}

void ConnectionDialog::trustCertificate()
{
    if (m_offeredPem.isEmpty()) {
        return;
    }
    m_editing.trust(m_offeredPem);
    m_offeredPem.clear();
    m_certificateBox->hide();
    validate();
    setStatus(tr("The certificate is trusted for this connection once you save it."));
    testConnection();
}

void ConnectionDialog::forgetCertificates()
{
    m_editing.trustedCertificatePems.clear();
    validate();
    setStatus(tr("Trusted certificates forgotten for this connection once you save it."));
}

bool ConnectionDialog::save()
{
    const ConnectionProfile profile = editedProfile();
    if (const QString problem = profile.problem(); !problem.isEmpty()) {
        setStatus(problem);
        return false;
    }
    m_manager.profiles().save(profile);
    m_editing = profile;
    const QString typed = profile.isRemote() ? m_apiKey->text() : QString();
    if (typed.isEmpty()) {
        setStatus(tr("Saved “%1”.").arg(profile.name));
    } else {
        setStatus(tr("Saved “%1”; storing the API key in the keychain…").arg(profile.name));
        whenDone(
            m_manager.storeApiKey(profile.id, typed), this, [this, name = profile.name](const KeychainResult& stored) {
                setStatus(stored.ok() ? tr("Saved “%1”; the API key is in the system keychain.").arg(name)
                                      : tr("Saved “%1”, but not its API key. %2").arg(name, stored.message));
            });
        m_apiKey->clear();
    }
    reloadList(profile.id);
    Q_EMIT saved(profile);
    return true;
}

void ConnectionDialog::connectToProfile()
{
    // The key typed now is used for this connection whatever the keychain does with it.
    const QString typed = m_apiKey->text();
    if (!save()) {
        return;
    }
    m_connecting = m_editing.id;
    m_connect->setEnabled(false);
    setStatus(tr("Connecting to “%1”…").arg(m_editing.name));
    m_manager.switchTo(m_editing, typed);
}

void ConnectionDialog::setStatus(const QString& text)
{
    m_status->setText(text);
}

} // namespace kv::ui
