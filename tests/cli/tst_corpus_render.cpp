// runway-cli render over the whole corpus: every file that loads is drawn to PNG and SVG without a
// crash, every DI shape and edge leaves ink where the file puts it, the SVGs parse and grow with
// the diagram; files that do not load fail with their load error. Also the command line itself,
// and, in the Qt-free build, that render says it is not available.
#include "RunwayTest.h"
#include "RunProcess.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/Di.h"

#include <cmath>
#include <limits>
#include <optional>
#include <filesystem>
#include <string>
#include <vector>

#ifndef RUNWAY_NO_QT
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>
#endif

using runway::test::cliPath;
using runway::test::corpusDir;
using runway::test::runProcess;
namespace fs = std::filesystem;
namespace di = runway::core::di;

namespace {

const std::string kSheet = std::string(RUNWAY_SOURCE_DIR) + "/tests/modeler/data/symbol-sheet.bpmn";

fs::path scratch(const std::string& name)
{
    const fs::path dir = fs::temp_directory_path() / ("runway-render-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir / name;
}

#ifndef RUNWAY_NO_QT

/// Where runway-cli says the diagram's origin lies in the image, and its scale.
struct Placement {
    double ox = 0, oy = 0, scale = 1;
    int width = 0, height = 0, shapes = 0, edges = 0;
};

std::optional<Placement> placementOf(const std::string& json)
{
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!doc.isObject() || !doc.object().value("written").toBool())
        return std::nullopt;
    const auto o = doc.object();
    Placement p;
    p.ox = o.value("origin").toArray().at(0).toDouble();
    p.oy = o.value("origin").toArray().at(1).toDouble();
    p.scale = o.value("scale").toDouble();
    p.width = o.value("width").toInt();
    p.height = o.value("height").toInt();
    p.shapes = o.value("shapes").toInt();
    p.edges = o.value("edges").toInt();
    return p;
}

bool sane(double v)
{
    return std::isfinite(v) && std::abs(v) < 1e6;
}

/// Is anything but the white background drawn within the rectangle (in image pixels)?
bool inked(const QImage& image, QRectF r)
{
    const QRect px = r.toAlignedRect().intersected(image.rect());
    for (int y = px.top(); y <= px.bottom(); ++y)
        for (int x = px.left(); x <= px.right(); ++x) {
            const QRgb c = image.pixel(x, y);
            if (qRed(c) < 215 || qGreen(c) < 215 || qBlue(c) < 215)
                return true;
        }
    return false;
}

/// Problems with one rendered diagram: DI shapes and edges without ink where the file puts them.
std::vector<std::string> coverageProblems(const QImage& image, const Placement& p, const runway::core::Element* diagram)
{
    std::vector<std::string> problems;
    auto map = [&](double x, double y) { return QPointF(p.ox + x * p.scale, p.oy + y * p.scale); };
    for (const auto* e : di::diagramElements(di::plane(diagram))) {
        if (e->type == runway::core::BpmnType::BPMNShape) {
            const auto b = di::bounds(e);
            if (!b || !sane(b->x) || !sane(b->y) || !sane(b->width) || !sane(b->height) || b->width < 0 || b->height < 0)
                continue;
            const QRectF r = QRectF(map(b->x, b->y), map(b->x + b->width, b->y + b->height)).adjusted(-2, -2, 2, 2);
            if (!image.rect().contains(r.center().toPoint()))
                problems.push_back("shape " + std::string(e->id()) + " lies outside the image");
            else if (!inked(image, r))
                problems.push_back("shape " + std::string(e->id()) + " for '" + std::string(e->attr("bpmnElement")) +
                                   "' has no ink at its bounds (" + std::to_string(b->x) + ", " + std::to_string(b->y) +
                                   ", " + std::to_string(b->width) + " x " + std::to_string(b->height) + ")");
        } else if (e->type == runway::core::BpmnType::BPMNEdge) {
            std::vector<QPointF> pts;
            for (const auto& w : di::waypoints(e))
                if (sane(w.x) && sane(w.y))
                    pts.push_back(map(w.x, w.y));
            if (pts.size() < 2 || pts.size() != di::waypoints(e).size())
                continue;
            // Ink near the middle of every segment long enough to show.
            for (std::size_t i = 1; i < pts.size(); ++i) {
                const QPointF mid = (pts[i - 1] + pts[i]) / 2;
                if (QLineF(pts[i - 1], pts[i]).length() < 8)
                    continue;
                if (!inked(image, QRectF(mid - QPointF(3, 3), QSizeF(6, 6)))) {
                    problems.push_back("edge " + std::string(e->id()) + " has no ink at the middle of segment " +
                                       std::to_string(i));
                    break;
                }
            }
        }
    }
    return problems;
}

int svgElements(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = "cannot open";
        return -1;
    }
    QXmlStreamReader xml(&f);
    int n = 0;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement)
            ++n;
    if (xml.hasError()) {
        *error = xml.errorString();
        return -1;
    }
    return n;
}

