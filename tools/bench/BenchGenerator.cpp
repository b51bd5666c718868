// runway-bench-gen: writes a seeded, schema-valid BPMN 2.0 file with full DI and an exact number
// of flow nodes, for the read/write benchmarks (see tools/bench/README.md).
//
// The same seed gives the same bytes on every platform: every random choice is derived from the
// raw output of std::mt19937_64 (whose sequence the C++ standard fixes), never from the standard
// distributions, whose algorithms differ between standard libraries.

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace {

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
// Vocabulary

const char* const kVerbs[] = {"Check",    "Review",   "Approve",   "Register", "Prepare", "Send",
                              "Update",   "Validate", "Calculate", "Archive",  "Notify",  "Assess",
                              "Book",     "Confirm",  "Ship",      "Invoice",  "Collect", "Verify",
                              "Schedule", "Escalate", "Record",    "Sign",     "Scan",    "Reconcile"};
const char* const kObjects[] = {"order",           "invoice",          "customer data",   "credit limit",
                                "contract",        "shipment",         "payment",         "claim",
                                "application",     "documents",        "quote",           "delivery date",
                                "stock level",     "refund",           "complaint",       "terms & conditions",
                                "supplier rating", "purchase request", "travel expenses", "customer address"};
const char* const kHandlers[] = {"Notify customer",       "Cancel order",        "Inform account manager",
                                 "Retry later",           "Open support ticket", "Send reminder",
                                 "Escalate to team lead", "Compensate booking",  "Log incident"};
const char* const kDocs[] = {
    "Done by the back office within one working day. See the handbook, chapter 4, for the exceptions.",
    "Automated step; on failure the incident goes to the integration team's queue.",
    "Four-eyes principle: the approver must not be the requester.",
    "Amounts are in EUR, net of VAT; round half up to the cent.",
};

struct Decision {
    const char* gatewayName;
    struct Branch {
        const char* name;
        const char* condition;
    } branches[2];
    const char* otherwise;
};
const Decision kDecisions[] = {
    {"Amount?", {{"over 1,000", "=amount > 1000"}, {"over 100", "=amount > 100 and amount <= 1000"}}, "small amount"},
    {"Customer known?", {{"yes", "=customer != null"}, {"premium", "=customer.tier = \"premium\""}}, "no"},
    {"Risk level?", {{"high", "=riskLevel = \"high\""}, {"medium", "=riskLevel = \"medium\""}}, "low"},
    {"Stock available?", {{"in stock", "=stock >= quantity"}, {"partly", "=stock > 0 and stock < quantity"}}, "none"},
    {"Approved?", {{"approved", "=approved"}, {"needs changes", "=not(approved) and changesRequested"}}, "rejected"},
    {"Shipping?", {{"express", "=shipping = \"express\""}, {"light parcel", "=weight < 2"}}, "standard"},
};

struct TimerValue {
    const char* value;
    const char* label;
};
const TimerValue kDurations[] = {{"PT15M", "15 minutes"}, {"PT1H", "1 hour"},  {"PT30M", "30 minutes"},
                                 {"P1D", "1 day"},        {"PT2H", "2 hours"}, {"P2D", "2 days"},
                                 {"PT5M", "5 minutes"},   {"P7D", "1 week"}};
const TimerValue kCycles[] = {
    {"R3/PT10M", "every 10 minutes, 3 times"}, {"R/P1D", "every day"}, {"R5/PT1H", "hourly, 5 times"}};

struct ErrorDecl {
    const char* name;
    const char* code;
};
const ErrorDecl kErrors[] = {{"Payment failed", "PAYMENT_FAILED"},    {"Address invalid", "ADDRESS_INVALID"},
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

bool isEvent(Kind k)
{
    return k == Kind::StartEvent || k == Kind::EndEvent || k == Kind::TimerCatch || k == Kind::BoundaryTimer ||
           k == Kind::BoundaryError;
}
bool isGateway(Kind k)
{
    return k == Kind::ExclusiveGateway || k == Kind::ParallelGateway;
}
bool isBoundary(Kind k)
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

constexpr int kGap = 50;            // horizontal space between shapes
constexpr int kBranchSpacing = 130; // vertical distance between the branches of a split
constexpr int kLeft = 160;
constexpr int kRowWidth = 6000; // wrap the chain into a new row past this x

class Generator {
public:
    Generator(std::uint64_t seed, long nodes) : m_rnd(seed), m_target(nodes) {}

    std::string run()
    {
        m_containers.emplace_back(); // 0: the process
        m_processId = newId("Process_");
        for (const auto& e : kErrors)
            m_errorIds.push_back(newId("Error_")), static_cast<void>(e);

        long remaining = m_target - 2; // the start and end events
        m_rowBottom = 0;
        Cursor c{-1, kLeft, 120, 0};
        int start = addNode(Kind::StartEvent, "Order received", 0, c.x, c.cy);
        c.last = start;
        c.x = m_nodes[start].box.right() + kGap;

        while (remaining > 0) {
            if (c.x > kRowWidth && m_lastIsRightmost) {
                // Next row: the chain turns back to the left margin, below everything so far.
                m_wrapY = m_rowBottom + 55;
                c.cy = m_rowBottom + 230;
                c.x = kLeft;
                m_rowBottom = 0;
            }
            remaining -= segment(c, remaining);
        }
        int end = addNode(Kind::EndEvent, "Order closed", 0, c.x, c.cy);
        link(c, end);
        return write();
    }

    std::size_t flowCount() const { return m_flows.size(); }
    std::size_t nodeCount() const { return m_nodes.size(); }

private:
    struct Cursor {
        int last;      // the node the next element connects from
        int x;         // left edge of the next element
        int cy;        // centre line of the chain
        int container; // where new elements go
    };

    // ---- ids and names ----

    std::string newId(const char* prefix)
    {
        static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
        while (true) {
            std::string id(prefix);
            std::uint64_t v = m_rnd.raw();
            id += static_cast<char>('0' + (v & 1)); // as bpmn-js ids look: Activity_0k2x9d1
            v >>= 1;
            for (int i = 0; i < 6; ++i) {
                id += digits[v % 36];
                v /= 36;
            }
            if (m_ids.insert(id).second)
                return id;
        }
    }

    std::string taskName() { return std::string(m_rnd.pick(kVerbs)) + " " + m_rnd.pick(kObjects); }

    // ---- construction ----

    int addNode(Kind kind, std::string name, int container, int x, int cy, int w = 0, int h = 0)
    {
        Node n;
        n.kind = kind;
        n.name = std::move(name);
        n.container = container;
        switch (kind) {
        case Kind::StartEvent: n.id = m_nodes.empty() ? "StartEvent_1" : newId("Event_"); break;
        case Kind::Task:
        case Kind::UserTask:
        case Kind::ServiceTask:
        case Kind::SubProcess: n.id = newId("Activity_"); break;
        case Kind::ExclusiveGateway:
        case Kind::ParallelGateway: n.id = newId("Gateway_"); break;
        default: n.id = newId("Event_"); break;
        }
        if (w == 0) {
            if (isEvent(kind))
                w = h = 36;
            else if (isGateway(kind))
                w = h = 50;
            else
                w = 100, h = 80;
        }
        n.box = {x, cy - h / 2, w, h};
        if (!n.name.empty() && (isEvent(kind) || isGateway(kind))) {
            n.hasLabel = true;
            const int chars = static_cast<int>(n.name.size());
            n.label.w = std::clamp(chars * 6 + 4, 20, 90);
            n.label.h = chars > 15 ? 27 : 14;
            n.label.x = n.box.cx() - n.label.w / 2;
            // bpmn-js puts gateway labels above, event labels below.
            n.label.y = isGateway(kind) ? n.box.y - 7 - n.label.h : n.box.bottom() + 7;
        }
        if (kind == Kind::Task || kind == Kind::UserTask || kind == Kind::ServiceTask)
            if (m_rnd.chance(0.05))
                n.documentation = m_rnd.pick(kDocs);
        m_rowBottom = std::max({m_rowBottom, n.box.bottom(), n.hasLabel ? n.label.bottom() : 0});
        const int index = static_cast<int>(m_nodes.size());
        m_nodes.push_back(std::move(n));
        m_containers[static_cast<std::size_t>(container)].push_back({false, index});
        m_di.push_back({false, index});
        m_lastIsRightmost = true;
        return index;
    }

    int addFlow(int source, int target, std::string name = {}, std::string condition = {})
    {
        Flow f;
        f.id = newId("Flow_");
        f.source = source;
        f.target = target;
        f.name = std::move(name);
        f.condition = std::move(condition);
        route(f);
        if (!f.name.empty()) {
            // Beside the first leg of the edge, as a modeler places it.
            const Point a = f.waypoints[0], b = f.waypoints[1];
            const int chars = static_cast<int>(f.name.size());
            f.hasLabel = true;
            f.label.w = std::clamp(chars * 6 + 4, 20, 90);
            f.label.h = 14;
            f.label.x = (a.x + b.x) / 2 + 6;
            f.label.y = (a.y + b.y) / 2 - (a.y == b.y ? 20 : 7);
        }
        const int index = static_cast<int>(m_flows.size());
        m_nodes[static_cast<std::size_t>(source)].outgoing.push_back(index);
        m_nodes[static_cast<std::size_t>(target)].incoming.push_back(index);
        const int container = m_nodes[static_cast<std::size_t>(source)].container;
        m_flows.push_back(std::move(f));
        m_containers[static_cast<std::size_t>(container)].push_back({true, index});
        m_di.push_back({true, index});
        return index;
    }

    /// Orthogonal waypoints from source to target, the way a modeler's layout draws them.
    void route(Flow& f)
    {
        const Node& s = m_nodes[static_cast<std::size_t>(f.source)];
        const Node& t = m_nodes[static_cast<std::size_t>(f.target)];
        const Box a = s.box, b = t.box;
        auto& w = f.waypoints;
        if (b.x < a.x && m_wrapY > 0) {
            // Back to the start of the next row, through the gap between the rows.
            const int turnX = a.right() + 25;
            w = {{a.right(), a.cy()}, {turnX, a.cy()},    {turnX, m_wrapY},
                 {b.x - 30, m_wrapY}, {b.x - 30, b.cy()}, {b.x, b.cy()}};
            m_wrapY = 0;
        } else if (isBoundary(s.kind)) {
            w = {{a.cx(), a.bottom()}, {a.cx(), b.cy()}, {b.x, b.cy()}};
        } else if (a.cy() == b.cy()) {
            w = {{a.right(), a.cy()}, {b.x, b.cy()}};
        } else if (isGateway(s.kind)) {
            const int y = b.cy() > a.cy() ? a.bottom() : a.y;
            w = {{a.cx(), y}, {a.cx(), b.cy()}, {b.x, b.cy()}};
        } else if (isGateway(t.kind)) {
            const int y = a.cy() > b.cy() ? b.bottom() : b.y;
            w = {{a.right(), a.cy()}, {b.cx(), a.cy()}, {b.cx(), y}};
        } else {
            const int mid = (a.right() + b.x) / 2;
            w = {{a.right(), a.cy()}, {mid, a.cy()}, {mid, b.cy()}, {b.x, b.cy()}};
        }
    }

    void link(Cursor& c, int node, std::string name = {}, std::string condition = {})
    {
        if (c.last >= 0)
            addFlow(c.last, node, std::move(name), std::move(condition));
        c.last = node;
    }

    int right(int node) const { return m_nodes[static_cast<std::size_t>(node)].box.right(); }

    Kind taskKind()
    {
        const auto r = m_rnd.below(100);
        return r < 30 ? Kind::Task : r < 65 ? Kind::UserTask : Kind::ServiceTask;
    }

    // ---- segments of the chain; each returns the number of flow nodes it added ----

    long segment(Cursor& c, long budget)
    {
        const auto r = m_rnd.below(100);
        // The mix, in percent: tasks 52, timers 7, exclusive splits 11, parallel splits 7, boundary
        // timers 8, boundary errors 8, sub-processes 7.
        if (r < 52 || budget < 4)
            return segTask(c);
        if (r < 59)
            return segTimer(c);
        if (r < 77) {
            const bool exclusive = r < 70;
            const int branches = m_rnd.chance(0.3) ? 3 : 2;
            int lengths[3];
            long count = 2;
            for (int i = 0; i < branches; ++i)
                count += lengths[i] = m_rnd.chance(0.4) ? 2 : 1;
            if (count > budget)
                return segTask(c);
            segSplit(c, exclusive, branches, lengths);
            return count;
        }
        if (r < 85)
            return segBoundaryTask(c, Kind::BoundaryTimer, m_rnd.chance(0.6));
        if (r < 93)
            return segBoundaryTask(c, Kind::BoundaryError, true);
        const int inner = 2 + static_cast<int>(m_rnd.below(2));
        const bool withError = m_rnd.chance(0.4);
        const long count = 1 + 2 + inner + (withError ? 3 : 0);
        if (count > budget)
            return segTask(c);
        segSubProcess(c, inner, withError);
        return count;
    }

    long segTask(Cursor& c, Kind kind = Kind::Count_)
    {
        const int n = addNode(kind == Kind::Count_ ? taskKind() : kind, taskName(), c.container, c.x, c.cy);
        link(c, n);
        c.x = right(n) + kGap;
        return 1;
    }

    long segTimer(Cursor& c)
    {
        const TimerValue& t = m_rnd.pick(kDurations);
        const int n = addNode(Kind::TimerCatch, std::string("Wait ") + t.label, c.container, c.x, c.cy);
        m_nodes[static_cast<std::size_t>(n)].timer = &t;
        m_nodes[static_cast<std::size_t>(n)].eventDefinitionId = newId("TimerEventDefinition_");
        link(c, n);
        c.x = right(n) + kGap;
        return 1;
    }

    void segSplit(Cursor& c, bool exclusive, int branches, const int* lengths)
    {
        const Kind gk = exclusive ? Kind::ExclusiveGateway : Kind::ParallelGateway;
        const Decision& d = m_rnd.pick(kDecisions);
        const int split = addNode(gk, exclusive ? d.gatewayName : "", c.container, c.x, c.cy);
        link(c, split);
        const int bx = right(split) + kGap;
        int maxLength = 0;
        for (int i = 0; i < branches; ++i)
            maxLength = std::max(maxLength, lengths[i]);
        const int joinX = bx + maxLength * (100 + kGap);
        std::vector<int> ends;
        for (int i = 0; i < branches; ++i) {
            Cursor b{split, bx, c.cy + i * kBranchSpacing, c.container};
            for (int k = 0; k < lengths[i]; ++k) {
                const int n = addNode(taskKind(), taskName(), c.container, b.x, b.cy);
                if (k == 0 && exclusive) {
                    // The last branch is the default flow ("otherwise"); the others have conditions.
                    if (i + 1 == branches) {
                        link(b, n, d.otherwise);
                        m_nodes[static_cast<std::size_t>(split)].defaultFlow = static_cast<int>(m_flows.size()) - 1;
                    } else {
                        link(b, n, d.branches[i].name, d.branches[i].condition);
                    }
                } else {
                    link(b, n);
                }
                b.x = right(n) + kGap;
            }
            ends.push_back(b.last);
        }
        const int join = addNode(gk, "", c.container, joinX, c.cy);
        for (int e : ends)
            addFlow(e, join);
        c.last = join;
        c.x = right(join) + kGap;
    }

    long segBoundaryTask(Cursor& c, Kind boundary, bool interrupting)
    {
        const int host = addNode(boundary == Kind::BoundaryError ? Kind::ServiceTask : taskKind(), taskName(),
                                 c.container, c.x, c.cy);
        link(c, host);
        c.x = right(host) + kGap;
        attach(c, host, boundary, interrupting);
        return 4;
    }

    /// A boundary event on host's lower edge, its handler below, and then either a merge back into
    /// the chain (interrupting) or an end event of its own (non-interrupting): 3 flow nodes.
    void attach(Cursor& c, int host, Kind boundary, bool interrupting)
    {
        const Box h = m_nodes[static_cast<std::size_t>(host)].box;
        std::string name;
        const TimerValue* timer = nullptr;
        int error = -1;
        if (boundary == Kind::BoundaryTimer) {
            timer = interrupting ? &m_rnd.pick(kDurations) : &m_rnd.pick(kCycles);
            name = timer->label;
        } else {
            error = static_cast<int>(m_rnd.below(static_cast<std::uint32_t>(std::size(kErrors))));
            name = kErrors[error].name;
        }
        const int be = addNode(boundary, name, c.container, h.right() - 70, h.bottom());
        {
            Node& n = m_nodes[static_cast<std::size_t>(be)];
            n.attachedTo = host;
            n.cancelActivity = interrupting;
            n.timer = timer;
            n.timerIsCycle = timer && !interrupting;
            n.error = error;
            n.eventDefinitionId =
                newId(boundary == Kind::BoundaryTimer ? "TimerEventDefinition_" : "ErrorEventDefinition_");
            n.label.x = n.box.right() + 4; // beside the event, clear of the edge that leaves it downwards
            n.label.y = n.box.bottom() + 4;
            m_rowBottom = std::max(m_rowBottom, n.label.bottom());
        }
        const int handlerY = h.bottom() + 100;
        Cursor hc{be, m_nodes[static_cast<std::size_t>(be)].box.cx() + 50, handlerY, c.container};
        const int handler = addNode(Kind::UserTask, m_rnd.pick(kHandlers), c.container, hc.x, hc.cy);
        link(hc, handler);
        hc.x = right(handler) + kGap;
        if (interrupting) {
            const int merge = addNode(Kind::ExclusiveGateway, "", c.container, std::max(c.x, hc.x), c.cy);
            link(c, merge);
            addFlow(handler, merge);
            c.x = right(merge) + kGap;
        } else {
            const int end = addNode(Kind::EndEvent, "Reminder sent", c.container, hc.x, hc.cy);
            link(hc, end);
            c.x = std::max(c.x, right(end) + kGap);
            m_lastIsRightmost = false; // the chain goes on from the host, left of this end event
        }
    }

    void segSubProcess(Cursor& c, int inner, bool withError)
    {
        // Contents first in size: start, inner steps, end, with padding.
        std::vector<bool> timers;
        int width = 40 + 36;
        for (int i = 0; i < inner; ++i) {
            const bool timer = i > 0 && m_rnd.chance(0.25);
            timers.push_back(timer);
            width += kGap + (timer ? 36 : 100);
        }
        width += kGap + 36 + 40;
        const int sp = addNode(Kind::SubProcess, std::string("Handle ") + m_rnd.pick(kObjects), c.container, c.x, c.cy,
                               width, 200);
        link(c, sp);
        const int own = static_cast<int>(m_containers.size());
        m_containers.emplace_back();
        m_nodes[static_cast<std::size_t>(sp)].ownContainer = own;

        Cursor in{-1, c.x + 40, c.cy, own};
        const int start = addNode(Kind::StartEvent, "Started", own, in.x, in.cy);
        in.last = start;
        in.x = right(start) + kGap;
        for (bool timer : timers)
            timer ? segTimer(in) : segTask(in);
        const int end = addNode(Kind::EndEvent, "Done", own, in.x, in.cy);
        link(in, end);

        c.last = sp;
        c.x = right(sp) + kGap;
        if (withError)
            attach(c, sp, Kind::BoundaryError, true);
    }

    // ---- XML ----

    void esc(std::string_view s, bool attribute)
    {
        for (char ch : s) {
            switch (ch) {
            case '&': m_out += "&amp;"; break;
            case '<': m_out += "&lt;"; break;
            case '>': m_out += "&gt;"; break;
            case '"':
                if (attribute)
                    m_out += "&quot;";
                else
                    m_out += ch;
                break;
            default: m_out += ch;
            }
        }
    }
    void attr(const char* name, std::string_view value)
    {
        m_out += ' ';
        m_out += name;
        m_out += "=\"";
        esc(value, true);
        m_out += '"';
    }
    void attr(const char* name, int value)
    {
        char buf[16];
        auto r = std::to_chars(buf, buf + sizeof buf, value);
        m_out += ' ';
        m_out += name;
        m_out += "=\"";
        m_out.append(buf, r.ptr);
        m_out += '"';
    }
    void indent(int depth) { m_out.append(static_cast<std::size_t>(depth) * 2, ' '); }
    void textElement(int depth, const char* tag, std::string_view text, const char* xsiType = nullptr)
    {
        indent(depth);
        m_out += '<';
        m_out += tag;
        if (xsiType)
            attr("xsi:type", xsiType);
        m_out += '>';
        esc(text, false);
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }
    void bounds(int depth, const Box& b)
    {
        indent(depth);
        m_out += "<dc:Bounds";
        attr("x", b.x);
        attr("y", b.y);
        attr("width", b.w);
        attr("height", b.h);
        m_out += " />\n";
    }
    void labelBounds(int depth, const Box& b)
    {
        indent(depth);
        m_out += "<bpmndi:BPMNLabel>\n";
        bounds(depth + 1, b);
        indent(depth);
        m_out += "</bpmndi:BPMNLabel>\n";
    }

    static const char* tagOf(Kind k)
    {
        switch (k) {
        case Kind::StartEvent: return "bpmn:startEvent";
        case Kind::EndEvent: return "bpmn:endEvent";
        case Kind::Task: return "bpmn:task";
        case Kind::UserTask: return "bpmn:userTask";
        case Kind::ServiceTask: return "bpmn:serviceTask";
        case Kind::ExclusiveGateway: return "bpmn:exclusiveGateway";
        case Kind::ParallelGateway: return "bpmn:parallelGateway";
        case Kind::TimerCatch: return "bpmn:intermediateCatchEvent";
        case Kind::BoundaryTimer:
        case Kind::BoundaryError: return "bpmn:boundaryEvent";
        case Kind::SubProcess: return "bpmn:subProcess";
        default: return "";
        }
    }

    void writeNode(int depth, const Node& n)
    {
        const char* tag = tagOf(n.kind);
        indent(depth);
        m_out += '<';
        m_out += tag;
        attr("id", n.id);
        if (!n.name.empty())
            attr("name", n.name);
        if (isBoundary(n.kind)) {
            if (!n.cancelActivity)
                attr("cancelActivity", "false");
            attr("attachedToRef", m_nodes[static_cast<std::size_t>(n.attachedTo)].id);
        }
        if (n.defaultFlow >= 0)
            attr("default", m_flows[static_cast<std::size_t>(n.defaultFlow)].id);
        m_out += ">\n";
        if (!n.documentation.empty())
            textElement(depth + 1, "bpmn:documentation", n.documentation);
        for (int f : n.incoming)
            textElement(depth + 1, "bpmn:incoming", m_flows[static_cast<std::size_t>(f)].id);
        for (int f : n.outgoing)
            textElement(depth + 1, "bpmn:outgoing", m_flows[static_cast<std::size_t>(f)].id);
        if (n.timer) {
            indent(depth + 1);
            m_out += "<bpmn:timerEventDefinition";
            attr("id", n.eventDefinitionId);
            m_out += ">\n";
            textElement(depth + 2, n.timerIsCycle ? "bpmn:timeCycle" : "bpmn:timeDuration", n.timer->value,
                        "bpmn:tFormalExpression");
            indent(depth + 1);
            m_out += "</bpmn:timerEventDefinition>\n";
        } else if (n.error >= 0) {
            indent(depth + 1);
            m_out += "<bpmn:errorEventDefinition";
            attr("id", n.eventDefinitionId);
            attr("errorRef", m_errorIds[static_cast<std::size_t>(n.error)]);
            m_out += " />\n";
        }
        if (n.ownContainer >= 0)
            writeContainer(depth + 1, n.ownContainer);
        indent(depth);
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }

    void writeFlow(int depth, const Flow& f)
    {
        indent(depth);
        m_out += "<bpmn:sequenceFlow";
        attr("id", f.id);
        if (!f.name.empty())
            attr("name", f.name);
        attr("sourceRef", m_nodes[static_cast<std::size_t>(f.source)].id);
        attr("targetRef", m_nodes[static_cast<std::size_t>(f.target)].id);
        if (f.condition.empty()) {
            m_out += " />\n";
            return;
        }
        m_out += ">\n";
        textElement(depth + 1, "bpmn:conditionExpression", f.condition, "bpmn:tFormalExpression");
        indent(depth);
        m_out += "</bpmn:sequenceFlow>\n";
    }

    void writeContainer(int depth, int container)
    {
        for (const Item& it : m_containers[static_cast<std::size_t>(container)]) {
            if (it.isFlow)
                writeFlow(depth, m_flows[static_cast<std::size_t>(it.index)]);
            else
                writeNode(depth, m_nodes[static_cast<std::size_t>(it.index)]);
        }
    }

    void writeShape(int depth, const Node& n)
    {
        indent(depth);
        m_out += "<bpmndi:BPMNShape";
        attr("id", n.id + "_di");
        attr("bpmnElement", n.id);
        if (n.kind == Kind::ExclusiveGateway)
            attr("isMarkerVisible", "true");
        if (n.kind == Kind::SubProcess)
            attr("isExpanded", "true");
        m_out += ">\n";
        bounds(depth + 1, n.box);
        if (n.hasLabel)
            labelBounds(depth + 1, n.label);
        indent(depth);
        m_out += "</bpmndi:BPMNShape>\n";
    }

    void writeEdge(int depth, const Flow& f)
    {
        indent(depth);
        m_out += "<bpmndi:BPMNEdge";
        attr("id", f.id + "_di");
        attr("bpmnElement", f.id);
        m_out += ">\n";
        for (const Point& p : f.waypoints) {
            indent(depth + 1);
            m_out += "<di:waypoint";
            attr("x", p.x);
            attr("y", p.y);
            m_out += " />\n";
        }
        if (f.hasLabel)
            labelBounds(depth + 1, f.label);
        indent(depth);
        m_out += "</bpmndi:BPMNEdge>\n";
    }

    std::string write()
    {
        m_out.reserve(static_cast<std::size_t>(m_target) * 700 + 4096);
        m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        m_out += "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                 " xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\""
                 " xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\""
                 " xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\""
                 " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                 " xmlns:modeler=\"http://camunda.org/schema/modeler/1.0\""
                 " id=\"Definitions_bench\" targetNamespace=\"http://bpmn.io/schema/bpmn\""
                 " exporter=\"runway-bench-gen\" exporterVersion=\"1\""
                 " modeler:executionPlatform=\"Camunda Cloud\" modeler:executionPlatformVersion=\"8.6.0\">\n";
        for (std::size_t i = 0; i < std::size(kErrors); ++i) {
            indent(1);
            m_out += "<bpmn:error";
            attr("id", m_errorIds[i]);
            attr("name", kErrors[i].name);
            attr("errorCode", kErrors[i].code);
            m_out += " />\n";
        }
        indent(1);
        m_out += "<bpmn:process";
        attr("id", m_processId);
        attr("name", "Order to cash (generated)");
        attr("isExecutable", "true");
        m_out += ">\n";
        writeContainer(2, 0);
        indent(1);
        m_out += "</bpmn:process>\n";
        indent(1);
        m_out += "<bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n";
        indent(2);
        m_out += "<bpmndi:BPMNPlane id=\"BPMNPlane_1\"";
        attr("bpmnElement", m_processId);
        m_out += ">\n";
        for (const Item& it : m_di) {
            if (it.isFlow)
                writeEdge(3, m_flows[static_cast<std::size_t>(it.index)]);
            else
                writeShape(3, m_nodes[static_cast<std::size_t>(it.index)]);
        }
        indent(2);
        m_out += "</bpmndi:BPMNPlane>\n";
        indent(1);
        m_out += "</bpmndi:BPMNDiagram>\n";
        m_out += "</bpmn:definitions>\n";
        return std::move(m_out);
    }

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

void usage(std::FILE* to)
{
    std::fputs("usage: runway-bench-gen --nodes N [--seed S] [-o FILE]\n"
               "Writes a schema-valid BPMN 2.0 process with exactly N flow nodes (N >= 2) and full DI.\n"
               "The same seed (default 42) gives the same bytes. Without -o, or with -o -, writes to stdout.\n",
               to);
}

bool parseNumber(const char* s, std::uint64_t& out)
{
    const char* end = s + std::strlen(s);
    auto r = std::from_chars(s, end, out);
    return r.ec == std::errc() && r.ptr == end && end != s;
}

} // namespace

int main(int argc, char** argv)
{
    std::uint64_t nodes = 0, seed = 42;
    std::string output = "-";
    bool haveNodes = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "runway-bench-gen: %s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--nodes") {
            haveNodes = parseNumber(value(), nodes);
            if (!haveNodes) {
                std::fprintf(stderr, "runway-bench-gen: --nodes takes a whole number\n");
                return 2;
            }
        } else if (a == "--seed") {
            if (!parseNumber(value(), seed)) {
                std::fprintf(stderr, "runway-bench-gen: --seed takes a whole number\n");
                return 2;
            }
        } else if (a == "-o" || a == "--output") {
            output = value();
        } else if (a == "-h" || a == "--help") {
            usage(stdout);
            return 0;
        } else {
            std::fprintf(stderr, "runway-bench-gen: unknown argument '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (!haveNodes || nodes < 2 || nodes > 10'000'000) {
        std::fprintf(stderr, "runway-bench-gen: --nodes N is required, with 2 <= N <= 10000000\n");
        usage(stderr);
        return 2;
    }

    Generator g(seed, static_cast<long>(nodes));
    const std::string xml = g.run();
    if (g.nodeCount() != nodes) { // the segment budget guarantees this; check anyway
        std::fprintf(stderr, "runway-bench-gen: internal error: made %zu flow nodes instead of %llu\n", g.nodeCount(),
                     static_cast<unsigned long long>(nodes));
        return 1;
    }

    std::FILE* f = output == "-" ? stdout : std::fopen(output.c_str(), "wb");
    if (!f) {
        std::fprintf(stderr, "runway-bench-gen: cannot write %s: %s\n", output.c_str(), std::strerror(errno));
        return 1;
    }
    const bool ok = std::fwrite(xml.data(), 1, xml.size(), f) == xml.size() && std::fflush(f) == 0;
    if (f != stdout && std::fclose(f) != 0)
        return 1;
    if (!ok) {
        std::fprintf(stderr, "runway-bench-gen: writing %s failed\n", output.c_str());
        return 1;
    }
    if (output != "-")
        std::fprintf(stderr, "runway-bench-gen: %s: %zu flow nodes, %zu sequence flows, %zu bytes (seed %llu)\n",
                     output.c_str(), g.nodeCount(), g.flowCount(), xml.size(), static_cast<unsigned long long>(seed));
    return 0;
}
