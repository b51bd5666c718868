// The BPMN notation painter (Runway::Notation): colours, label wrapping, marker geometry, what each
// DI element is drawn as, painting order, export, and a golden image of a sheet of every symbol.
#include "RunwayTest.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/Di.h"
#include "runway/modeler/notation/Export.h"

#include "tst_notation_fixtures.h"

#include <QGuiApplication>
#include <QDir>
#include <QFile>
#include <QFontInfo>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <map>
#include <memory>
#include <set>

using namespace runway::modeler::notation;
using runway::core::BpmnReader;
using runway::core::Document;

namespace {

const QString kSheet = QStringLiteral(RUNWAY_SOURCE_DIR "/tests/modeler/data/symbol-sheet.bpmn");
const QString kGolden = QStringLiteral(RUNWAY_SOURCE_DIR "/tests/modeler/data/symbol-sheet.golden.png");

std::unique_ptr<Document> load(const QString& path)
{
    auto r = BpmnReader::readFile(path.toStdString());
    return std::move(r.document);
}

std::unique_ptr<Document> parse(const char* xml)
{
    auto r = BpmnReader::readBytes(xml, "inline.bpmn");
    return std::move(r.document);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Pixels that differ by more than `tolerance` in some channel.
qint64 differingPixels(const QImage& a, const QImage& b, int tolerance)
{
    qint64 n = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* pa = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* pb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            if (qAbs(qRed(pa[x]) - qRed(pb[x])) > tolerance || qAbs(qGreen(pa[x]) - qGreen(pb[x])) > tolerance ||
                qAbs(qBlue(pa[x]) - qBlue(pb[x])) > tolerance)
                ++n;
    }
    return n;
}

} // namespace

class TestNotation : public QObject {
    Q_OBJECT
    std::unique_ptr<QGuiApplication> m_app;

private slots:
    void initTestCase()
    {
        // Text needs a QGuiApplication; the offscreen platform needs no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "tst_notation";
        static char* argv[] = {name, nullptr};
        m_app = std::make_unique<QGuiApplication>(argc, argv);
    }

    void parsesColoursAsFilesWriteThem()
    {
        QCOMPARE(parseColor("#fff").value(), QColor(255, 255, 255));
        QCOMPARE(parseColor("#0A6BCC").value(), QColor(0x0a, 0x6b, 0xcc));
        QCOMPARE(parseColor("  #0a6bcc ").value(), QColor(0x0a, 0x6b, 0xcc));
        // CSS order: the alpha comes last (Qt's own #AARRGGBB reading would get this wrong).
        const QColor withAlpha = parseColor("#11223380").value();
        QCOMPARE(withAlpha.red(), 0x11);
        QCOMPARE(withAlpha.alpha(), 0x80);
        QCOMPARE(parseColor("rgb(255, 0, 10)").value(), QColor(255, 0, 10));
        QCOMPARE(parseColor("rgba(0,0,255,0.5)").value().alpha(), 128);
        QCOMPARE(parseColor("rgb(100%, 0%, 0%)").value(), QColor(255, 0, 0));
        QCOMPARE(parseColor("Orange").value(), QColor(255, 165, 0));
        for (const char* bad : {"", "#12", "#ggg", "#1234567", "rgb(300,0,0)", "rgb(1,2)", "url(#x)",
                                "javascript:alert(1)", "red;", "notacolour"})
            QVERIFY2(!parseColor(bad), bad);
    }

    void readsBothColourExtensions()
    {
        auto doc = parse(kColoursXml);
        QVERIFY(doc);
        auto task = makeItem(*doc, doc->shapeFor("Task_1"));
        QVERIFY(task);
        QCOMPARE(task->colors.stroke.value(), QColor(0x20, 0x50, 0x22));
        QCOMPARE(task->colors.fill.value(), QColor(0xc8, 0xe6, 0xc9));
        QVERIFY(!task->colors.label);
        auto event = makeItem(*doc, doc->shapeFor("End_1"));
        QVERIFY(event);
        QCOMPARE(event->colors.stroke.value(), QColor(0xe5, 0x39, 0x35));
        QCOMPARE(event->colors.fill.value(), QColor(0xff, 0xcd, 0xd2));
        QCOMPARE(event->colors.label.value(), QColor(0x1e, 0x88, 0xe5));
        // A colour the file gets wrong is ignored, not guessed.
        auto plain = makeItem(*doc, doc->shapeFor("Task_2"));
        QVERIFY(plain);
        QVERIFY(!plain->colors.stroke);
        QVERIFY(!plain->colors.fill);
    }

