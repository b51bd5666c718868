// runway-cli render in the Qt-free build (RUNWAY_CORE_ONLY): drawing needs QtGui, so the command
// is listed but says it is not available here.
#include "CliArgs.h"

#include <cstdio>

namespace runway::cli {

Command renderCommand()
{
    Command c;
    c.name = "render";
    c.summary = "draw a diagram as SVG, PNG or PDF (not in this build)";
    c.help = "Usage: runway-cli render FILE -o OUT.svg|OUT.png|OUT.pdf [--diagram ID] [--scale F]\n\n"
             "Not available in this build: runway-cli was built without Qt (RUNWAY_CORE_ONLY), and drawing\n"
             "needs QtGui. Use a runway-cli from the full build.\n";
    c.run = [](const std::vector<std::string>&) -> int {
        std::fprintf(stderr, "runway-cli render: not available in this build (built without Qt); "
                             "use a runway-cli from the full build\n");
        return Unreadable;
    };
    return c;
}

} // namespace runway::cli
