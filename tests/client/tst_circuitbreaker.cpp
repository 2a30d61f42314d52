// Tests of CircuitBreaker, the part of RemoteClient that stops calling a failing server: it opens
// after the threshold of consecutive failures, refuses while open, lets exactly one probe through
// after the pause, and closes or reopens on the probe's outcome. Time is passed in, not waited for.

#include "client/CircuitBreaker.h"

#include <QTest>

using kv::client::BreakerState;
using kv::client::CircuitBreaker;
using namespace std::chrono_literals;

class TestCircuitBreaker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAfterTheThresholdAndProbesAfterThePause()
    {
        CircuitBreaker breaker(3, 10s);
        QList<BreakerState> changes;
        breaker.onStateChanged = [&changes](BreakerState state) { changes.append(state); };
        const auto t0 = CircuitBreaker::Clock::time_point {} + 1h;

        QVERIFY(breaker.allow(t0));
        breaker.failure(t0);
        breaker.failure(t0);
        QCOMPARE(breaker.state(), BreakerState::Closed);
        breaker.success(); // an answer resets the count
        breaker.failure(t0);
        breaker.failure(t0);
        QCOMPARE(breaker.state(), BreakerState::Closed);
        breaker.failure(t0);
        QCOMPARE(breaker.state(), BreakerState::Open);
        QCOMPARE(breaker.consecutiveFailures(), 3);

        QVERIFY(!breaker.allow(t0 + 9s));
        QCOMPARE(breaker.reopensIn(t0 + 9s), 1000ms);

        // After the pause, one probe and only one.
        QVERIFY(breaker.allow(t0 + 10s));
        QCOMPARE(breaker.state(), BreakerState::HalfOpen);
        QVERIFY(!breaker.allow(t0 + 10s));

        // The probe fails: open again, for a whole new pause.
        breaker.failure(t0 + 11s);
        QCOMPARE(breaker.state(), BreakerState::Open);
        QVERIFY(!breaker.allow(t0 + 20s));
        QVERIFY(breaker.allow(t0 + 21s));

        // The next probe succeeds: closed, and every call may go.
        breaker.success();
        QCOMPARE(breaker.state(), BreakerState::Closed);
        QVERIFY(breaker.allow(t0 + 21s));
        QVERIFY(breaker.allow(t0 + 21s));

        QCOMPARE(changes,
            (QList<BreakerState> { BreakerState::Open, BreakerState::HalfOpen, BreakerState::Open,
                BreakerState::HalfOpen, BreakerState::Closed }));
    }

    void anAbandonedProbeFreesTheSlot()
    {
        CircuitBreaker breaker(1, 1s);
        const auto t0 = CircuitBreaker::Clock::time_point {} + 1h;
        breaker.failure(t0);
        QVERIFY(breaker.allow(t0 + 1s));
        QVERIFY(!breaker.allow(t0 + 1s));
        breaker.abandoned();
        QVERIFY(breaker.allow(t0 + 1s));
        QCOMPARE(breaker.state(), BreakerState::HalfOpen);
    }
};

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