    void wrapsLabelsAtSpaces()
    {
        const QFontMetricsF fm(NotationStyle::defaultFont());
        const qreal width = fm.horizontalAdvance(QStringLiteral("Approve the")) + 1;
        const QStringList lines = wrapText(QStringLiteral("Approve the vacation request now"), fm, width);
        QVERIFY(lines.size() >= 2);
        QCOMPARE(lines.front(), QStringLiteral("Approve the"));
        QCOMPARE(lines.join(' '), QStringLiteral("Approve the vacation request now"));
        for (const auto& line : lines)
            QVERIFY2(fm.horizontalAdvance(line) <= width, qPrintable(line));
        // Explicit line breaks are kept; a word wider than the line is broken inside.
        QCOMPARE(wrapText(QStringLiteral("a\nb"), fm, 200), QStringList({"a", "b"}));
        const QStringList broken = wrapText(QStringLiteral("Supercalifragilisticexpialidocious"), fm, 40);
        QVERIFY(broken.size() > 1);
        QCOMPARE(broken.join(QString()), QStringLiteral("Supercalifragilisticexpialidocious"));
        for (const auto& line : broken)
            QVERIFY(fm.horizontalAdvance(line) <= 40);
        QVERIFY(wrapText(QStringLiteral("   "), fm, 100).isEmpty());
        // A huge name is cut rather than laid out in full.
        const QStringList huge = wrapText(QString(200000, 'x'), fm, 90);
        QVERIFY(huge.join(QString()).size() < 2000);
    }

    void placesActivityMarkersAtTheBottomCentre()
    {
        const QRectF task(100, 200, 100, 80);
        for (int n = 1; n <= 4; ++n) {
            const auto rects = activityMarkerRects(task, n);
            QCOMPARE(int(rects.size()), n);
            const qreal left = rects.front().left(), right = rects.back().right();
            QVERIFY(qAbs((left + right) / 2 - task.center().x()) < 1e-9);
            for (std::size_t i = 0; i < rects.size(); ++i) {
                QVERIFY(task.contains(rects[i]));
                QCOMPARE(rects[i].size(), QSizeF(14, 14));
                QVERIFY(rects[i].bottom() <= task.bottom() - 2 && rects[i].top() > task.center().y());
                if (i)
                    QVERIFY(rects[i].left() >= rects[i - 1].right());
            }
        }
        QVERIFY(activityMarkerRects(task, 0).empty());
    }

    void choosesActivityMarkers()
    {
        NotationItem item;
        item.symbol = Symbol::Activity;
        QVERIFY(activityMarkers(item).empty());
        item.loop = LoopMarker::SequentialMultiInstance;
        item.compensation = true;
        item.activityKind = ActivityKind::AdHocSubProcess;
        QCOMPARE(activityMarkers(item), (std::vector<ActivityMarker>{ActivityMarker::SequentialMultiInstance,
                                                                      ActivityMarker::Compensation,
                                                                      ActivityMarker::Collapsed, ActivityMarker::AdHoc}));
        item.expanded = true; // an expanded sub-process shows its content, not a +
        QCOMPARE(activityMarkers(item).size(), std::size_t(3));
        item = NotationItem();
        item.activityKind = ActivityKind::CallActivity;
        QCOMPARE(activityMarkers(item), std::vector<ActivityMarker>{ActivityMarker::Collapsed});
        item.callsGlobalTask = true; // drawn as the task it calls
        QVERIFY(activityMarkers(item).empty());
    }

    void eventMarkersStayInsideTheirEvent()
    {
        const QRectF event(10, 10, 36, 36);
        const QRectF inner = event.adjusted(3, 3, -3, -3);
        QVERIFY(eventMarkerPath(EventMarker::None, event).isEmpty());
        for (int m = int(EventMarker::Message); m <= int(EventMarker::ParallelMultiple); ++m) {
            const QPainterPath path = eventMarkerPath(EventMarker(m), event);
            QVERIFY2(!path.isEmpty(), qPrintable(QString::number(m)));
            QVERIFY2(inner.contains(path.boundingRect()), qPrintable(QString::number(m)));
            // Centred on the event: the marker's box is about as far from every side.
            QVERIFY(qAbs(path.boundingRect().center().x() - event.center().x()) < 2.5);
        }
        // Scaled with the event.
        const QRectF big(0, 0, 72, 72);
        QVERIFY(qAbs(eventMarkerPath(EventMarker::Signal, big).boundingRect().width() -
                     2 * eventMarkerPath(EventMarker::Signal, event).boundingRect().width()) < 1e-6);
    }

