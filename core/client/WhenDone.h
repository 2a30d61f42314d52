#pragma once
// whenDone is how a result of the client reaches its user (a view, a bulk transfer): on the
// context object's thread, from the event loop, never while the call that asked for it is still
// on the stack, and not at all once the context is gone. QFuture::then(context, …) alone runs the
// continuation at once, inside the caller, when the future happened to finish before it was
// attached — in a model, in the middle of a view's request for rows; in a transfer, before its
// starter could show a Cancel button.

#include <QFuture>
#include <QMetaObject>
#include <QObject>

namespace kv::client {

template <typename T, typename Handler> void whenDone(QFuture<T> future, QObject* context, Handler handler)
{
    future.then(context, [context, handler = std::move(handler)](const T& result) mutable {
        QMetaObject::invokeMethod(
            context, [handler = std::move(handler), result]() mutable { handler(result); }, Qt::QueuedConnection);
    });
}

} // namespace kv::client
