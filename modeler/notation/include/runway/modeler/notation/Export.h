// Image export of a whole diagram: SVG (text kept as text), PNG (scaled), PDF (one page or tiled).
// Used by `runway-cli render` and the application's File menu. No editor chrome: only the notation.
#pragma once

#include "runway/modeler/notation/DiagramPainter.h"

#include <QPageSize>

namespace runway::modeler::notation {

enum class ImageFormat { Svg, Png, Pdf };

struct ExportOptions {
    qreal scale = 1.0;   ///< PNG: pixels per diagram unit; SVG: size factor; PDF: ignored when fitting
    qreal margin = 20;   ///< around the diagram, in diagram units
    QPageSize pageSize{QPageSize::A4};
    bool tile = false;   ///< PDF: at the given scale across as many pages as needed, instead of one page
    bool transparent = false; ///< PNG/SVG: no background
    /// Largest PNG allowed, in pixels (both sides multiplied); bigger asks for a smaller scale.
    qint64 maxPixels = 100'000'000;
};

/// The format named by a file's extension (.svg, .png, .pdf; any case), or nullopt.
std::optional<ImageFormat> formatForPath(const QString& path);

/// Where the scene's diagram point `scenePoint` lands in the exported image (PNG pixels, SVG
/// user units): (scenePoint - scene.bounds.topLeft() + margin) * scale.
QPointF imagePoint(const DiagramScene& scene, const ExportOptions& options, QPointF scenePoint);
/// The size of the image in pixels (PNG) or user units (SVG).
QSize imageSize(const DiagramScene& scene, const ExportOptions& options);

/// Writes the scene to path in the given format. On failure returns false with a message in
/// *error ("what, and what to do"); a partial file is not left behind.
bool exportScene(const DiagramScene& scene, const NotationPainter& painter, const QString& path, ImageFormat format,
                 const ExportOptions& options, QString* error);

} // namespace runway::modeler::notation