    void arrowHeadsPointAlongTheLine()
    {
        const QPolygonF head = arrowHead(QPointF(0, 0), QPointF(100, 0), 10, 8);
        QCOMPARE(head.size(), 3);
        QCOMPARE(head[0], QPointF(100, 0));
        QCOMPARE(head[1].x(), 90.0);
        QCOMPARE(qAbs(head[1].y() - head[2].y()), 8.0);
        const QPolygonF down = arrowHead(QPointF(5, 5), QPointF(5, 50), 10, 8);
        QCOMPARE(down[1].y(), 40.0);
        // Degenerate: both points equal still gives a finite head.
        for (const QPointF& p : arrowHead(QPointF(1, 1), QPointF(1, 1), 10, 8))
            QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
    }

    void describesEverySymbolOfTheSheet()
    {
        auto doc = load(kSheet);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        std::set<std::tuple<int, int, bool, bool>> events; // position, marker, throwing, interrupting
        std::set<int> gateways, icons, loops, edgeKinds;
        std::set<std::pair<int, bool>> data;
        int boundary = 0, callActivities = 0, transactions = 0, eventSubProcesses = 0, adHoc = 0, expanded = 0;
        int conditional = 0, defaults = 0, messagesShown = 0, hiddenX = 0, multiplePools = 0, verticalPools = 0;
        int conversations = 0, callConversations = 0, subConversations = 0, choreographies = 0, bands = 0, shadedBands = 0;
        for (const auto& item : scene.items) {
            const bool isBoundary = item.element && item.element->type == runway::core::BpmnType::BoundaryEvent;
            switch (item.symbol) {
            case Symbol::Event:
                events.insert({int(item.eventPosition), int(item.eventMarker), item.throwing, item.interrupting});
                boundary += isBoundary;
                break;
            case Symbol::Gateway:
                gateways.insert(int(item.gatewayMarker));
                hiddenX += item.gatewayMarker == GatewayMarker::Exclusive && !item.markerVisible;
                break;
            case Symbol::Activity:
                icons.insert(int(item.taskIcon));
                loops.insert(int(item.loop));
                callActivities += item.activityKind == ActivityKind::CallActivity;
                transactions += item.activityKind == ActivityKind::Transaction;
                eventSubProcesses += item.activityKind == ActivityKind::EventSubProcess;
                adHoc += item.activityKind == ActivityKind::AdHocSubProcess;
                expanded += item.expanded;
                break;
            case Symbol::DataObject: data.insert({int(item.dataRole), item.collection}); break;
            case Symbol::Participant:
                multiplePools += item.collection && item.blackBox;
                verticalPools += !item.horizontal;
                break;
            case Symbol::Conversation:
                ++conversations;
                callConversations += item.thick;
                subConversations += !item.expanded;
                break;
            case Symbol::Choreography: ++choreographies; break;
            case Symbol::ParticipantBand:
                ++bands;
                shadedBands += !item.initiating;
                QVERIFY(item.band != BandPosition::Middle);
                break;
            default:
                if (item.isEdge()) {
                    edgeKinds.insert(int(item.symbol));
                    conditional += item.conditional;
                    defaults += item.isDefault;
                    messagesShown += item.message != MessageVisible::None;
                }
                break;
            }
        }
        using P = EventPosition;
        using M = EventMarker;
        const std::tuple<int, int, bool, bool> expectedEvents[] = {
            {int(P::Start), int(M::None), false, true},           {int(P::Start), int(M::Timer), false, true},
            {int(P::Start), int(M::ParallelMultiple), false, true}, {int(P::Start), int(M::Message), false, false},
            {int(P::Intermediate), int(M::Link), false, true},     {int(P::Intermediate), int(M::Link), true, true},
            {int(P::Intermediate), int(M::Compensate), true, true}, {int(P::Intermediate), int(M::Multiple), true, true},
            {int(P::Intermediate), int(M::Timer), false, false},   {int(P::Intermediate), int(M::Cancel), false, true},
            {int(P::End), int(M::Terminate), true, true},           {int(P::End), int(M::Cancel), true, true},
            {int(P::End), int(M::Escalation), true, true}};
        for (const auto& e : expectedEvents)
            QVERIFY2(events.count(e), qPrintable(QStringLiteral("event %1/%2 throwing=%3 interrupting=%4 missing")
                                                     .arg(std::get<0>(e))
                                                     .arg(std::get<1>(e))
                                                     .arg(std::get<2>(e))
                                                     .arg(std::get<3>(e))));
        for (int m = int(M::None); m <= int(M::ParallelMultiple); ++m) {
            bool seen = false;
            for (const auto& e : events)
                seen |= std::get<1>(e) == m;
            QVERIFY2(seen, qPrintable(QStringLiteral("no event with marker %1").arg(m)));
        }
        QCOMPARE(int(gateways.size()), int(GatewayMarker::ParallelEventBasedStart)); // every marker but None
        QCOMPARE(hiddenX, 1);
        QCOMPARE(int(icons.size()), int(TaskIcon::BusinessRule) + 1);
        QCOMPARE(int(loops.size()), int(LoopMarker::SequentialMultiInstance) + 1);
        QCOMPARE(boundary, 6);
        QCOMPARE(callActivities, 1);
        QCOMPARE(transactions, 1);
        QCOMPARE(eventSubProcesses, 1);
        QCOMPARE(adHoc, 1);
        QCOMPARE(expanded, 3);
        QCOMPARE(data, (std::set<std::pair<int, bool>>{{int(DataRole::None), false}, {int(DataRole::None), true},
                                                       {int(DataRole::Input), false}, {int(DataRole::Output), false}}));
        QCOMPARE(edgeKinds, (std::set<int>{int(Symbol::SequenceFlow), int(Symbol::MessageFlow), int(Symbol::Association),
                                           int(Symbol::DataAssociation), int(Symbol::ConversationLink)}));
        QCOMPARE(conditional, 1);
        QCOMPARE(defaults, 1);
        QCOMPARE(messagesShown, 2);
        QCOMPARE(multiplePools, 1);
        QCOMPARE(verticalPools, 1);
        QCOMPARE(conversations, 3);
        QCOMPARE(callConversations, 1);
        QCOMPARE(subConversations, 1);
        QCOMPARE(choreographies, 1);
        QCOMPARE(bands, 2);
        QCOMPARE(shadedBands, 1);
    }