#endif

} // namespace

class TestCorpusRender : public QObject {
    Q_OBJECT
private slots:
#ifdef RUNWAY_NO_QT
    void renderIsNotAvailableWithoutQt()
    {
        const auto out = scratch("never.png");
        auto r = runProcess({cliPath(), "render", kSheet, "-o", out.string()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.find("not available in this build") != std::string::npos, r.err.c_str());
        QVERIFY(!fs::exists(out));
        auto help = runProcess({cliPath(), "--help"});
        QVERIFY(help.out.find("render") != std::string::npos);
    }
#else
    void rendersTheSheetInEachFormat()
    {
        for (const char* ext : {".svg", ".png", ".pdf"}) {
            const auto out = scratch(std::string("sheet") + ext);
            auto r = runProcess({cliPath(), "render", "--json", kSheet, "-o", out.string()});
            QVERIFY2(r.exitCode == 0, r.err.c_str());
            QVERIFY2(r.err.empty(), r.err.c_str()); // no noise from Qt on stderr
            const auto p = placementOf(r.out);
            QVERIFY2(p, r.out.c_str());
            QVERIFY(p->shapes > 80 && p->edges > 10);
            QVERIFY(fs::file_size(out) > 1000);
        }
        // --scale multiplies the PNG's size.
        const auto one = scratch("one.png"), two = scratch("two.png");
        QCOMPARE(runProcess({cliPath(), "render", kSheet, "-o", one.string()}).exitCode, 0);
        QCOMPARE(runProcess({cliPath(), "render", kSheet, "-o", two.string(), "--scale", "2"}).exitCode, 0);
        const QImage a(QString::fromStdString(one.string())), b(QString::fromStdString(two.string()));
        QVERIFY(!a.isNull() && !b.isNull());
        QVERIFY(std::abs(b.width() - 2 * a.width()) <= 1);
        // No display needed, even when DISPLAY names one that cannot be reached.
        const auto headless = scratch("headless.png");
        auto h = runProcess({"env", "-u", "QT_QPA_PLATFORM", "-u", "WAYLAND_DISPLAY", "DISPLAY=:97", cliPath(), "render",
                             kSheet, "-o", headless.string()});
        QVERIFY2(h.exitCode == 0 && fs::exists(headless), h.err.c_str());
        // --tile spreads a PDF over pages.
        const auto tiled = scratch("tiled.pdf");
        QCOMPARE(runProcess({cliPath(), "render", kSheet, "-o", tiled.string(), "--tile", "--scale", "2", "--page",
                             "a4"})
                     .exitCode,
                 0);
        QVERIFY(fs::file_size(tiled) > fs::file_size(scratch("sheet.pdf")));
    }

    void refusesWrongCommandLines()
    {
        struct Case {
            std::vector<std::string> args;
            std::string message;
        };
        const auto out = scratch("x.png").string();
        const std::vector<Case> cases = {
            {{"render", kSheet}, "no output file"},
            {{"render", kSheet, "-o", scratch("x.gif").string()}, "name it .svg, .png or .pdf"},
            {{"render", kSheet, "-o", out, "--scale", "0"}, "--scale"},
            {{"render", kSheet, "-o", out, "--scale", "abc"}, "--scale"},
            {{"render", kSheet, "-o", out, "--page", "B7"}, "unknown page size"},
            {{"render", kSheet, "-o", out, "--diagram", "Nope"}, "no diagram with id 'Nope'; the file has: Diagram_sheet"},
            {{"render", kSheet, "-o", out, "--diagram", "2"}, "no diagram with id '2'"},
            {{"render", "/no/such/file.bpmn", "-o", out}, "/no/such/file.bpmn"},
            {{"render", kSheet, "-o", "/no/such/dir/x.png"}, "/no/such/dir/x.png"},
        };
        for (const auto& c : cases) {
            fs::remove(out);
            std::vector<std::string> argv = {cliPath()};
            argv.insert(argv.end(), c.args.begin(), c.args.end());
            auto r = runProcess(argv);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.find(c.message) != std::string::npos, (c.message + " not in: " + r.err).c_str());
            QVERIFY(!fs::exists(out));
        }
    }

