// Light and dark: the main window with its pages, rendered offscreen under each theme of
// View ▸ Theme, is dark under Dark and light under Light — which it can only be if no widget
// paints a colour of its own — and the choice is remembered for the next start.

#include "AwaitFuture.h"
#include "client/EmbeddedClient.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using kv::client::EmbeddedClient;
using kv::ui::MainWindow;
using kv::ui::Theme;
using namespace Qt::StringLiterals;

namespace {

/// The mean lightness (0–255) of a rendered widget.
int meanLightness(QWidget& widget)
{
    const QImage image = widget.grab().toImage();
    qint64 sum = 0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            sum += image.pixelColor(x, y).lightness();
            ++count;
        }
    }
    return count > 0 ? static_cast<int>(sum / count) : -1;
}

} // namespace

class TestTheme final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    void choose(const QString& actionName)
    {
        auto* action = m_window->findChild<QAction*>(actionName);
        QVERIFY2(action, qPrintable(actionName));
        action->trigger();
        QVERIFY(action->isChecked());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationDomain(u"test.kvdesk.dev"_s);
        QCoreApplication::setApplicationName(u"tst_theme"_s);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
        QSettings().clear();
        auto client = EmbeddedClient::open(m_dir.filePath(u"theme.kvstore"_s));
        QVERIFY(client);
        QVERIFY(awaitFuture(client.value()->createNamespace(u"alpha"_s)));
        m_window = std::make_unique<MainWindow>();
        m_window->setClient(std::move(client.value()));
        m_window->resize(900, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void systemIsTheDefault()
    {
        QCOMPARE(kv::ui::savedTheme(), Theme::System);
        QVERIFY(m_window->findChild<QAction*>(u"themeSystemAction"_s)->isChecked());
    }

    void darkMakesEveryPageDarkAndLightMakesItLight()
    {
        choose(u"themeDarkAction"_s);
        QVERIFY(kv::ui::isDark(QApplication::palette()));
        QCOMPARE(kv::ui::savedTheme(), Theme::Dark);
        QTabWidget* pages = m_window->pages();
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            int lightness = -1;
            // Palette changes reach the widgets through posted events.
            QTRY_VERIFY2((lightness = meanLightness(*m_window)) < 100,
                qPrintable(u"%1 under Dark: mean lightness %2"_s.arg(pages->tabText(i)).arg(lightness)));
        }
        choose(u"themeLightAction"_s);
        QVERIFY(!kv::ui::isDark(QApplication::palette()));
        QCOMPARE(kv::ui::savedTheme(), Theme::Light);
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            int lightness = -1;
            QTRY_VERIFY2((lightness = meanLightness(*m_window)) > 160,
                qPrintable(u"%1 under Light: mean lightness %2"_s.arg(pages->tabText(i)).arg(lightness)));
        }
        pages->setCurrentIndex(0);
    }

    void noWidgetCarriesAPaletteOfItsOwn()
    {
        // A widget that sets its own palette stops following the theme.
        QStringList own;
        for (QWidget* widget : m_window->findChildren<QWidget*>()) {
            if (widget->testAttribute(Qt::WA_SetPalette)) {
                own.append(
                    widget->objectName() + u" (" + QString::fromLatin1(widget->metaObject()->className()) + u')');
            }
        }
        QVERIFY2(own.isEmpty(), qPrintable(own.join(u", ")));
    }

    void systemGoesBackToTheDesktopPalette()
    {
        const QPalette system = kv::ui::paletteFor(Theme::System);
        choose(u"themeDarkAction"_s);
        choose(u"themeSystemAction"_s);
        QCOMPARE(QApplication::palette().color(QPalette::Window), system.color(QPalette::Window));
        QCOMPARE(kv::ui::savedTheme(), Theme::System);
        QVERIFY(!QSettings().contains(u"ui/theme"_s));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