    void paintsContainersBeforeContents()
    {
        auto doc = load(kSheet);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        std::map<const runway::core::Element*, std::size_t> position;
        for (std::size_t i = 0; i < scene.items.size(); ++i)
            position[scene.items[i].element] = i;
        int checked = 0;
        for (std::size_t i = 0; i < scene.items.size(); ++i) {
            const auto& item = scene.items[i];
            if (!item.element)
                continue;
            // Whatever a sub-process, lane set or pool contains comes after it.
            for (const auto* p = item.element->parent; p; p = p->parent)
                if (auto it = position.find(p); it != position.end()) {
                    QVERIFY(it->second < i);
                    ++checked;
                }
            if (item.symbol == Symbol::Lane || item.symbol == Symbol::Event || item.symbol == Symbol::Activity)
                for (std::size_t k = 0; k < scene.items.size(); ++k)
                    if (scene.items[k].symbol == Symbol::Participant)
                        QVERIFY(k < i);
            if (item.element->type == runway::core::BpmnType::BoundaryEvent) {
                const auto* host = doc->resolve(item.element->attr("attachedToRef"));
                QVERIFY(host && position.at(host) < i);
                ++checked;
            }
            if (item.isEdge())
                for (std::size_t k = i + 1; k < scene.items.size(); ++k)
                    QVERIFY(scene.items[k].isEdge() || scene.items[k].layer > item.layer);
        }
        QVERIFY(checked >= 10);
        // The scene covers every item with its label.
        for (const auto& item : scene.items)
            QVERIFY(scene.bounds.contains(painter.boundingRect(item)));
    }

    void paintsLargerShapesFirst()
    {
        auto doc = parse(kHiddenContentXml);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        QCOMPARE(int(scene.items.size()), 2);
        QCOMPARE(scene.items[0].id, QStringLiteral("Sub"));
        QCOMPARE(scene.items[1].id, QStringLiteral("Start"));
    }

