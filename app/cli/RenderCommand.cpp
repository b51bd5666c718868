// runway-cli render: a diagram as SVG, PNG or PDF. Only this command needs Qt (QtGui for painting,
// QtSvg for SVG); it is compiled into the full build, and RenderUnavailable.cpp stands in for it in
// the Qt-free one.
#include "CliArgs.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/Di.h"
#include "runway/modeler/notation/Export.h"

#include <QGuiApplication>
#include <QPageSize>

#include <cmath>
#include <cstdio>

namespace runway::cli {

using namespace runway::core;
namespace notation = runway::modeler::notation;

namespace {

const char* kHelp =
    "Usage: runway-cli render [--json] FILE -o OUT.svg|OUT.png|OUT.pdf [--diagram ID] [--scale F]\n"
    "                         [--page SIZE] [--tile] [--transparent]\n\n"
    "Draws one diagram of FILE in BPMN 2.0 notation, as bpmn.io and Camunda Modeler show it, and\n"
    "writes it as an image. The format comes from OUT's extension. Nothing but the diagram is drawn.\n"
    "Scripts in the file are never run.\n\n"
    "  -o, --output OUT   the image to write: .svg (text stays text), .png or .pdf (required)\n"
    "  --diagram ID       the BPMNDiagram to draw, by id or by number (1 is the first, the default)\n"
    "  --scale F          PNG: pixels per diagram unit (default 1); SVG: size factor; PDF with\n"
    "                     --tile: points per diagram unit\n"
    "  --page SIZE        PDF page size: A4 (default), A3, A2, A1, A0, Letter, Legal, Tabloid\n"
    "  --tile             PDF: draw at --scale across as many pages as needed, instead of fitting\n"
    "                     the diagram on one page\n"
    "  --transparent      PNG and SVG: no white background\n"
    "  --json             report as one JSON object (with the image size and where the diagram's\n"
    "                     origin lies in it)\n\n"
    "Exit codes: 0 written, 2 FILE could not be read, has no such diagram, or OUT could not be\n"
    "written.\n";

std::optional<QPageSize::PageSizeId> pageSize(const std::string& name)
{
    static const std::pair<const char*, QPageSize::PageSizeId> sizes[] = {
        {"a4", QPageSize::A4}, {"a3", QPageSize::A3}, {"a2", QPageSize::A2}, {"a1", QPageSize::A1},
        {"a0", QPageSize::A0}, {"a5", QPageSize::A5}, {"letter", QPageSize::Letter}, {"legal", QPageSize::Legal},
        {"tabloid", QPageSize::Tabloid}};
    const QString lower = QString::fromStdString(name).toLower();
    for (const auto& [n, id] : sizes)
        if (lower == QLatin1String(n))
            return id;
    return std::nullopt;
}

/// A QGuiApplication for painting text, on Qt's offscreen platform unless QT_QPA_PLATFORM says
/// otherwise: rendering never shows a window, so it needs no display, works on servers and in CI,
/// and does not abort when DISPLAY names a display that cannot be reached.
void ensureGuiApplication()
{
    if (QGuiApplication::instance())
        return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's notice that XDG_RUNTIME_DIR is unset says nothing to a user rendering a file.
    static const QtMessageHandler previous = qInstallMessageHandler(nullptr);
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& message) {
        if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
            return;
        if (previous)
            previous(type, context, message);
        else
            std::fprintf(stderr, "%s\n", qPrintable(message));
    });
    static int argc = 1;
    static char name[] = "runway-cli";
    static char* argv[] = {name, nullptr};
    static QGuiApplication app(argc, argv);
}

int fail(bool json, const std::string& in, const std::string& out, const std::string& message,
         const Diagnostics& diagnostics = {})
{
    if (json) {
        std::string j = "{\"input\":\"" + jsonEscape(in) + "\",\"output\":\"" + jsonEscape(out) +
                        "\",\"written\":false,\"error\":\"" + jsonEscape(message) + "\",\"diagnostics\":[";
        for (std::size_t k = 0; k < diagnostics.size(); ++k)
            j += (k ? "," : "") + toJson(diagnostics[k]);
        std::printf("%s]}\n", j.c_str());
    } else {
        for (const auto& d : diagnostics)
            if (d.isError())
                std::fprintf(stderr, "%s\n", d.format().c_str());
        if (!message.empty())
            std::fprintf(stderr, "%s\n", message.c_str());
    }
    return Unreadable;
}

} // namespace

