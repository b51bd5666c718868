#include "TokenOverlay.h"

#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace runway::app {

using modeler::canvas::DiagramCanvas;
using modeler::canvas::ElementItem;

namespace {

constexpr qreal kDisc = 14;  // token disc diameter, diagram units
constexpr qreal kBadge = 12; // clock badge diameter

/// A red disc with "!" at an element with an incident; the explanation is its tool tip.
class IncidentBadge : public QGraphicsItem {
public:
    enum { Type = QGraphicsItem::UserType + 41 };
    IncidentBadge(const QPointF& centre, const QString& explanation, QGraphicsItem* parent) : QGraphicsItem(parent)
    {
        setPos(centre);
        setToolTip(explanation);
        setAcceptHoverEvents(true);
    }
    int type() const override { return Type; }
    QRectF boundingRect() const override { return {-9, -9, 18, 18}; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(QPen(Qt::white, 1.5));
        p->setBrush(QColor(0xc6, 0x28, 0x28));
        p->drawEllipse(QPointF(0, 0), 8, 8);
        QFont f = p->font();
        f.setBold(true);
        f.setPointSizeF(8);
        p->setFont(f);
        p->drawText(QRectF(-8, -8, 16, 16), Qt::AlignCenter, QStringLiteral("!"));
    }
};

bool isEdge(const ElementItem* item)
{
    return item && !item->item().waypoints.isEmpty();
}

} // namespace

TokenOverlay::TokenOverlay(DiagramCanvas* canvas) : m_canvas(canvas)
{
    m_anim.setStartValue(0.0);
    m_anim.setEndValue(1.0);
    m_anim.setEasingCurve(QEasingCurve::InOutSine);
    QObject::connect(&m_anim, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        updateMoving(); // where the discs were...
        m_progress = v.toReal();
        updateMoving(); // ...and where they are
    });
    QObject::connect(&m_anim, &QVariantAnimation::finished, this, [this] {
        updateMoving();
        m_moving.clear();
    });
    // paint() gets the exposed rectangle, and draws only what falls in it.
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
    setZValue(kOverlayZ);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    m_rect = canvas->scene()->sceneRect().adjusted(-200, -200, 200, 200);
    canvas->scene()->addItem(this);
}

QColor TokenOverlay::instanceColour(int colour)
{
    static const QColor palette[8] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                                      QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                                      QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22)};
    return palette[((colour % 8) + 8) % 8];
}

QString TokenOverlay::formatLeft(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'g', 3);
    const qint64 s = ms / 1000;
    const qint64 h = s / 3600, m = (s / 60) % 60, sec = s % 60;
    if (h >= 24)
        return QStringLiteral("%1 d %2 h").arg(h / 24).arg(h % 24);
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(sec, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(sec, 2, 10, QLatin1Char('0'));
}

QRectF TokenOverlay::boundsOf(const QString& id) const
{
    // Diagram coordinates are scene coordinates on the canvas.
    const ElementItem* item = m_canvas->itemFor(id);
    if (!item)
        return {};
    return item->item().bounds.isEmpty() ? item->sceneBoundingRect() : item->item().bounds;
}

QRectF TokenOverlay::areaOf(const QString& id, int tokens) const
{
    const ElementItem* item = m_canvas->itemFor(id);
    if (!item)
        return {};
    if (isEdge(item))
        return item->item().waypoints.boundingRect().adjusted(-8, -8, 8, 8);
    // Token discs in a row from the top-left corner, the breakpoint dot at the top-right, the
    // incident frame and badge, a timer badge with its text at the bottom-right.
    const QRectF r = boundsOf(id);
    return r.adjusted(-kDisc - 4, -kDisc - 4, std::max<qreal>(160, tokens * (kDisc + 2)), 24);
}

void TokenOverlay::updateElement(const QString& id, int tokens)
{
    const QRectF r = areaOf(id, tokens);
    if (!r.isNull())
        update(r);
}