    void laysOutLabels()
    {
        auto doc = load(kSheet);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        int external = 0, inside = 0, rotated = 0, fromDi = 0;
        for (const auto& item : scene.items) {
            const auto l = painter.labelLayout(item);
            if (item.label.trimmed().isEmpty()) {
                QVERIFY(l.lines.isEmpty());
                continue;
            }
            QVERIFY2(!l.lines.isEmpty(), qPrintable(item.id));
            QVERIFY(painter.boundingRect(item).contains(painter.boundingRect(item, Part::Body)));
            if (item.labelBounds && (item.symbol == Symbol::Event || item.symbol == Symbol::Group)) {
                // At the file's label bounds: same top, same centre.
                QCOMPARE(l.rect.top(), item.labelBounds->top());
                QVERIFY(qAbs(l.rect.center().x() - item.labelBounds->center().x()) < 0.01);
                ++fromDi;
            } else if (item.symbol == Symbol::Event || item.symbol == Symbol::Gateway || item.symbol == Symbol::DataObject ||
                       item.symbol == Symbol::DataStore) {
                QVERIFY(l.rect.top() >= item.bounds.bottom()); // under the shape
                QVERIFY(qAbs(l.rect.center().x() - item.bounds.center().x()) < 0.01);
                ++external;
            } else if (item.symbol == Symbol::Activity && !item.expanded) {
                QVERIFY(item.bounds.contains(l.rect));
                QVERIFY(l.flags & Qt::AlignVCenter);
                ++inside;
            } else if ((item.symbol == Symbol::Participant || item.symbol == Symbol::Lane) && item.horizontal &&
                       !item.blackBox) {
                QCOMPARE(l.rotation, -90.0);
                QCOMPARE(l.rect.width(), 30.0);
                QCOMPARE(l.rect.left(), item.bounds.left());
                ++rotated;
            }
        }
        QVERIFY(external >= 4);
        QVERIFY(inside >= 10);
        QCOMPARE(rotated, 3); // the sheet's pool and its two lanes
        QCOMPARE(fromDi, 2);
    }

    void labelReachHoldsTheLabel()
    {
        // labelReach() is what lets buildScene() skip laying out labels away from the rim; it
        // must hold the real label extent of every item, long, multi-line and rotated labels too.
        auto doc = load(kSheet);
        QVERIFY(doc);
        const NotationPainter painter;
        auto scene = buildScene(*doc, findDiagram(*doc), painter);
        QVERIFY(!scene.items.empty());
        const QString longName = QStringLiteral("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW and a second, rather long sentence\nwith a "
                                                "forced break and Supercalifragilisticexpialidocious words");
        int checked = 0;
        for (auto& item : scene.items) {
            for (const QString& label : {item.label, longName, QStringLiteral("x")}) {
                item.label = label;
                const QRectF real = painter.boundingRect(item, Part::Label);
                if (real.isEmpty())
                    continue;
                QVERIFY2(painter.labelReach(item).contains(real), qPrintable(item.id));
                ++checked;
            }
        }
        QVERIFY(checked > 60);
    }

