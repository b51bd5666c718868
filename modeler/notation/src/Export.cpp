#include "runway/modeler/notation/Export.h"

#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace runway::modeler::notation {

namespace {

/// Tiling a huge diagram at a large scale must not write a PDF of millions of pages.
constexpr int kMaxPages = 500;

QRectF paddedBounds(const DiagramScene& scene, const ExportOptions& o)
{
    QRectF b = scene.bounds.isEmpty() ? QRectF(0, 0, 0, 0) : scene.bounds;
    return b.adjusted(-o.margin, -o.margin, o.margin, o.margin);
}

/// Maps diagram coordinates onto the image: the padded bounds' corner to (0, 0), times scale.
void mapDiagram(QPainter& p, const DiagramScene& scene, const ExportOptions& o, qreal scale)
{
    p.scale(scale, scale);
    p.translate(-paddedBounds(scene, o).topLeft());
}

bool commit(QSaveFile& file, const QString& path, QString* error)
{
    if (file.commit())
        return true;
    *error = QStringLiteral("could not write %1: %2; check that its folder exists and is writable")
                 .arg(path, file.errorString());
    return false;
}

bool open(QSaveFile& file, const QString& path, QString* error)
{
    if (file.open(QIODevice::WriteOnly))
        return true;
    *error = QStringLiteral("could not create %1: %2; check that its folder exists and is writable")
                 .arg(path, file.errorString());
    return false;
}

bool exportPng(const DiagramScene& scene, const NotationPainter& painter, const QString& path, const ExportOptions& o,
               QString* error)
{
    const QSize size = imageSize(scene, o);
    if (size.isEmpty() || qint64(size.width()) * size.height() > o.maxPixels || size.width() > 32767 ||
        size.height() > 32767) {
        *error = QStringLiteral("the image would be %1 x %2 pixels, more than the %3 million allowed; "
                                "give a smaller --scale, or export SVG or PDF")
                     .arg(size.width())
                     .arg(size.height())
                     .arg(o.maxPixels / 1000000);
        return false;
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = QStringLiteral("not enough memory for an image of %1 x %2 pixels; give a smaller --scale")
                     .arg(size.width())
                     .arg(size.height());
        return false;
    }
    image.fill(o.transparent ? QColor(Qt::transparent) : painter.style().background);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        mapDiagram(p, scene, o, o.scale);
        paintScene(p, scene, painter);
    }
    QSaveFile file(path);
    if (!open(file, path, error))
        return false;
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        *error = QStringLiteral("could not encode %1 as PNG: %2").arg(path, writer.errorString());
        return false;
    }
    return commit(file, path, error);
}

bool exportSvg(const DiagramScene& scene, const NotationPainter& painter, const QString& path, const ExportOptions& o,
               QString* error)
{
    QSaveFile file(path);
    if (!open(file, path, error))
        return false;
    const QSize size = imageSize(scene, o);
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(scene.diagramName.isEmpty() ? scene.diagramId : scene.diagramName);
    svg.setDescription(QStringLiteral("BPMN diagram rendered by Runway"));
    {
        QPainter p(&svg);
        if (!o.transparent)
            p.fillRect(QRect(QPoint(0, 0), size), painter.style().background);
        mapDiagram(p, scene, o, o.scale);
        paintScene(p, scene, painter);
    }
    return commit(file, path, error);
}

bool exportPdf(const DiagramScene& scene, const NotationPainter& painter, const QString& path, const ExportOptions& o,
               QString* error)
{
    QSaveFile file(path);
    if (!open(file, path, error))
        return false;
    const QRectF area = paddedBounds(scene, o);
    QPdfWriter pdf(&file);
    pdf.setResolution(72); // one device unit is one point
    pdf.setCreator(QStringLiteral("Runway"));
    pdf.setTitle(scene.diagramName.isEmpty() ? scene.diagramId : scene.diagramName);
    const auto orientation = area.width() > area.height() ? QPageLayout::Landscape : QPageLayout::Portrait;
    pdf.setPageLayout(QPageLayout(o.pageSize, orientation, QMarginsF(0, 0, 0, 0)));
    const QRectF page = pdf.pageLayout().paintRect(QPageLayout::Point);
    QPainter p;
    if (!p.begin(&pdf)) {
        *error = QStringLiteral("could not start a PDF in %1").arg(path);
        return false;
    }
    if (!o.tile) {
        const qreal s = qMin(page.width() / qMax<qreal>(area.width(), 1), page.height() / qMax<qreal>(area.height(), 1));
        p.translate((page.width() - area.width() * s) / 2, (page.height() - area.height() * s) / 2);
        mapDiagram(p, scene, o, s);
        paintScene(p, scene, painter);
    } else {
        const qreal s = o.scale;
        const int cols = qMax(1, int(std::ceil(area.width() * s / page.width())));
        const int rows = qMax(1, int(std::ceil(area.height() * s / page.height())));
        if (qint64(cols) * rows > kMaxPages) {
            p.end();
            *error = QStringLiteral("tiling at scale %1 would take %2 pages (at most %3); give a smaller --scale")
                         .arg(s)
                         .arg(qint64(cols) * rows)
                         .arg(kMaxPages);
            return false;
        }
        for (int row = 0; row < rows; ++row)
            for (int col = 0; col < cols; ++col) {
                if (row || col)
                    pdf.newPage();
                p.save();
                p.setClipRect(QRectF(QPointF(0, 0), page.size()));
                p.translate(-col * page.width(), -row * page.height());
                mapDiagram(p, scene, o, s);
                paintScene(p, scene, painter);
                p.restore();
            }
    }
    p.end();
    return commit(file, path, error);
}

} // namespace

std::optional<ImageFormat> formatForPath(const QString& path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("svg"))
        return ImageFormat::Svg;
    if (ext == QLatin1String("png"))
        return ImageFormat::Png;
    if (ext == QLatin1String("pdf"))
        return ImageFormat::Pdf;
    return std::nullopt;
}

QPointF imagePoint(const DiagramScene& scene, const ExportOptions& options, QPointF scenePoint)
{
    return (scenePoint - paddedBounds(scene, options).topLeft()) * options.scale;
}

QSize imageSize(const DiagramScene& scene, const ExportOptions& options)
{
    const QRectF area = paddedBounds(scene, options);
    auto pixels = [&](qreal v) { return int(qBound(0.0, std::ceil(v * options.scale), 1e9)); };
    return QSize(pixels(area.width()), pixels(area.height()));
}

bool exportScene(const DiagramScene& scene, const NotationPainter& painter, const QString& path, ImageFormat format,
                 const ExportOptions& options, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!(options.scale > 0) || !std::isfinite(options.scale)) {
        *error = QStringLiteral("the scale must be a positive number");
        return false;
    }
    switch (format) {
    case ImageFormat::Png: return exportPng(scene, painter, path, options, error);
    case ImageFormat::Svg: return exportSvg(scene, painter, path, options, error);
    case ImageFormat::Pdf: return exportPdf(scene, painter, path, options, error);
    }
    return false;
}

} // namespace runway::modeler::notation
