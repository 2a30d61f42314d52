#pragma once
// Waits for a QNetworkReply from kvd and reads it into a suite's own Reply type (any struct with
// `int status`, `QByteArray body` and `QHash<QByteArray, QByteArray> headers` keyed by lower-case
// names), so that the kvd suites read answers one way while each keeps the helpers it needs.

#include <QHash>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

template <typename Reply> Reply awaitReply(QNetworkReply* reply, int timeoutMs)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        [&] { QVERIFY(finished.wait(timeoutMs)); }();
    }
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        result.headers.insert(name.toLower(), value);
    }
    reply->deleteLater();
    return result;
}
