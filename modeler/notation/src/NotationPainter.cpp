#include "runway/modeler/notation/NotationPainter.h"

#include "PaintParts.h"

#include <QtMath>

namespace runway::modeler::notation {

using namespace detail;

namespace {

/// Longer labels are cut: a name of a megabyte (files are untrusted) must not stall painting.
constexpr qsizetype kMaxLabel = 1000;
constexpr qreal kPadding = 5;

bool hasExternalLabel(Symbol s)
{
    return s == Symbol::Event || s == Symbol::Gateway || s == Symbol::DataObject || s == Symbol::DataStore ||
           s == Symbol::Conversation;
}

/// Lines no wider than width, broken inside a word only when the word alone is too wide.
void wrapParagraph(const QString& paragraph, const QFontMetricsF& fm, qreal width, QStringList& out)
{
    QString line;
    for (const QString& word : paragraph.split(' ', Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + ' ' + word;
        if (fm.horizontalAdvance(candidate) <= width) {
            line = candidate;
            continue;
        }
        if (!line.isEmpty())
            out << line;
        line.clear();
        QString rest = word;
        while (fm.horizontalAdvance(rest) > width && rest.size() > 1) {
            qsizetype n = 1;
            while (n < rest.size() && fm.horizontalAdvance(rest.left(n + 1)) <= width)
                ++n;
            out << rest.left(n);
            rest = rest.mid(n);
        }
        line = rest;
    }
    out << line; // an empty paragraph is an empty line
}

} // namespace

QFont NotationStyle::defaultFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(11);
    f.setHintingPreference(QFont::PreferNoHinting);
    f.setStyleStrategy(QFont::PreferAntialias);
    return f;
}

QStringList wrapText(const QString& text, const QFontMetricsF& fm, qreal width)
{
    QStringList lines;
    if (text.trimmed().isEmpty())
        return lines;
    QString t = text.left(kMaxLabel);
    t.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    t.replace('\t', ' ');
    for (const QString& paragraph : t.split('\n'))
        wrapParagraph(paragraph, fm, qMax<qreal>(width, 1), lines);
    while (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

NotationPainter::NotationPainter(NotationStyle style)
    : m_style(std::move(style)), m_metrics(m_style.font), m_maxAdvance(m_metrics.maxWidth())
{
}

NotationPainter::LabelLayout NotationPainter::labelLayout(const NotationItem& item) const
{
    LabelLayout l;
    if (item.label.trimmed().isEmpty())
        return l;
    const QFontMetricsF& fm = m_metrics;
    const qreal lineHeight = fm.lineSpacing();
    const QRectF& b = item.bounds;
    // Text in a box of the given width, its top at `top`, centred on cx (or starting at left).
    auto below = [&](qreal cx, qreal top, qreal width, int align) {
        l.lines = wrapText(item.label, fm, width);
        qreal w = 0;
        for (const auto& line : l.lines)
            w = qMax(w, fm.horizontalAdvance(line));
        const qreal h = l.lines.size() * lineHeight;
        l.rect = (align & Qt::AlignLeft) ? QRectF(cx, top, width, h) : QRectF(cx - w / 2, top, w, h);
        l.flags = align | Qt::AlignTop;
    };
    auto inside = [&](const QRectF& box, int align) {
        l.lines = wrapText(item.label, fm, box.width());
        l.rect = box;
        l.flags = align;
    };
    if (item.isEdge() || hasExternalLabel(item.symbol) || (item.symbol == Symbol::Group && item.labelBounds)) {
        if (item.labelBounds) {
            const QRectF& lb = *item.labelBounds;
            // The tool that wrote the bounds measured its own font (often Arial, narrower than
            // DejaVu Sans): a little more room keeps its line breaks.
            below(lb.center().x(), lb.top(), qMax<qreal>(lb.width() * 1.12 + 4, 20), Qt::AlignHCenter);
        } else if (item.isEdge()) {
            // The middle of the edge's length, above the line.
            const QPointF mid = midpointOf(item.waypoints);
            below(mid.x(), mid.y(), m_style.externalLabelWidth, Qt::AlignHCenter);
            l.rect.translate(0, -l.rect.height() - 4);
        } else {
            below(b.center().x(), b.bottom() + kPadding, m_style.externalLabelWidth, Qt::AlignHCenter);
        }
        return l;
    }
    switch (item.symbol) {
    case Symbol::Activity:
        if (item.expanded) {
            // At the top left, as the MIWG reference renderings place it.
            below(b.left() + 10, b.top() + kPadding, b.width() - 20, Qt::AlignLeft);
        } else {
            inside(b.adjusted(kPadding, kPadding, -kPadding, -kPadding), Qt::AlignCenter);
        }
        break;
    case Symbol::TextAnnotation:
        inside(b.adjusted(kPadding, kPadding, -kPadding, -kPadding), Qt::AlignLeft | Qt::AlignTop);
        break;
    case Symbol::Group:
        below(b.center().x(), b.top() + kPadding, qMax<qreal>(b.width() - 20, 20), Qt::AlignHCenter);
        break;
    case Symbol::Participant:
    case Symbol::Lane:
        if (item.symbol == Symbol::Participant && item.blackBox) {
            inside(b.adjusted(kPadding, kPadding, -kPadding, -kPadding), Qt::AlignCenter);
        } else if (item.horizontal) {
            // Rotated a quarter turn: the box is the header band, the text runs along its height.
            l.lines = wrapText(item.label, fm, b.height() - 2 * kPadding);
            l.rect = QRectF(b.left(), b.top(), kHeaderBand, b.height());
            l.flags = Qt::AlignCenter;
            l.rotation = -90;
        } else {
            inside(QRectF(b.left() + kPadding, b.top(), b.width() - 2 * kPadding, kHeaderBand), Qt::AlignCenter);
        }
        break;
    default: inside(b.adjusted(kPadding, kPadding, -kPadding, -kPadding), Qt::AlignCenter); break;
    }
    return l;
}

QRectF NotationPainter::labelReach(const NotationItem& item) const
{
    if (item.label.isEmpty())
        return {};
    // Every layout in labelLayout() anchors its text box inside the item's own rectangle (its
    // body, its DI label bounds, or just under its body) and lets the text overflow that box by
    // at most its width and height (boundingRect() adds 2 more); a line is never wider than the
    // whole text on one line, and there are never more lines than characters.
    const qreal chars = qreal(qMin(item.label.size(), kMaxLabel));
    const qreal w = chars * m_maxAdvance + 2 * kPadding + 4;
    const qreal h = chars * m_metrics.lineSpacing() + 2 * kPadding + 8;
    QRectF anchor = item.isEdge() ? item.waypoints.boundingRect() : item.bounds;
    if (item.labelBounds)
        anchor = anchor.united(*item.labelBounds);
    return anchor.adjusted(-w, -h, w, h);
}

QRectF NotationPainter::boundingRect(const NotationItem& item, Parts parts) const
{
    QRectF r;
    if (parts & Part::Body)
        r = item.isEdge() ? item.waypoints.boundingRect().adjusted(-kEdgeMargin, -kEdgeMargin, kEdgeMargin, kEdgeMargin)
                          : item.bounds.adjusted(-3, -3, 3, 3);
    if (parts & Part::Label) {
        const LabelLayout l = labelLayout(item);
        if (!l.lines.isEmpty()) {
            // Lines may overflow a box inside a shape; count their real extent.
            const QFontMetricsF& fm = m_metrics;
            const qreal h = l.lines.size() * fm.lineSpacing();
            QRectF text = l.rect;
            if (l.rotation == 0) {
                qreal w = 0;
                for (const auto& line : l.lines)
                    w = qMax(w, fm.horizontalAdvance(line));
                const qreal dw = qMax<qreal>(0, w - text.width()), dh = qMax<qreal>(0, h - text.height());
                text.adjust(-dw / 2, -dh / 2, dw / 2, dh / 2);
            }
            r = r.united(text.adjusted(-2, -2, 2, 2));
        }
    }
    return r;
}

void NotationPainter::paint(QPainter& p, const NotationItem& item, Parts parts) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    if (parts & Part::Body)
        paintBody(p, item);
    if (parts & Part::Label)
        paintLabel(p, item);
    p.restore();
}

void NotationPainter::paintBody(QPainter& p, const NotationItem& item) const
{
    switch (item.symbol) {
    case Symbol::Event: paintEvent(p, item, m_style); break;
    case Symbol::Activity: paintActivity(p, item, m_style); break;
    case Symbol::Gateway: paintGateway(p, item, m_style); break;
    case Symbol::DataObject: paintDataObject(p, item, m_style); break;
    case Symbol::DataStore: paintDataStore(p, item, m_style); break;
    case Symbol::TextAnnotation: paintTextAnnotation(p, item, m_style); break;
    case Symbol::Group: paintGroup(p, item, m_style); break;
    case Symbol::Participant:
    case Symbol::Lane: paintPoolOrLane(p, item, m_style); break;
    case Symbol::Unknown: paintUnknownShape(p, item, m_style); break;
    case Symbol::Conversation: paintConversation(p, item, m_style); break;
    case Symbol::Choreography: paintChoreography(p, item, m_style); break;
    case Symbol::ParticipantBand: paintParticipantBand(p, item, m_style); break;
    case Symbol::SequenceFlow:
    case Symbol::MessageFlow:
    case Symbol::Association:
    case Symbol::DataAssociation:
    case Symbol::ConversationLink:
    case Symbol::UnknownEdge: paintEdge(p, item, m_style); break;
    }
}

void NotationPainter::paintLabel(QPainter& p, const NotationItem& item) const
{
    const LabelLayout l = labelLayout(item);
    if (l.lines.isEmpty())
        return;
    p.setFont(m_style.font);
    p.setPen(item.colors.label.value_or(item.colors.stroke.value_or(m_style.stroke)));
    const QString text = l.lines.join('\n');
    const int flags = l.flags | Qt::TextDontClip;
    if (l.rotation != 0) {
        p.translate(l.rect.center());
        p.rotate(l.rotation);
        p.drawText(QRectF(-l.rect.height() / 2, -l.rect.width() / 2, l.rect.height(), l.rect.width()), flags, text);
        p.rotate(-l.rotation);
        p.translate(-l.rect.center());
    } else {
        p.drawText(l.rect, flags, text);
    }
}

} // namespace runway::modeler::notation
