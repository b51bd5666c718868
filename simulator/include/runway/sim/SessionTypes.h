#pragma once

#include "runway/core/engine/Instance.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace runway::sim {

namespace engine = runway::core::engine;
using TimePoint = runway::core::TimePoint;

/// A token as the canvas draws it.
struct TokenInfo {
    int instance = 0;    ///< the session's instance id
    int colour = 0;      ///< the instance's colour index
    engine::TokenId token = 0;
    engine::Token::State state = engine::Token::State::Waiting;
    /// What the token waits for there, when it waits: one entry per subscription (a task with two
    /// boundary timers has two). element is the catch or boundary event (the task itself for work).
    struct WaitInfo {
        engine::Wait::Kind kind = engine::Wait::Kind::Timer;
        QString element;
        std::optional<qint64> msLeft; ///< timers and timed work: virtual time until due
        bool operator==(const WaitInfo&) const = default;
    };
    QVector<WaitInfo> waits;
    bool operator==(const TokenInfo&) const = default;
};

/// What the canvas needs to decorate the diagram: tokens per element id, and where instances went.
struct TokenView {
    QHash<QString, QVector<TokenInfo>> tokensAt;
    QHash<QString, int> visitedElements; ///< element id -> times left (or entered, for end events)
    QHash<QString, int> visitedFlows;    ///< flow id -> times taken
    bool operator==(const TokenView&) const = default;
};

/// One line of the event log: a trace event of one instance.
struct LogEntry {
    int instance = 0;
    engine::TraceEvent event;
};

/// A gateway waiting for the person to pick its outgoing flows.
struct PendingDecision {
    int instance = 0;
    QString gateway;
    QStringList candidates; ///< outgoing flow ids, in model order
    bool inclusive = false; ///< several may be picked
    QString reason;         ///< why the person is asked ("asked", or the condition's error)
};

/// An incident raised in an instance, with the element it happened at.
struct IncidentInfo {
    int instance = 0;
    QString element;
    QString explanation;
};

} // namespace runway::sim
