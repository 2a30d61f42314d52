// kvdesk_screenshots: the pictures of docs/screenshots. It fills a sample store (a few namespaces,
// JSON, text and image values), shows the real main window on it with one key open in the value
// editor, and saves QWidget::grab() of the window and of the editor as PNG. scripts/screenshots
// runs it on a virtual X display; it lives beside the benchmarks as a developer tool, not a test.

#include "client/EmbeddedClient.h"
#include "ui/DataConsole.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"
#include "ui/editor/ValueEditor.h"
#include "ui/models/KeyTableModel.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <functional>
#include <optional>

using kv::client::EmbeddedClient;
using kv::client::PutRequest;

namespace {

/// Runs the event loop until `done` or `timeoutMs`; a tool may spin the loop, the UI may not.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QTimer poll;
    poll.start(10);
    while (!done()) {
        if (clock.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

template <typename T> std::optional<T> await(QFuture<T> future)
{
    if (!waitFor([&] { return future.isFinished(); }, 30'000)) {
        return std::nullopt;
    }
    return future.result();
}

/// A small PNG for the image preview: a gradient with a few bars, drawn rather than shipped.
QByteArray samplePng()
{
    QImage image(320, 200, QImage::Format_ARGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, 320, 200);
    gradient.setColorAt(0, QColor(0x1e, 0x88, 0xe5));
    gradient.setColorAt(1, QColor(0x8e, 0x24, 0xaa));
    painter.fillRect(image.rect(), gradient);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 200));
    const int heights[] = { 60, 110, 80, 140, 100, 160 };
    for (int i = 0; i < 6; ++i) {
        painter.drawRoundedRect(30 + i * 45, 180 - heights[i], 30, heights[i], 4, 4);
    }
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool fillSampleStore(EmbeddedClient& client)
{
    const auto json = [](const QJsonObject& object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
    QList<std::pair<QString, QList<PutRequest>>> namespaces;

    QList<PutRequest> config;
    config.append({ QStringLiteral("feature-flags"),
        json({ { QStringLiteral("newCheckout"), true }, { QStringLiteral("darkMode"), true },
            { QStringLiteral("searchV2"), false },
            { QStringLiteral("rollout"),
                QJsonObject { { QStringLiteral("percent"), 25 },
                    { QStringLiteral("regions"),
                        QJsonArray { QStringLiteral("eu-west"), QStringLiteral("us-east") } } } } }),
        { { QStringLiteral("owner"), QStringLiteral("web-team") } }, {}, {} });
    config.append({ QStringLiteral("limits/api"),
        json({ { QStringLiteral("requestsPerMinute"), 600 }, { QStringLiteral("burst"), 100 } }),
        { { QStringLiteral("owner"), QStringLiteral("platform") } }, {}, {} });
    config.append({ QStringLiteral("maintenance-banner"),
        "Scheduled maintenance on Sunday 02:00-03:00 UTC. Saved work is kept.", {}, {}, {} });
    config.append({ QStringLiteral("pricing/eu"),
        json({ { QStringLiteral("currency"), QStringLiteral("EUR") }, { QStringLiteral("pro"), 12 },
            { QStringLiteral("business"), 49 } }),
        { { QStringLiteral("reviewed"), QStringLiteral("2024-05-02") } }, {}, {} });
    config.append({ QStringLiteral("pricing/us"),
        json({ { QStringLiteral("currency"), QStringLiteral("USD") }, { QStringLiteral("pro"), 13 },
            { QStringLiteral("business"), 54 } }),
        {}, {}, {} });
    namespaces.append({ QStringLiteral("app-config"), config });

    QList<PutRequest> users;
    const char* names[] = { "Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov",
        "Donald Knuth", "Margaret Hamilton", "Ken Thompson", "Frances Allen", "John Backus" };
    for (int i = 0; i < 10; ++i) {
        users.append({ QStringLiteral("user:%1:profile").arg(1001 + i, 7, 10, QLatin1Char('0')),
            json({ { QStringLiteral("name"), QString::fromUtf8(names[i]) },
                { QStringLiteral("plan"), i % 3 == 0 ? QStringLiteral("business") : QStringLiteral("pro") },
                { QStringLiteral("visits"), 17 * (i + 3) } }),
            i % 2 ? QJsonObject { { QStringLiteral("source"), QStringLiteral("signup") } } : QJsonObject(), {}, {} });
    }
    namespaces.append({ QStringLiteral("customers"), users });

    QList<PutRequest> sessions;
    for (int i = 0; i < 6; ++i) {
        PutRequest session { QStringLiteral("session/%1").arg(QStringLiteral("a8f3c%1e91").arg(i * 7)),
            "token issued to user:" + QByteArray::number(1001 + i), {}, {}, {} };
        // Sessions expire: the Expires column has something to show.
        session.expiry.ttlSeconds = 3600 * (i + 1);
        sessions.append(session);
    }
    namespaces.append({ QStringLiteral("sessions"), sessions });

    QList<PutRequest> assets;
    assets.append({ QStringLiteral("images/chart.png"), samplePng(),
        { { QStringLiteral("contentType"), QStringLiteral("image/png") } }, {}, {} });
    assets.append({ QStringLiteral("robots.txt"), "User-agent: *\nDisallow: /admin\n",
        { { QStringLiteral("contentType"), QStringLiteral("text/plain") } }, {}, {} });
    namespaces.append({ QStringLiteral("assets"), assets });

    for (const auto& [ns, puts] : namespaces) {
        auto made
            = await(client.createNamespace(ns, ns == QStringLiteral("customers") ? QStringLiteral("pro") : QString()));
        auto written = await(client.putMany(ns, puts));
        if (!made || !*made || !written || !*written || !(*written)->committed) {
            std::fprintf(stderr, "kvdesk_screenshots: cannot fill %s\n", qPrintable(ns));
            return false;
        }
    }
    return true;
}

/// Selects `key` of `ns` in the window and waits until the editor shows it.
bool openKey(kv::ui::MainWindow& window, const QString& ns, const QString& key)
{
    auto* namespaces = window.findChild<QTreeView*>(QStringLiteral("namespaces"));
    auto* keys = window.findChild<QTableView*>(QStringLiteral("keys"));
    auto* model = keys ? qobject_cast<kv::ui::KeyTableModel*>(keys->model()) : nullptr;
    kv::ui::ValueEditor* editor = window.console() ? window.console()->editor() : nullptr;
    if (!namespaces || !model || !editor || !waitFor([&] { return namespaces->model()->rowCount() > 0; }, 10'000)) {
        return false;
    }
    for (int row = 0; row < namespaces->model()->rowCount(); ++row) {
        if (namespaces->model()->index(row, 0).data().toString() == ns) {
            namespaces->setCurrentIndex(namespaces->model()->index(row, 0));
        }
    }
    if (!waitFor([&] { return model->namespaceId() == ns && model->rowOf(key) >= 0; }, 10'000)) {
        return false;
    }
    keys->setCurrentIndex(model->index(model->rowOf(key), 0));
    if (!waitFor([&] { return editor->key() == key && !editor->isBusy(); }, 10'000)) {
        return false;
    }
    // The preview decodes and the views lay out on later turns of the loop.
    waitFor([] { return false; }, 400);
    return true;
}

bool save(QWidget& widget, const QString& path)
{
    if (!widget.grab().save(path, "PNG")) {
        std::fprintf(stderr, "kvdesk_screenshots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kvdesk-screenshots"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Saves screenshots of kvdesk on a sample store."));
    parser.addHelpOption();
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("Where the PNG files go."), QStringLiteral("dir"), QStringLiteral("."));
    const QCommandLineOption darkOption(QStringLiteral("dark"), QStringLiteral("Use a dark palette (Fusion)."));
    parser.addOption(outOption);
    parser.addOption(darkOption);
    parser.process(app);
    const bool dark = parser.isSet(darkOption);
    if (dark) {
        kv::ui::applyTheme(kv::ui::Theme::Dark);
    }
    const QDir out(parser.value(outOption));

    QTemporaryDir work;
    if (!work.isValid() || !QDir().mkpath(out.path())) {
        std::fprintf(stderr, "kvdesk_screenshots: no temporary or output directory\n");
        return 1;
    }
    // The window keeps its geometry in QSettings: none of the user's, none left behind.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, work.filePath(QStringLiteral("settings")));
    const QString storePath = work.filePath(QStringLiteral("sample.kvstore"));
    {
        auto client = EmbeddedClient::open(storePath);
        if (!client || !fillSampleStore(**client)) {
            std::fprintf(stderr, "kvdesk_screenshots: cannot make the sample store\n");
            return 1;
        }
    }
    auto client = EmbeddedClient::open(storePath);
    if (!client) {
        return 1;
    }
    kv::ui::MainWindow window;
    window.setClient(std::move(client.value()));
    window.resize(1280, 760);
    window.show();
    const QString suffix = dark ? QStringLiteral("-dark") : QString();
    bool ok = openKey(window, QStringLiteral("app-config"), QStringLiteral("feature-flags"))
        && save(window, out.filePath(QStringLiteral("main-window%1.png").arg(suffix)));
    ok = ok && openKey(window, QStringLiteral("assets"), QStringLiteral("images/chart.png"))
        && save(*window.console()->editor(), out.filePath(QStringLiteral("value-editor%1.png").arg(suffix)));
    if (!ok) {
        std::fprintf(stderr, "kvdesk_screenshots: the window never showed the sample keys\n");
    }
    // The client's pool finishes before the store file's directory goes.
    window.setClient(nullptr);
    return ok ? 0 : 1;
}