void TokenOverlay::updateMoving()
{
    for (const Moving& m : std::as_const(m_moving)) {
        const QPointF at = m.path.pointAtPercent(std::clamp(m_progress, 0.0, 1.0));
        update(QRectF(at.x() - kDisc, at.y() - kDisc, 2 * kDisc, 2 * kDisc));
    }
}

void TokenOverlay::setView(const sim::TokenView& view, const QVector<sim::IncidentInfo>& incidents)
{
    // Repaint only around what changed: on a large diagram a full repaint costs far more than a step.
    auto tokensChanged = [this](const QHash<QString, QVector<sim::TokenInfo>>& a,
                                const QHash<QString, QVector<sim::TokenInfo>>& b) {
        for (auto it = a.cbegin(); it != a.cend(); ++it) {
            const auto other = b.constFind(it.key());
            if (other != b.cend() && *other == *it)
                continue;
            const int n = int(std::max(it->size(), other != b.cend() ? other->size() : 0));
            updateElement(it.key(), n);
            for (const sim::TokenInfo& t : *it)
                for (const auto& w : t.waits)
                    if (!w.element.isEmpty() && w.element != it.key())
                        updateElement(w.element, 0);
        }
    };
    tokensChanged(m_view.tokensAt, view.tokensAt);
    tokensChanged(view.tokensAt, m_view.tokensAt);
    auto countsChanged = [this](const QHash<QString, int>& a, const QHash<QString, int>& b) {
        for (auto it = a.cbegin(); it != a.cend(); ++it)
            if (b.value(it.key(), -1) != it.value())
                updateElement(it.key(), 0);
    };
    countsChanged(m_view.visitedElements, view.visitedElements);
    countsChanged(view.visitedElements, m_view.visitedElements);
    countsChanged(m_view.visitedFlows, view.visitedFlows);
    countsChanged(view.visitedFlows, m_view.visitedFlows);
    m_view = view;
    const bool incidentsChanged = incidents.size() != m_incidents.size() ||
                                  !std::equal(incidents.begin(), incidents.end(), m_incidents.begin(),
                                              [](const sim::IncidentInfo& a, const sim::IncidentInfo& b) {
                                                  return a.instance == b.instance && a.element == b.element &&
                                                         a.explanation == b.explanation;
                                              });
    if (incidentsChanged) {
        for (const QVector<sim::IncidentInfo>* list : {&std::as_const(m_incidents), &incidents})
            for (const sim::IncidentInfo& i : *list)
                updateElement(i.element, 0);
    }
    m_incidents = incidents;
    if (incidentsChanged)
        placeBadges();
}

void TokenOverlay::placeBadges()
{
    qDeleteAll(m_badges);
    m_badges.clear();
    // Several incidents at one element share its badge: one line each in the tool tip.
    QHash<QString, QStringList> byElement;
    QStringList order;
    for (const sim::IncidentInfo& i : std::as_const(m_incidents)) {
        if (!shows(i.instance) || boundsOf(i.element).isNull())
            continue;
        if (!byElement.contains(i.element))
            order << i.element;
        byElement[i.element] << QObject::tr("Instance %1: %2").arg(i.instance).arg(i.explanation);
    }
    for (const QString& id : std::as_const(order)) {
        const QRectF r = boundsOf(id);
        auto* badge = new IncidentBadge(QPointF(r.left(), r.bottom()), byElement.value(id).join(QLatin1Char('\n')), this);
        badge->setData(0, id);
        m_badges << badge;
    }
}

void TokenOverlay::setInstanceFilter(int instance)
{
    if (instance == m_instanceFilter)
        return;
    m_instanceFilter = instance;
    placeBadges();
    update();
}

void TokenOverlay::animate(const QVector<Move>& moves, int durationMs)
{
    stopAnimation();
    if (durationMs <= 0)
        return;
    for (const Move& m : moves) {
        const ElementItem* item = m_canvas->itemFor(m.flow);
        if (!isEdge(item) || item->item().waypoints.size() < 2)
            continue;
        const auto& wp = item->item().waypoints;
        QPainterPath path(wp.front());
        for (qsizetype i = 1; i < wp.size(); ++i)
            path.lineTo(wp[i]);
        m_moving.push_back({path, m.instance, m.colour});
    }
    if (m_moving.isEmpty())
        return;
    m_progress = 0;
    m_anim.setDuration(durationMs);
    m_anim.start();
}

