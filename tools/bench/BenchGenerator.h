// runway-bench-gen's generator: builds a seeded process with its layout (BenchGenerator.cpp) and
// writes it as BPMN 2.0 XML with full DI (BenchXmlWriter.cpp). The command line: bench_gen_main.cpp.
//
// The same seed gives the same bytes on every platform: every random choice is derived from the
// raw output of std::mt19937_64 (whose sequence the C++ standard fixes), never from the standard
// distributions, whose algorithms differ between standard libraries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace runway::bench {

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}

    std::uint64_t raw() { return m_engine(); }
    /// A value in [0, n): the high 32 bits of the engine output scaled by n (bias below 2^-32 * n).
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((m_engine() >> 32) * n) >> 32); }
    /// True with probability p.
    bool chance(double p) { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53 < p; }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N])
    {
        return items[below(static_cast<std::uint32_t>(N))];
    }

private:
    std::mt19937_64 m_engine;
};

// ---------------------------------------------------------------------------------------------
// Vocabulary that both the building and the writing need (the rest is in BenchGenerator.cpp)

struct TimerValue {
    const char* value;
    const char* label;
};

struct ErrorDecl {
    const char* name;
    const char* code;
};
inline constexpr ErrorDecl kErrors[] = {{"Payment failed", "PAYMENT_FAILED"},    {"Address invalid", "ADDRESS_INVALID"},
                                        {"Credit refused", "CREDIT_REFUSED"},    {"Out of stock", "OUT_OF_STOCK"},
                                        {"Service unavailable", "SERVICE_DOWN"}, {"Document missing", "DOC_MISSING"}};

// ---------------------------------------------------------------------------------------------
// Model

enum class Kind {
    StartEvent,
    EndEvent,
    Task,
    UserTask,
    ServiceTask,
    ExclusiveGateway,
    ParallelGateway,
    TimerCatch,
    BoundaryTimer,
    BoundaryError,
    SubProcess,
    Count_ // none: segTask picks a task kind
};

inline bool isEvent(Kind k)
{
    return k == Kind::StartEvent || k == Kind::EndEvent || k == Kind::TimerCatch || k == Kind::BoundaryTimer ||
           k == Kind::BoundaryError;
}
inline bool isGateway(Kind k)
{
    return k == Kind::ExclusiveGateway || k == Kind::ParallelGateway;
}
inline bool isBoundary(Kind k)
{
    return k == Kind::BoundaryTimer || k == Kind::BoundaryError;
}

struct Point {
    int x, y;
};
struct Box {
    int x = 0, y = 0, w = 0, h = 0;
    int right() const { return x + w; }
    int bottom() const { return y + h; }
    int cx() const { return x + w / 2; }
    int cy() const { return y + h / 2; }
};

struct Node {
    Kind kind;
    std::string id, name, documentation;
    int container = 0;     // index into Generator::m_containers
    int ownContainer = -1; // a sub-process's contents
    Box box;
    bool hasLabel = false;
    Box label;
    std::vector<int> incoming, outgoing; // flow indexes
    // events
    std::string eventDefinitionId;
    const TimerValue* timer = nullptr;
    bool timerIsCycle = false;
    int attachedTo = -1;
    bool cancelActivity = true;
    int error = -1;
    // exclusive gateways
    int defaultFlow = -1;
};

struct Flow {
    std::string id, name, condition;
    int source, target;
    std::vector<Point> waypoints;
    bool hasLabel = false;
    Box label;
};

struct Item {
    bool isFlow;
    int index;
};

class Generator {
public:
    Generator(std::uint64_t seed, long nodes) : m_rnd(seed), m_target(nodes) {}

    std::string run();

    std::size_t flowCount() const { return m_flows.size(); }
    std::size_t nodeCount() const { return m_nodes.size(); }

private:
    struct Cursor {
        int last;      // the node the next element connects from
        int x;         // left edge of the next element
        int cy;        // centre line of the chain
        int container; // where new elements go
    };

    // ---- ids and names (BenchGenerator.cpp) ----

    std::string newId(const char* prefix);
    std::string taskName();

    // ---- construction (BenchGenerator.cpp) ----

    int addNode(Kind kind, std::string name, int container, int x, int cy, int w = 0, int h = 0);
    int addFlow(int source, int target, std::string name = {}, std::string condition = {});
    /// Orthogonal waypoints from source to target, the way a modeler's layout draws them.
    void route(Flow& f);
    void link(Cursor& c, int node, std::string name = {}, std::string condition = {});
    int right(int node) const { return m_nodes[static_cast<std::size_t>(node)].box.right(); }
    Kind taskKind();

    // ---- segments of the chain; each returns the number of flow nodes it added (BenchGenerator.cpp) ----

    long segment(Cursor& c, long budget);
    long segTask(Cursor& c, Kind kind = Kind::Count_);
    long segTimer(Cursor& c);
    void segSplit(Cursor& c, bool exclusive, int branches, const int* lengths);
    long segBoundaryTask(Cursor& c, Kind boundary, bool interrupting);
    /// A boundary event on host's lower edge, its handler below, and then either a merge back into
    /// the chain (interrupting) or an end event of its own (non-interrupting): 3 flow nodes.
    void attach(Cursor& c, int host, Kind boundary, bool interrupting);
    void segSubProcess(Cursor& c, int inner, bool withError);

    // ---- XML (BenchXmlWriter.cpp) ----

    void esc(std::string_view s, bool attribute);
    void attr(const char* name, std::string_view value);
    void attr(const char* name, int value);
    void indent(int depth) { m_out.append(static_cast<std::size_t>(depth) * 2, ' '); }
    void textElement(int depth, const char* tag, std::string_view text, const char* xsiType = nullptr);
    void bounds(int depth, const Box& b);
    void labelBounds(int depth, const Box& b);

    static const char* tagOf(Kind k);

    void writeNode(int depth, const Node& n);
    void writeFlow(int depth, const Flow& f);
    void writeContainer(int depth, int container);
    void writeShape(int depth, const Node& n);
    void writeEdge(int depth, const Flow& f);
    std::string write();

    Random m_rnd;
    long m_target;
    std::string m_processId;
    std::vector<std::string> m_errorIds;
    std::unordered_set<std::string> m_ids;
    std::vector<Node> m_nodes;
    std::vector<Flow> m_flows;
    std::vector<std::vector<Item>> m_containers;
    std::vector<Item> m_di; // drawing order: containers before their contents, hosts before boundaries
    int m_rowBottom = 0;
    int m_wrapY = 0;
    bool m_lastIsRightmost = true;
    std::string m_out;
};

} // namespace runway::bench
