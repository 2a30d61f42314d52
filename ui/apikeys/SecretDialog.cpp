#include "ui/apikeys/SecretDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace kv::ui {

SecretDialog::SecretDialog(const QString& title, const QString& about, const QString& secret, QWidget* parent)
    : QDialog(parent)
    , m_secret(new QLineEdit(this))
    , m_copy(new QPushButton(tr("Co&py"), this))
    , m_copied(new QLabel(this))
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("apiKeySecretDialog"));

    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    auto* warning = new QLabel(tr("<p>%1</p><p><b>This is the only time the secret is shown.</b> kvdesk does not keep "
                                  "it anywhere: copy it now and store it somewhere safe. If it is lost, rotate the key "
                                  "to get a new secret.</p>")
                                   .arg(about.toHtmlEscaped()),
        this);
    warning->setObjectName(QStringLiteral("secretWarning"));
    warning->setWordWrap(true);
    warning->setTextFormat(Qt::RichText);

    auto* label = new QLabel(tr("&Secret:"), this);
    label->setBuddy(m_secret);
    m_secret->setObjectName(QStringLiteral("secretField"));
    m_secret->setAccessibleName(tr("Secret"));
    m_secret->setAccessibleDescription(tr("The API key's secret, shown only now"));
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // setText, unlike typing or clear(), leaves nothing in the field's undo history.
    m_secret->setText(secret);
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(secret) + 4 * m_secret->fontMetrics().height());
    m_secret->selectAll();

    m_copy->setObjectName(QStringLiteral("copySecretButton"));
    m_copy->setAccessibleName(tr("Copy the secret"));
    m_copy->setDefault(true);
    m_copied->setObjectName(QStringLiteral("secretCopied"));
    m_copied->setAccessibleName(tr("Copy status"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeSecretButton"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);

    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(warning, 1);
    auto* secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_copy);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(label);
    layout->addLayout(secretRow);
    layout->addWidget(m_copied);
    layout->addWidget(buttons);
    setTabOrder(m_secret, m_copy);
    setTabOrder(m_copy, buttons);

    connect(m_copy, &QPushButton::clicked, this, &SecretDialog::copy);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_copy->setFocus();
}

void SecretDialog::copy()
{
    auto* mime = new QMimeData;
    mime->setText(m_secret->text());
    // KDE's (and KeePassXC's) hint that keeps the secret out of clipboard histories.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime);
    m_copied->setText(tr("Copied to the clipboard."));
}

void SecretDialog::done(int result)
{
    // Forget the secret as the dialog closes, whether or not it is deleted right away.
    m_secret->setText(QString());
    m_copied->clear();
    QDialog::done(result);
}

} // namespace kv::ui
