#pragma once
// Waits for a client call's QFuture through the event loop, as a UI would (a QFutureWatcher's
// finished signal), instead of blocking the thread on QFuture::result(): timers, sockets and
// queued signals of the thread keep running while the test waits.

#include "model/Error.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>

/// The future's Result, once it finished. A future that did not finish within `timeoutMs`
/// fails the test and yields a Timeout error; a cancelled one yields a Cancelled error, so that a
/// caller never blocks on a result that will not come.
template <typename R> R awaitFuture(QFuture<R> future, int timeoutMs = 30000)
{
    if (!future.isFinished()) {
        QFutureWatcher<R> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcher<R>::finished);
        watcher.setFuture(future);
        if (!future.isFinished() && !finished.wait(timeoutMs)) {
            QTest::qFail("the call did not finish in time", __FILE__, __LINE__);
            return R(kv::Error(kv::ErrorCode::Timeout, QStringLiteral("the test gave up waiting for the call")));
        }
    }
    if (future.isCanceled() || future.resultCount() == 0) {
        return R(kv::Error(kv::ErrorCode::Cancelled, QStringLiteral("the call was cancelled")));
    }
    return future.result();
}
