#pragma once
// whenDone is how the UI receives a client result: on the context object's thread, from the event
// loop, never while the call that asked for it is still on the stack, and not at all once the
// context is gone. QFuture::then(context, …) alone runs the continuation at once, inside the
// caller, when the future happened to finish before it was attached — in a model, in the middle
// of a view's request for rows.

#include <QFuture>
#include <QMetaObject>
#include <QObject>

namespace kv::ui {

template <typename T, typename Handler> void whenDone(QFuture<T> future, QObject* context, Handler handler)
{
    future.then(context, [context, handler = std::move(handler)](const T& result) mutable {
        QMetaObject::invokeMethod(
            context, [handler = std::move(handler), result]() mutable { handler(result); }, Qt::QueuedConnection);
    });
}

} // namespace kv::ui
