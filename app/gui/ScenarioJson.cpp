#include "ScenarioJson.h"

#include "runway/core/engine/ScenarioStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace runway::app::scenariojson {

namespace engine = core::engine;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ScenarioJson", text);
}

QJsonObject scenarioObject(const engine::Scenario& s)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(engine::toJson(s))).object();
}

} // namespace

QString expectations(const engine::Scenario& s)
{
    QJsonArray out;
    for (const QJsonValue step : scenarioObject(s).value(QStringLiteral("steps")).toArray())
        if (step.toObject().contains(QStringLiteral("expect")))
            out.append(step.toObject().value(QStringLiteral("expect")));
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
}

std::optional<engine::Scenario> withExpectations(const engine::Scenario& s, const QString& text, QString* error)
{
    const QByteArray bytes = text.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = int(bytes.left(parseError.offset).count('\n')) + 1;
        *error = tr("Line %1: %2. Write a JSON list of expectations, such as [{\"ended\": \"EndEvent_Id\"}].")
                     .arg(line)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isArray()) {
        *error = tr("The expectations must be a JSON list of objects, such as [{\"ended\": \"EndEvent_Id\"}].");
        return std::nullopt;
    }
    const QJsonArray wanted = doc.array();
    for (qsizetype i = 0; i < wanted.size(); ++i)
        if (!wanted[i].isObject()) {
            *error = tr("Expectation %1 is not an object; write it like {\"passed\": [\"Task_Id\"]}.").arg(i + 1);
            return std::nullopt;
        }

    QJsonObject full = scenarioObject(s);
    QJsonArray steps;
    qsizetype next = 0;
    for (const QJsonValue step : full.value(QStringLiteral("steps")).toArray()) {
        if (!step.toObject().contains(QStringLiteral("expect"))) {
            steps.append(step);
            continue;
        }
        if (next < wanted.size())
            steps.append(QJsonObject{{QStringLiteral("expect"), wanted[next++]}});
    }
    for (; next < wanted.size(); ++next)
        steps.append(QJsonObject{{QStringLiteral("expect"), wanted[next]}});
    full.insert(QStringLiteral("steps"), steps);

    core::Diagnostics diagnostics;
    auto parsed = engine::Scenario::parse(QJsonDocument(full).toJson().toStdString(), s.name, &diagnostics);
    for (const auto& d : diagnostics)
        if (d.isError()) {
            *error = tr("%1. Fix the expectation and try again.").arg(QString::fromStdString(d.message));
            return std::nullopt;
        }
    if (parsed.size() != 1) {
        *error = tr("The expectations could not be read.");
        return std::nullopt;
    }
    parsed.front().name = s.name;
    return parsed.front();
}

} // namespace runway::app::scenariojson
