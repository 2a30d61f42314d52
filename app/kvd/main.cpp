// kvd: the headless key-value server. This main() parses the command line and wires the layers;
// the commands themselves live in core/.

#include "AdminCommands.h"
#include "ServeCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

// sysexits.h: the command line was wrong.
constexpr int kUsageError = 64;

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kvd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KV_VERSION));
    QCoreApplication::setOrganizationDomain(QStringLiteral("kvdesk.dev"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("kvd serves the kvdesk key-value API."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
        QStringLiteral("The command to run:\n"
                       "  init     create a store and print the first admin key\n"
                       "  serve    serve the HTTP API\n"
                       "  apikey   create, list or revoke API keys\n"
                       "  backup   copy the store to a file while kvd serves\n"
                       "  restore  replace the store with a backup (kvd stopped)\n"
                       "Each takes --help."),
        QStringLiteral("<command> [options]"));
    // Options after the command belong to it.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    QTextStream err(stderr);
    if (arguments.isEmpty()) {
        err << QStringLiteral("kvd: no command given; see kvd --help\n");
        return kUsageError;
    }
    const QString& command = arguments.first();
    if (command == QLatin1StringView("serve")) {
        return kvd::serve(arguments);
    }
    if (command == QLatin1StringView("init")) {
        return kvd::init(arguments);
    }
    if (command == QLatin1StringView("apikey")) {
        return kvd::apikey(arguments);
    }
    if (command == QLatin1StringView("backup")) {
        return kvd::backup(arguments);
    }
    if (command == QLatin1StringView("restore")) {
        return kvd::restore(arguments);
    }
    err << QStringLiteral("kvd: unknown command \"%1\"; see kvd --help\n").arg(arguments.first());
    return kUsageError;
}
