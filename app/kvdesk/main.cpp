// kvdesk: the desktop console. This main() parses the command line, opens the backend and shows
// the main window; everything else lives in ui/ and core/client.

#include "client/EmbeddedClient.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

#include <cstring>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("kvdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KV_VERSION));
    QCoreApplication::setOrganizationDomain(QStringLiteral("kvdesk.dev"));
}

struct Options
{
    QString storePath;
};

Options parseCommandLine(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "kvdesk, the console of a key-value service."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption store(QStringLiteral("store"),
        QCoreApplication::translate("main", "Open the embedded store in <file>."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(store);
    parser.process(app);

    Options options;
    options.storePath = parser.value(store);
    if (options.storePath.isEmpty()) {
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
        options.storePath = QDir(dataDir).filePath(QStringLiteral("local.kvstore"));
    }
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
        parseCommandLine(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();
    const Options options = parseCommandLine(app);

    QDir().mkpath(QFileInfo(options.storePath).absolutePath());
    auto client = kv::client::EmbeddedClient::open(options.storePath);
    if (!client) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "kvdesk"),
            QCoreApplication::translate("main", "The local store could not be opened.\n\n%1")
                .arg(client.error().message()));
        return 1;
    }
    kv::ui::MainWindow window;
    window.setClient(std::move(client.value()));
    window.show();
    return QApplication::exec();
}
