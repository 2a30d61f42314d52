#include "ui/editor/ConflictDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kv::ui {

namespace {

QPlainTextEdit* comparisonPane(QWidget* parent, const QString& name)
{
    auto* pane = new QPlainTextEdit(parent);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setTabChangesFocus(true);
    pane->setAccessibleName(name);
    return pane;
}

} // namespace

ConflictDialog::ConflictDialog(const QString& key, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Version conflict"));

    auto* explanation
        = new QLabel(tr("“%1” was changed by someone else after you opened it. Reload their version (your changes are "
                        "discarded), overwrite it with yours, or compare both first.")
                         .arg(key),
            this);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::PlainText);

    m_comparison = new QWidget(this);
    m_comparison->setObjectName(QStringLiteral("comparison"));
    m_mine = comparisonPane(m_comparison, tr("Your version"));
    m_mine->setObjectName(QStringLiteral("mine"));
    m_theirs = comparisonPane(m_comparison, tr("Their version"));
    m_theirs->setObjectName(QStringLiteral("theirs"));
    auto* mineLabel = new QLabel(tr("&Yours (not saved):"), m_comparison);
    mineLabel->setBuddy(m_mine);
    m_theirsLabel = new QLabel(tr("&Theirs:"), m_comparison);
    m_theirsLabel->setBuddy(m_theirs);
    auto* grid = new QGridLayout(m_comparison);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(mineLabel, 0, 0);
    grid->addWidget(m_theirsLabel, 0, 1);
    grid->addWidget(m_mine, 1, 0);
    grid->addWidget(m_theirs, 1, 1);
    m_comparison->hide();

    auto* buttons = new QDialogButtonBox(this);
    m_reload = buttons->addButton(tr("&Reload theirs"), QDialogButtonBox::DestructiveRole);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setAccessibleDescription(tr("Discard your changes and load the version saved by someone else"));
    m_overwrite = buttons->addButton(tr("&Overwrite with mine"), QDialogButtonBox::AcceptRole);
    m_overwrite->setObjectName(QStringLiteral("overwriteButton"));
    m_overwrite->setAccessibleDescription(tr("Save your version over theirs"));
    m_compare = buttons->addButton(tr("&Compare"), QDialogButtonBox::ActionRole);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setAccessibleDescription(tr("Show your version and theirs side by side"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setAccessibleDescription(tr("Keep editing without saving"));
    // Enter must not destroy anything: the default is to look before choosing.
    for (QPushButton* button : { m_reload, m_overwrite, m_cancel }) {
        button->setAutoDefault(false);
    }
    m_compare->setDefault(true);

    connect(m_reload, &QPushButton::clicked, this, [this] { choose(Choice::Reload); });
    connect(m_overwrite, &QPushButton::clicked, this, [this] { choose(Choice::Overwrite); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { choose(Choice::Cancel); });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        m_mine->setPlainText(tr("Loading…"));
        m_theirs->setPlainText(tr("Loading…"));
        m_comparison->show();
        m_compare->setEnabled(false);
        Q_EMIT compareRequested();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_comparison, 1);
    layout->addWidget(buttons);
}

QPushButton* ConflictDialog::button(Choice choice) const
{
    switch (choice) {
    case Choice::Reload:
        return m_reload;
    case Choice::Overwrite:
        return m_overwrite;
    case Choice::Cancel:
        break;
    }
    return m_cancel;
}

void ConflictDialog::showComparison(const QString& mine, const QString& theirs, const QString& theirsCaption)
{
    m_mine->setPlainText(mine);
    m_theirs->setPlainText(theirs);
    m_theirsLabel->setText(theirsCaption);
    m_comparison->show();
    m_compare->setEnabled(true);
    resize(std::max(width(), 800), std::max(height(), 500));
}

bool ConflictDialog::isComparing() const
{
    return !m_comparison->isHidden();
}

QString ConflictDialog::mineText() const
{
    return m_mine->toPlainText();
}

QString ConflictDialog::theirsText() const
{
    return m_theirs->toPlainText();
}

void ConflictDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::Cancel) {
        reject();
    } else {
        accept();
    }
}

} // namespace kv::ui