Command renderCommand()
{
    Command c;
    c.name = "render";
    c.summary = "draw a diagram as SVG, PNG or PDF";
    c.help = kHelp;
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {"-o", "--output", "--diagram", "--scale", "--page"},
                                   {"--json", "--tile", "--transparent"});
        if (!args.error.empty())
            return usageError("render", args.error);
        if (args.positionals.size() != 1)
            return usageError("render", "give exactly one input file");
        std::string out = args.value("-o");
        if (out.empty())
            out = args.value("--output");
        if (out.empty())
            return usageError("render", "no output file given (-o OUT.svg, OUT.png or OUT.pdf)");
        const auto format = notation::formatForPath(QString::fromStdString(out));
        if (!format)
            return usageError("render", "cannot tell the format of '" + out + "': name it .svg, .png or .pdf");
        notation::ExportOptions options;
        if (const auto s = args.value("--scale"); !s.empty()) {
            bool ok = false;
            options.scale = QString::fromStdString(s).toDouble(&ok);
            if (!ok || !std::isfinite(options.scale) || options.scale <= 0 || options.scale > 100)
                return usageError("render", "--scale takes a number above 0 and at most 100, not '" + s + "'");
        }
        if (const auto page = args.value("--page"); !page.empty()) {
            const auto id = pageSize(page);
            if (!id)
                return usageError("render", "unknown page size '" + page + "' (A0-A5, Letter, Legal, Tabloid)");
            options.pageSize = QPageSize(*id);
        }
        options.tile = args.has("--tile");
        options.transparent = args.has("--transparent");
        const bool json = args.has("--json");
        const auto& in = args.positionals.front();

        auto r = BpmnReader::readFile(in);
        if (!r.ok())
            return fail(json, in, out, {}, r.diagnostics);
        const auto& doc = *r.document;
        const std::string wanted = args.value("--diagram");
        const Element* diagram = notation::findDiagram(doc, wanted);
        if (!diagram) {
            if (wanted.empty())
                return fail(json, in, out,
                            in + ": error: the file has no diagram (bpmndi:BPMNDiagram) to draw; open it in a modeler "
                                 "that lays it out, and save it there");
            std::string ids;
            int n = 0;
            for (const Element* d : doc.diagrams()) {
                ++n;
                ids += (ids.empty() ? "" : ", ") + (d->id().empty() ? "#" + std::to_string(n) : std::string(d->id()));
            }
            return fail(json, in, out,
                        in + ": error: no diagram with id '" + wanted + "'; the file has: " +
                            (ids.empty() ? std::string("none") : ids));
        }

        ensureGuiApplication();
        const notation::NotationPainter painter;
        const auto scene = notation::buildScene(doc, diagram, painter);
        QString error;
        if (!notation::exportScene(scene, painter, QString::fromStdString(out), *format, options, &error))
            return fail(json, in, out, out + ": error: " + error.toStdString());

        if (json) {
            int shapes = 0, edges = 0;
            for (const auto& item : scene.items)
                (item.isEdge() ? edges : shapes)++;
            const QSize size = notation::imageSize(scene, options);
            const QPointF origin = notation::imagePoint(scene, options, QPointF(0, 0));
            std::printf("{\"input\":\"%s\",\"output\":\"%s\",\"written\":true,\"diagram\":\"%s\",\"shapes\":%d,"
                        "\"edges\":%d,\"width\":%d,\"height\":%d,\"scale\":%g,\"origin\":[%.3f,%.3f]}\n",
                        jsonEscape(in).c_str(), jsonEscape(out).c_str(), jsonEscape(std::string(diagram->id())).c_str(),
                        shapes, edges, size.width(), size.height(), options.scale, origin.x(), origin.y());
        }
        return Ok;
    };
    return c;
}

} // namespace runway::cli
