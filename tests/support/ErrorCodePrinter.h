#pragma once
// Makes QCOMPARE print a kv::ErrorCode by its wire name ("invalid_ttl") instead of a number:
// QTest finds this toString() by argument-dependent lookup.

#include "model/Error.h"

#include <QTest>

namespace kv {

inline char* toString(ErrorCode code)
{
    return QTest::toString(Error::codeName(code));
}

} // namespace kv
