#include "model/Clock.h"

#include <QDateTime>

namespace kv::model {

Timestamp SystemClock::now() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

const SystemClock& SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace kv::model