    void sceneBoundsHoldEveryItem()
    {
        // The scene's bounds are exactly the union of every item's full bounding rectangle, though
        // buildScene() lays out only the labels near the rim.
        QStringList files{kSheet, QStringLiteral(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn")};
        if (const std::string corpus = runway::test::corpusDir(); !corpus.empty()) {
            const QString miwg = QString::fromStdString(corpus) + QStringLiteral("/miwg/reference");
            for (const QFileInfo& f : QDir(miwg).entryInfoList({QStringLiteral("*.bpmn")}, QDir::Files))
                files << f.absoluteFilePath();
            QVERIFY(files.size() > 10);
        }
        const NotationPainter painter;
        for (const QString& file : files) {
            auto doc = load(file);
            if (!doc)
                continue;
            for (const auto* diagram : doc->diagrams()) {
                const auto scene = buildScene(*doc, diagram, painter);
                QRectF all;
                for (const auto& item : scene.items)
                    all = all.united(painter.boundingRect(item));
                QVERIFY2(scene.bounds == all, qPrintable(file));
            }
        }
    }

    void findsDiagramsByIdOrNumber()
    {
        auto doc = parse(kColoursXml);
        QVERIFY(doc);
        const auto* first = doc->diagrams().front();
        QCOMPARE(findDiagram(*doc), first);
        QCOMPARE(findDiagram(*doc, "Dia"), first);
        QCOMPARE(findDiagram(*doc, "1"), first);
        QVERIFY(!findDiagram(*doc, "0"));
        QVERIFY(!findDiagram(*doc, "2"));
        QVERIFY(!findDiagram(*doc, "99999999999999999999999"));
        QVERIFY(!findDiagram(*doc, "Other"));
    }

    void lanesFollowTheirPoolsOrientation()
    {
        auto doc = parse(kVerticalLaneXml);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        QCOMPARE(int(scene.items.size()), 2);
        QCOMPARE(scene.items[1].symbol, Symbol::Lane);
        QVERIFY(!scene.items[1].horizontal);
        // Its label runs across the band at the top, not rotated.
        const auto l = painter.labelLayout(scene.items[1]);
        QCOMPARE(l.rotation, 0.0);
        QVERIFY(l.rect.bottom() <= 30 + 30 + 0.01 && l.rect.top() >= 30);
    }

    void skipsBrokenGeometry()
    {
        auto doc = parse(kBrokenGeometryXml);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        // Only the task with sane bounds and the edge with two numeric waypoints are drawn.
        QCOMPARE(int(scene.items.size()), 2);
        QVERIFY(scene.bounds.width() < 1000 && scene.bounds.height() < 1000);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(exportScene(scene, painter, dir.filePath("broken.png"), ImageFormat::Png, {}, &error), qPrintable(error));
    }

    void exportsSvgWithTextAsText()
    {
        auto doc = load(kSheet);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        QTemporaryDir dir;
        const QString path = dir.filePath("sheet.svg");
        QString error;
        QVERIFY2(exportScene(scene, painter, path, ImageFormat::Svg, {}, &error), qPrintable(error));
        QXmlStreamReader xml(readFile(path));
        int elements = 0;
        QStringList texts;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                ++elements;
                if (xml.name() == QLatin1String("text"))
                    texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(elements > int(scene.items.size()));
        const QString all = texts.join(' ');
        for (const char* label : {"Symbol sheet", "userTask", "Expanded sub-process", "Vertical pool", "OMG colours"})
            QVERIFY2(all.contains(QLatin1String(label)), label);
    }

    void exportsPngAtAScale()
    {
        auto doc = load(kSheet);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        QTemporaryDir dir;
        ExportOptions one, two;
        two.scale = 2;
        QString error;
        QVERIFY(exportScene(scene, painter, dir.filePath("1.png"), ImageFormat::Png, one, &error));
        QVERIFY(exportScene(scene, painter, dir.filePath("2.png"), ImageFormat::Png, two, &error));
        const QImage a(dir.filePath("1.png")), b(dir.filePath("2.png"));
        QCOMPARE(a.size(), imageSize(scene, one));
        QVERIFY(qAbs(b.width() - 2 * a.width()) <= 1 && qAbs(b.height() - 2 * a.height()) <= 1);
        // The diagram's top-left shape lands where imagePoint says, at both scales.
        const auto& pool = scene.items.front();
        QCOMPARE(pool.symbol, Symbol::Participant);
        const QPointF p1 = imagePoint(scene, one, pool.bounds.topLeft() + QPointF(0, 20));
        const QPointF p2 = imagePoint(scene, two, pool.bounds.topLeft() + QPointF(0, 20));
        QVERIFY(qGray(a.pixel(p1.toPoint())) < 128);
        QVERIFY(qGray(b.pixel(p2.toPoint())) < 128);
        // A limit on the pixels gives an error that says what to do, and no file.
        ExportOptions huge;
        huge.scale = 100;
        QVERIFY(!exportScene(scene, painter, dir.filePath("huge.png"), ImageFormat::Png, huge, &error));
        QVERIFY2(error.contains(QLatin1String("--scale")), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath("huge.png")));
        QVERIFY(!exportScene(scene, painter, dir.filePath("no/such/dir/x.png"), ImageFormat::Png, one, &error));
        QVERIFY2(error.contains(QLatin1String("no/such/dir/x.png")), qPrintable(error));
    }

    void exportsPdfOnOnePageOrTiled()
    {
        auto doc = load(kSheet);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        QTemporaryDir dir;
        QString error;
        ExportOptions fit;
        QVERIFY2(exportScene(scene, painter, dir.filePath("fit.pdf"), ImageFormat::Pdf, fit, &error), qPrintable(error));
        ExportOptions tiled;
        tiled.tile = true;
        tiled.scale = 1.5;
        QVERIFY2(exportScene(scene, painter, dir.filePath("tiled.pdf"), ImageFormat::Pdf, tiled, &error),
                 qPrintable(error));
        const QByteArray a = readFile(dir.filePath("fit.pdf")), b = readFile(dir.filePath("tiled.pdf"));
        QVERIFY(a.startsWith("%PDF"));
        QVERIFY(b.startsWith("%PDF"));
        const auto pages = [](const QByteArray& pdf) { return pdf.count("/Type /Page\n") + pdf.count("/Type /Page "); };
        QCOMPARE(pages(a), 1);
        // The sheet at 1.5 points per unit is about 2400 x 1800 points: several A4 pages.
        QVERIFY2(pages(b) >= 4, qPrintable(QString::number(pages(b))));
    }

    void matchesTheGoldenSymbolSheet()
    {
        if (QFontInfo(NotationStyle::defaultFont()).family() != QLatin1String("DejaVu Sans"))
            QSKIP("the golden image is drawn with DejaVu Sans, which is not installed: run make deps "
                  "(fonts-dejavu-core)");
        auto doc = load(kSheet);
        QVERIFY(doc);
        const NotationPainter painter;
        const auto scene = buildScene(*doc, findDiagram(*doc), painter);
        QTemporaryDir dir;
        const QString actualPath = qEnvironmentVariableIsSet("RUNWAY_UPDATE_GOLDEN") ? kGolden : dir.filePath("sheet.png");
        QString error;
        QVERIFY2(exportScene(scene, painter, actualPath, ImageFormat::Png, {}, &error), qPrintable(error));
        if (qEnvironmentVariableIsSet("RUNWAY_UPDATE_GOLDEN"))
            QSKIP("wrote a new golden image; look at it before committing it");
        const QImage golden = QImage(kGolden).convertToFormat(QImage::Format_ARGB32);
        const QImage actual = QImage(actualPath).convertToFormat(QImage::Format_ARGB32);
        QVERIFY2(!golden.isNull(), qPrintable(kGolden + " is missing"));
        const QString regenerate =
            QStringLiteral("If the painter changed on purpose, regenerate the golden with "
                           "RUNWAY_UPDATE_GOLDEN=1 ./tests/tst_notation matchesTheGoldenSymbolSheet (from the build "
                           "folder), look at %1 and commit it.")
                .arg(kGolden);
        QVERIFY2(golden.size() == actual.size(),
                 qPrintable(QStringLiteral("size %1x%2, golden %3x%4. ")
                                .arg(actual.width())
                                .arg(actual.height())
                                .arg(golden.width())
                                .arg(golden.height()) +
                            regenerate));
        // Antialiasing and font rasterising differ a little between machines: a pixel counts as
        // different when a channel is off by more than 96, and 0.05% of the pixels may be (moving
        // the three sub-process labels of the sheet changes about 0.07%).
        const qint64 differing = differingPixels(golden, actual, 96);
        const qint64 allowed = qint64(golden.width()) * golden.height() / 2000;
        if (differing > allowed) {
            const QString kept = QDir::temp().filePath(QStringLiteral("runway-symbol-sheet-actual.png"));
            QFile::remove(kept);
            QFile::copy(actualPath, kept);
            QFAIL(qPrintable(QStringLiteral("%1 pixels differ from the golden (at most %2 may); this render is in %3. ")
                                 .arg(differing)
                                 .arg(allowed)
                                 .arg(kept) +
                             regenerate));
        }
        // And the comparison does see a change: leaving out the labels (text is a small part of the
        // sheet's pixels) is far above what rasterising differences give.
        QImage unlabeled(actual.size(), QImage::Format_ARGB32);
        unlabeled.fill(Qt::white);
        {
            QPainter p(&unlabeled);
            p.translate(imagePoint(scene, {}, QPointF(0, 0)));
            for (const auto& item : scene.items)
                painter.paint(p, item, Part::Body);
        }
        const qint64 unlabeledDiffering = differingPixels(golden, unlabeled, 96);
        QVERIFY2(unlabeledDiffering > 2000 && unlabeledDiffering > 10 * differing,
                 qPrintable(QStringLiteral("%1 / %2").arg(unlabeledDiffering).arg(differing)));
    }
};

RUNWAY_TEST_MAIN(TestNotation, initTestCase)
#include "tst_notation.moc"
