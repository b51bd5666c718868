// Colours from the bpmn.io (bioc:) and OMG (color:) colour extensions.
#include "runway/modeler/notation/NotationItem.h"

#include "runway/core/BpmnType.h"

#include <QStringList>

namespace runway::modeler::notation {

namespace {

std::optional<int> hexDigit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    return std::nullopt;
}

std::optional<QColor> parseHex(const QString& s)
{
    std::vector<int> d;
    for (qsizetype i = 1; i < s.size(); ++i) {
        auto v = hexDigit(s[i]);
        if (!v)
            return std::nullopt;
        d.push_back(*v);
    }
    switch (d.size()) {
    case 3: return QColor(d[0] * 17, d[1] * 17, d[2] * 17);
    case 4: return QColor(d[0] * 17, d[1] * 17, d[2] * 17, d[3] * 17);
    case 6: return QColor(d[0] * 16 + d[1], d[2] * 16 + d[3], d[4] * 16 + d[5]);
    case 8: return QColor(d[0] * 16 + d[1], d[2] * 16 + d[3], d[4] * 16 + d[5], d[6] * 16 + d[7]);
    default: return std::nullopt;
    }
}

/// rgb(r, g, b) and rgba(r, g, b, a): components 0-255 or percentages, alpha 0-1.
std::optional<QColor> parseFunction(const QString& s)
{
    const bool alpha = s.startsWith("rgba(");
    const qsizetype open = s.indexOf('(');
    if (!s.endsWith(')') || open < 0)
        return std::nullopt;
    const QStringList parts = s.mid(open + 1, s.size() - open - 2).split(',');
    if (parts.size() != (alpha ? 4 : 3))
        return std::nullopt;
    int c[4] = {0, 0, 0, 255};
    for (int i = 0; i < parts.size(); ++i) {
        QString part = parts[i].trimmed();
        bool ok = false;
        double v = 0;
        if (i == 3) {
            v = part.toDouble(&ok) * 255.0;
        } else if (part.endsWith('%')) {
            v = part.chopped(1).toDouble(&ok) * 2.55;
        } else {
            v = part.toDouble(&ok);
        }
        if (!ok || v < 0 || v > 255.5)
            return std::nullopt;
        c[i] = qBound(0, qRound(v), 255);
    }
    return QColor(c[0], c[1], c[2], c[3]);
}

bool isColorNamespace(const core::Document& doc, core::Ns ns)
{
    const auto uri = doc.namespaceUri(ns);
    return uri == core::uri::BpmnIoColor || uri == core::uri::OmgColor;
}

} // namespace

std::optional<QColor> parseColor(std::string_view text)
{
    const QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).trimmed().toLower();
    if (s.isEmpty())
        return std::nullopt;
    if (s.startsWith('#'))
        return parseHex(s);
    if (s.startsWith("rgb"))
        return parseFunction(s);
    for (QChar c : s)
        if (!c.isLetter())
            return std::nullopt;
    if (!QColor::isValidColorName(s))
        return std::nullopt;
    return QColor::fromString(s);
}

ItemColors colorsOf(const core::Document& doc, const core::Element* di)
{
    ItemColors colors;
    if (!di)
        return colors;
    for (const auto& a : di->attrs) {
        if (a.ns == core::Ns::None || !isColorNamespace(doc, a.ns))
            continue;
        const auto name = a.local();
        if (name == "stroke" || name == "border-color")
            colors.stroke = parseColor(a.value);
        else if (name == "fill" || name == "background-color")
            colors.fill = parseColor(a.value);
    }
    if (const auto* label = di->childOfType(core::BpmnType::BPMNLabel))
        for (const auto& a : label->attrs)
            if (a.ns != core::Ns::None && isColorNamespace(doc, a.ns) && a.local() == "color")
                colors.label = parseColor(a.value);
    return colors;
}

} // namespace runway::modeler::notation
