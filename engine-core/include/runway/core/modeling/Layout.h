#pragma once

#include "runway/core/modeling/Modeling.h"

namespace runway::core::modeling {

struct LayoutOptions {
    double layerGap = 60;  ///< horizontal space between layers
    double nodeGap = 40;   ///< vertical space between nodes of one layer
    double padding = 30;   ///< inside sub-processes, pools and lanes
    Point origin{150, 80}; ///< top-left of the first process or pool
};

/// Whether a document needs a layout: no diagram, or a flow node or sequence flow not drawn.
bool needsLayout(const Document& doc);

/// Lays the whole document out afresh, left to right, as one undo step: a layered layout
/// (cycles broken by depth-first search, longest-path layering, barycentre crossing reduction over
/// four sweeps, coordinates that keep a node level with its predecessors), done inside out so
/// sub-processes are expanded around their contents; pools stacked, each around its process, lanes
/// as horizontal bands holding their nodes; orthogonal routes for every connection. The diagrams
/// of the document are replaced by one complete diagram. See docs/decisions/0009-own-auto-layout.md.
Edit autoLayout(Modeling& m, const LayoutOptions& options = {});

} // namespace runway::core::modeling
