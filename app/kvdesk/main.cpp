// kvdesk: the desktop console. This main() parses the command line, opens the backend and shows
// the main window; everything else lives in ui/ and core/client.

#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"
#include "ui/connection/ConnectionManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QStandardPaths>

#include <cstring>
#include <optional>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("kvdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KV_VERSION));
    QCoreApplication::setOrganizationDomain(QStringLiteral("kvdesk.dev"));
}

/// KV_APP_ID (CMakeLists.txt) names kvdesk's desktop entry, icon and AppStream metainfo
/// (resources/): the desktop then matches the window to its menu entry (Wayland app id) and shows
/// the same icon.
void describeDesktopIntegration()
{
    const QString appId = QStringLiteral(KV_APP_ID);
    QGuiApplication::setDesktopFileName(appId);
    QApplication::setWindowIcon(QIcon::fromTheme(appId, QIcon(QStringLiteral(":/icons/%1.svg").arg(appId))));
}

struct Options
{
    /// --store: this store file instead of the last connection.
    QString storePath;
};

QString defaultStorePath()
{
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(dataDir).filePath(QStringLiteral("local.kvstore"));
}

Options parseCommandLine(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "kvdesk, the console of a key-value service."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption store(QStringLiteral("store"),
        QCoreApplication::translate(
            "main", "Open the embedded store in <file> (created when missing) instead of the last connection."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(store);
    parser.process(app);

    Options options;
    options.storePath = parser.value(store);
    return options;
}

/// --help and --version answer without a display, so packaging checks can run them anywhere.
bool asksOnlyForInformation(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : { "--help", "-h", "--version", "-v", "--help-all" }) {
            if (std::strcmp(argv[i], flag) == 0) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    if (asksOnlyForInformation(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        kv::ui::installTranslators(kv::ui::chosenLanguage());
        parseCommandLine(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();
    describeDesktopIntegration();
    // Before any widget exists: the language is chosen once per run (View ▸ Language).
    kv::ui::installTranslators(kv::ui::chosenLanguage());
    const Options options = parseCommandLine(app);
    kv::ui::applyTheme(kv::ui::savedTheme());

    kv::ui::ConnectionManager connections;
    kv::ui::MainWindow window;
    window.setConnectionManager(&connections);
    using kv::ui::ClientFactory;
    using kv::ui::ConnectionProfile;
    if (!options.storePath.isEmpty()) {
        QDir().mkpath(QFileInfo(options.storePath).absolutePath());
        // The store becomes (or is already) a profile, so the next start without --store reopens it.
        const QString path = QFileInfo(options.storePath).absoluteFilePath();
        std::optional<ConnectionProfile> profile;
        for (const ConnectionProfile& known : connections.profiles().profiles()) {
            if (!known.isRemote() && QFileInfo(known.storePath).absoluteFilePath() == path) {
                profile = known;
            }
        }
        if (!profile) {
            profile = ConnectionProfile::embedded(QFileInfo(path).fileName(), path);
            connections.profiles().save(*profile);
        }
        connections.switchTo(*profile, {}, ClientFactory::StoreMode::CreateIfMissing);
    } else if (!connections.switchToLast()) {
        // First start: a local store in the user's data directory, remembered as a profile.
        const QString path = defaultStorePath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        const ConnectionProfile local
            = ConnectionProfile::embedded(QCoreApplication::translate("main", "Local store"), path);
        connections.profiles().save(local);
        connections.switchTo(local, {}, ClientFactory::StoreMode::CreateIfMissing);
    }
    // The window shows at once; the backend arrives when it is open.
    window.show();
    return QApplication::exec();
}