    void rendersEveryCorpusFile()
    {
        RUNWAY_REQUIRE_CORPUS();
        std::vector<std::string> problems;
        int files = 0, unreadable = 0, withoutDiagram = 0, diagrams = 0, checkedShapes = 0;
        std::pair<int, int> fewest{std::numeric_limits<int>::max(), 0}, most{-1, 0}; // (items, svg elements)
        for (const auto& entry : fs::recursive_directory_iterator(corpusDir())) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".bpmn" && ext != ".bpmn2"))
                continue;
            ++files;
            const std::string in = entry.path().string();
            auto loaded = runway::core::BpmnReader::readFile(in);
            if (!loaded.ok()) {
                ++unreadable;
                auto r = runProcess({cliPath(), "render", in, "-o", scratch("bad.png").string()});
                const std::string expected = loaded.diagnostics.empty() ? in : loaded.diagnostics.front().format();
                if (r.exitCode != 2 || r.err.find(expected) == std::string::npos)
                    problems.push_back(in + ": expected exit 2 with its load error, got " + std::to_string(r.exitCode) +
                                       ": " + r.err);
                continue;
            }
            const auto all = loaded.document->diagrams();
            if (all.empty()) {
                ++withoutDiagram;
                auto r = runProcess({cliPath(), "render", in, "-o", scratch("none.png").string()});
                if (r.exitCode != 2 || r.err.find("no diagram") == std::string::npos)
                    problems.push_back(in + ": a file without a diagram should say so, got: " + r.err);
                continue;
            }
            for (std::size_t d = 0; d < all.size() && d < 4; ++d) {
                const std::string id(all[d]->id());
                const auto png = scratch("c.png");
                fs::remove(png);
                // By number: some tools write diagrams without an id.
                auto r = runProcess(
                    {cliPath(), "render", "--json", in, "-o", png.string(), "--diagram", std::to_string(d + 1)});
                const auto p = placementOf(r.out);
                if (r.exitCode != 0 || !p) {
                    problems.push_back(in + " (" + id + "): exit " + std::to_string(r.exitCode) + ": " + r.err + r.out);
                    continue;
                }
                ++diagrams;
                const QImage image(QString::fromStdString(png.string()));
                if (image.isNull() || image.width() != p->width || image.height() != p->height) {
                    problems.push_back(in + ": the PNG is missing or not the size reported");
                    continue;
                }
                for (const auto& problem : coverageProblems(image, *p, all[d]))
                    problems.push_back(in + " (" + id + "): " + problem);
                checkedShapes += p->shapes;
                if (d != 0)
                    continue;
                const auto svg = scratch("c.svg");
                auto s = runProcess({cliPath(), "render", "--json", in, "-o", svg.string()});
                QString error;
                const int elements = s.exitCode == 0 ? svgElements(QString::fromStdString(svg.string()), &error) : -1;
                const int items = p->shapes + p->edges;
                if (elements < 0)
                    problems.push_back(in + ": SVG not written or not XML: " + s.err + error.toStdString());
                else if (elements < items)
                    problems.push_back(in + ": SVG has " + std::to_string(elements) + " elements for " +
                                       std::to_string(items) + " shapes and edges");
                if (elements >= 0 && items < fewest.first)
                    fewest = {items, elements};
                if (elements >= 0 && items > most.first)
                    most = {items, elements};
            }
        }
        std::string report;
        for (std::size_t i = 0; i < problems.size() && i < 25; ++i)
            report += problems[i] + "\n";
        QVERIFY2(problems.empty(), (std::to_string(problems.size()) + " problems:\n" + report).c_str());
        qInfo("%d files: %d diagrams rendered (%d shapes checked), %d unreadable, %d without a diagram", files,
              diagrams, checkedShapes, unreadable, withoutDiagram);
        QVERIFY(files > 150);
        QVERIFY(diagrams > files / 2);
        QVERIFY(unreadable >= 1); // the corpus has known-broken files
        // SVG output grows with the diagram.
        QVERIFY(most.first > fewest.first);
        QVERIFY(most.second > fewest.second);
        fs::remove_all(scratch("x").parent_path());
    }
#endif
};

RUNWAY_TEST_MAIN(TestCorpusRender, renderIsNotAvailableWithoutQt)
#ifndef RUNWAY_NO_QT
#include "tst_corpus_render.moc"
#endif