void TokenOverlay::setDecision(const QStringList& flows)
{
    if (flows == m_decision)
        return;
    for (const QString& id : std::as_const(m_decision))
        updateElement(id, 0);
    m_decision = flows;
    for (const QString& id : std::as_const(m_decision))
        updateElement(id, 0);
}

void TokenOverlay::setBreakpoints(const QSet<QString>& ids)
{
    if (ids == m_breakpoints)
        return;
    for (const QString& id : std::as_const(m_breakpoints))
        updateElement(id, 0);
    m_breakpoints = ids;
    for (const QString& id : std::as_const(m_breakpoints))
        updateElement(id, 0);
}

void TokenOverlay::stopAnimation()
{
    m_anim.stop();
    if (!m_moving.isEmpty()) {
        updateMoving();
        m_moving.clear();
    }
}

QVector<QPair<int, QPointF>> TokenOverlay::movingTokens() const
{
    QVector<QPair<int, QPointF>> out;
    for (const Moving& m : m_moving)
        if (shows(m.instance))
            out.push_back({m.instance, m.path.pointAtPercent(std::clamp(m_progress, 0.0, 1.0))});
    return out;
}

QHash<QString, int> TokenOverlay::tokenCounts() const
{
    QHash<QString, int> counts;
    for (auto it = m_view.tokensAt.cbegin(); it != m_view.tokensAt.cend(); ++it) {
        if (!m_canvas->showsElement(it.key()))
            continue;
        const auto n = std::count_if(it.value().begin(), it.value().end(), [this](const sim::TokenInfo& t) { return shows(t.instance); });
        if (n > 0)
            counts.insert(it.key(), int(n));
    }
    return counts;
}

