// runway-bench-gen: building the process and its layout (see BenchGenerator.h); the XML is written
// by BenchXmlWriter.cpp.

#include "BenchGenerator.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace runway::bench {

namespace {

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

const TimerValue kDurations[] = {{"PT15M", "15 minutes"}, {"PT1H", "1 hour"},  {"PT30M", "30 minutes"},
                                 {"P1D", "1 day"},        {"PT2H", "2 hours"}, {"P2D", "2 days"},
                                 {"PT5M", "5 minutes"},   {"P7D", "1 week"}};
const TimerValue kCycles[] = {
    {"R3/PT10M", "every 10 minutes, 3 times"}, {"R/P1D", "every day"}, {"R5/PT1H", "hourly, 5 times"}};

constexpr int kGap = 50;            // horizontal space between shapes
constexpr int kBranchSpacing = 130; // vertical distance between the branches of a split
constexpr int kLeft = 160;
constexpr int kRowWidth = 6000; // wrap the chain into a new row past this x

} // namespace

std::string Generator::run()
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

// ---- ids and names ----

std::string Generator::newId(const char* prefix)
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

std::string Generator::taskName()
{
    return std::string(m_rnd.pick(kVerbs)) + " " + m_rnd.pick(kObjects);
}

// ---- construction ----

int Generator::addNode(Kind kind, std::string name, int container, int x, int cy, int w, int h)
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

int Generator::addFlow(int source, int target, std::string name, std::string condition)
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

void Generator::route(Flow& f)
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

void Generator::link(Cursor& c, int node, std::string name, std::string condition)
{
    if (c.last >= 0)
        addFlow(c.last, node, std::move(name), std::move(condition));
    c.last = node;
}

Kind Generator::taskKind()
{
    const auto r = m_rnd.below(100);
    return r < 30 ? Kind::Task : r < 65 ? Kind::UserTask : Kind::ServiceTask;
}

// ---- segments of the chain; each returns the number of flow nodes it added ----

long Generator::segment(Cursor& c, long budget)
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

long Generator::segTask(Cursor& c, Kind kind)
{
    const int n = addNode(kind == Kind::Count_ ? taskKind() : kind, taskName(), c.container, c.x, c.cy);
    link(c, n);
    c.x = right(n) + kGap;
    return 1;
}

long Generator::segTimer(Cursor& c)
{
    const TimerValue& t = m_rnd.pick(kDurations);
    const int n = addNode(Kind::TimerCatch, std::string("Wait ") + t.label, c.container, c.x, c.cy);
    m_nodes[static_cast<std::size_t>(n)].timer = &t;
    m_nodes[static_cast<std::size_t>(n)].eventDefinitionId = newId("TimerEventDefinition_");
    link(c, n);
    c.x = right(n) + kGap;
    return 1;
}

void Generator::segSplit(Cursor& c, bool exclusive, int branches, const int* lengths)
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

long Generator::segBoundaryTask(Cursor& c, Kind boundary, bool interrupting)
{
    const int host =
        addNode(boundary == Kind::BoundaryError ? Kind::ServiceTask : taskKind(), taskName(), c.container, c.x, c.cy);
    link(c, host);
    c.x = right(host) + kGap;
    attach(c, host, boundary, interrupting);
    return 4;
}

void Generator::attach(Cursor& c, int host, Kind boundary, bool interrupting)
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

void Generator::segSubProcess(Cursor& c, int inner, bool withError)
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
    const int sp =
        addNode(Kind::SubProcess, std::string("Handle ") + m_rnd.pick(kObjects), c.container, c.x, c.cy, width, 200);
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

} // namespace runway::bench