void TokenOverlay::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    // Only what reaches the exposed rectangle: most of a large diagram is not repainted.
    const QRectF exposed = option->exposedRect.isEmpty() ? m_rect : option->exposedRect;
    auto away = [&](const QString& id) {
        const QRectF r = areaOf(id, 0);
        return r.isNull() || !r.intersects(exposed);
    };
    const QColor visited(0x2e, 0x7d, 0x32, 150);

    // Where instances went: the flows taken, then the elements left.
    for (auto it = m_view.visitedFlows.cbegin(); it != m_view.visitedFlows.cend(); ++it) {
        if (away(it.key()))
            continue;
        const ElementItem* item = m_canvas->itemFor(it.key());
        if (!isEdge(item))
            continue;
        const auto& wp = item->item().waypoints;
        if (wp.size() < 2)
            continue;
        QPolygonF line;
        for (const QPointF& pt : wp)
            line << pt;
        p->setPen(QPen(visited, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p->setBrush(Qt::NoBrush);
        p->drawPolyline(line);
    }
    for (auto it = m_view.visitedElements.cbegin(); it != m_view.visitedElements.cend(); ++it) {
        if (away(it.key()))
            continue;
        const QRectF r = boundsOf(it.key());
        if (r.isNull())
            continue;
        p->setPen(QPen(visited, 3, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r.adjusted(-3, -3, 3, 3), 6, 6);
    }

    // The flows a decision picks from: wide, bright and dashed, so they read as "click one".
    for (const QString& id : m_decision) {
        const ElementItem* item = m_canvas->itemFor(id);
        if (!isEdge(item))
            continue;
        QPolygonF line;
        for (const QPointF& pt : item->item().waypoints)
            line << pt;
        p->setPen(QPen(QColor(0xff, 0x98, 0x00, 200), 7, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        p->setBrush(Qt::NoBrush);
        p->drawPolyline(line);
    }

    // Breakpoints: a red dot at the element's top-right corner.
    for (const QString& id : m_breakpoints) {
        const QRectF r = boundsOf(id);
        if (r.isNull())
            continue;
        p->setPen(QPen(QColor(0x7f, 0x00, 0x00), 1.5));
        p->setBrush(QColor(0xd3, 0x2f, 0x2f));
        p->drawEllipse(QPointF(r.right(), r.top()), 6, 6);
    }

    // Tokens: a row of discs at the element's top-left corner; waiting ones hollow.
    QFont small = p->font();
    small.setPointSizeF(7);
    p->setFont(small);
    for (auto it = m_view.tokensAt.cbegin(); it != m_view.tokensAt.cend(); ++it) {
        const QRectF r = boundsOf(it.key());
        if (r.isNull() || !areaOf(it.key(), int(it.value().size())).intersects(exposed))
            continue;
        qreal x = r.left() - kDisc / 2;
        for (const sim::TokenInfo& t : it.value()) {
            if (!shows(t.instance))
                continue;
            const QColor c = instanceColour(t.colour);
            const QRectF disc(x, r.top() - kDisc / 2, kDisc, kDisc);
            const bool waiting = t.state == sim::engine::Token::State::Waiting;
            p->setPen(QPen(c.darker(140), waiting ? 3 : 1.5));
            p->setBrush(waiting ? QBrush(Qt::white) : QBrush(c));
            p->drawEllipse(disc);
            p->setPen(waiting ? c.darker(140) : Qt::white);
            p->drawText(disc, Qt::AlignCenter, QString::number(t.instance));
            // Timers: a clock badge at the element they belong to, with the virtual time left.
            for (const auto& w : t.waits) {
                if (!w.msLeft || (w.kind != sim::engine::Wait::Kind::Timer && w.kind != sim::engine::Wait::Kind::Work))
                    continue;
                QRectF at = boundsOf(w.element);
                if (at.isNull())
                    at = r;
                const QPointF centre(at.right(), at.bottom());
                const QRectF badge(centre.x() - kBadge / 2, centre.y() - kBadge / 2, kBadge, kBadge);
                p->setPen(QPen(Qt::black, 1));
                p->setBrush(w.kind == sim::engine::Wait::Kind::Timer ? QColor(0xff, 0xf3, 0xc4) : QColor(0xe0, 0xe0, 0xe0));
                p->drawEllipse(badge);
                p->drawLine(badge.center(), badge.center() + QPointF(0, -kBadge * 0.35));
                p->drawLine(badge.center(), badge.center() + QPointF(kBadge * 0.3, 0));
                const QString left = formatLeft(*w.msLeft);
                const QRectF text(badge.right() + 2, badge.top() - 1, QFontMetricsF(small).horizontalAdvance(left) + 6,
                                  kBadge + 2);
                p->setBrush(QColor(255, 255, 255, 220));
                p->setPen(QPen(QColor(0x99, 0x99, 0x99), 0.5));
                p->drawRoundedRect(text, 3, 3);
                p->setPen(Qt::black);
                p->drawText(text, Qt::AlignCenter, left);
            }
            x += kDisc + 2;
        }
    }

    // Tokens on their way along a flow.
    for (const Moving& m : m_moving) {
        if (!shows(m.instance))
            continue;
        const QColor c = instanceColour(m.colour);
        const QPointF at = m.path.pointAtPercent(std::clamp(m_progress, 0.0, 1.0));
        p->setPen(QPen(c.darker(140), 1.5));
        p->setBrush(c);
        p->drawEllipse(at, kDisc / 2, kDisc / 2);
        p->setPen(Qt::white);
        p->drawText(QRectF(at.x() - kDisc / 2, at.y() - kDisc / 2, kDisc, kDisc), Qt::AlignCenter, QString::number(m.instance));
    }

    // Incidents: a red frame; the badge (a child item) carries the explanation.
    for (const sim::IncidentInfo& i : m_incidents) {
        const QRectF r = boundsOf(i.element);
        if (r.isNull() || !shows(i.instance))
            continue;
        p->setPen(QPen(QColor(0xc6, 0x28, 0x28), 3));
        p->setBrush(Qt::NoBrush);
        p->drawRect(r.adjusted(-4, -4, 4, 4));
    }
}

} // namespace runway::app
