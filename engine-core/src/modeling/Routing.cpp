#include "runway/core/modeling/Routing.h"

#include <algorithm>
#include <cmath>

namespace runway::core::modeling::routing {

namespace {
double right(const Bounds& b)
{
    return b.x + b.width;
}
double bottom(const Bounds& b)
{
    return b.y + b.height;
}
Point centre(const Bounds& b)
{
    return {b.x + b.width / 2, b.y + b.height / 2};
}
bool near(double a, double b, double tol = 0.5)
{
    return std::abs(a - b) <= tol;
}
bool inside(const Bounds& b, Point p)
{
    return p.x > b.x && p.x < right(b) && p.y > b.y && p.y < bottom(b);
}
} // namespace

std::vector<Point> route(const Bounds& s, const Bounds& t, bool fromBottom)
{
    const Point sc = centre(s), tc = centre(t);
    if (fromBottom) {
        const Point start{sc.x, bottom(s)};
        if (tc.y > bottom(s) && (tc.x > right(t) || t.x > sc.x || right(t) < sc.x)) {
            // down, then across into the target's near side
            const double endX = t.x > sc.x ? t.x : right(t);
            return {start, {sc.x, tc.y}, {endX, tc.y}};
        }
        if (t.y > bottom(s)) // straight below: down into the top
            return near(sc.x, tc.x)
                       ? std::vector<Point>{start, {tc.x, t.y}}
                       : std::vector<Point>{
                             start, {sc.x, (bottom(s) + t.y) / 2}, {tc.x, (bottom(s) + t.y) / 2}, {tc.x, t.y}};
        const double below = std::max(bottom(s), bottom(t)) + 20;
        return {start, {sc.x, below}, {tc.x, below}, {tc.x, bottom(t)}};
    }
    if (t.x >= right(s) || right(t) <= s.x) {
        const bool forward = t.x >= right(s);
        const Point start{forward ? right(s) : s.x, sc.y};
        const Point end{forward ? t.x : right(t), tc.y};
        if (near(start.y, end.y))
            return {start, {end.x, start.y}};
        const double mid = (start.x + end.x) / 2;
        return {start, {mid, start.y}, {mid, end.y}, end};
    }
    const bool down = tc.y >= sc.y;
    const Point start{sc.x, down ? bottom(s) : s.y};
    const Point end{tc.x, down ? t.y : bottom(t)};
    if (near(start.x, end.x))
        return {start, {start.x, end.y}};
    if ((down && end.y > start.y) || (!down && end.y < start.y)) {
        const double mid = (start.y + end.y) / 2;
        return {start, {start.x, mid}, {end.x, mid}, end};
    }
    // overlapping shapes: go around on the right
    const double outX = std::max(right(s), right(t)) + 20;
    const Point s2{right(s), sc.y}, e2{right(t), tc.y};
    return {s2, {outX, s2.y}, {outX, e2.y}, e2};
}

bool dockOrthogonally(const Bounds& b, Point p, Point* dock)
{
    if (inside(b, p))
        return false;
    if (p.x >= b.x && p.x <= right(b)) {
        *dock = {p.x, p.y < b.y ? b.y : bottom(b)};
        return true;
    }
    if (p.y >= b.y && p.y <= bottom(b)) {
        *dock = {p.x < b.x ? b.x : right(b), p.y};
        return true;
    }
    return false;
}

std::vector<Point> reroute(const std::vector<Point>& old, const Bounds& s, const Bounds& t, bool fromBottom)
{
    if (old.size() < 3)
        return route(s, t, fromBottom);
    std::vector<Point> inner(old.begin() + 1, old.end() - 1);
    Point start, end;
    if (!dockOrthogonally(s, inner.front(), &start) || !dockOrthogonally(t, inner.back(), &end))
        return route(s, t, fromBottom);
    if (fromBottom && !near(start.y, bottom(s)))
        return route(s, t, fromBottom);
    std::vector<Point> pts;
    pts.reserve(inner.size() + 2);
    pts.push_back(start);
    pts.insert(pts.end(), inner.begin(), inner.end());
    pts.push_back(end);
    if (!isOrthogonal(pts))
        return route(s, t, fromBottom);
    return simplify(pts);
}

bool isOrthogonal(const std::vector<Point>& pts, double tol)
{
    for (std::size_t i = 1; i < pts.size(); ++i)
        if (!near(pts[i - 1].x, pts[i].x, tol) && !near(pts[i - 1].y, pts[i].y, tol))
            return false;
    return pts.size() >= 2;
}

bool onBorder(const Bounds& b, Point p, double tol)
{
    const bool withinX = p.x >= b.x - tol && p.x <= right(b) + tol;
    const bool withinY = p.y >= b.y - tol && p.y <= bottom(b) + tol;
    return (withinY && (near(p.x, b.x, tol) || near(p.x, right(b), tol))) ||
           (withinX && (near(p.y, b.y, tol) || near(p.y, bottom(b), tol)));
}

std::vector<Point> simplify(const std::vector<Point>& pts)
{
    std::vector<Point> out;
    for (const Point& p : pts) {
        if (!out.empty() && near(out.back().x, p.x, 0.01) && near(out.back().y, p.y, 0.01))
            continue;
        if (out.size() >= 2) {
            const Point& a = out[out.size() - 2];
            const Point& b = out.back();
            const bool collinear =
                (near(a.x, b.x, 0.01) && near(b.x, p.x, 0.01)) || (near(a.y, b.y, 0.01) && near(b.y, p.y, 0.01));
            if (collinear)
                out.back() = p;
            else
                out.push_back(p);
        } else {
            out.push_back(p);
        }
    }
    if (out.size() == 1)
        out.push_back(out.front());
    return out;
}

std::vector<Point> moveSegment(const std::vector<Point>& pts, std::size_t i, double delta, bool keepEnds)
{
    if (i + 1 >= pts.size())
        return pts;
    std::vector<Point> out = pts;
    const bool horizontal = near(pts[i].y, pts[i + 1].y);
    // An end segment keeps its docking point: a new elbow is inserted so the end stays on its shape.
    if (i == 0 && keepEnds) {
        out.insert(out.begin() + 1, out[0]);
        ++i;
    }
    if (i + 1 == out.size() - 1 && keepEnds) {
        out.insert(out.end() - 1, out.back());
    }
    for (std::size_t k : {i, i + 1}) {
        if (horizontal)
            out[k].y += delta;
        else
            out[k].x += delta;
    }
    return simplify(out);
}

std::vector<Point> addBendpoint(const std::vector<Point>& pts, std::size_t i, Point p)
{
    if (i + 1 >= pts.size())
        return pts;
    std::vector<Point> out(pts.begin(), pts.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    const Point a = pts[i], b = pts[i + 1];
    if (near(a.y, b.y)) // horizontal: a step through p
        out.insert(out.end(), {{p.x, a.y}, p, {b.x, p.y}});
    else
        out.insert(out.end(), {{a.x, p.y}, p, {p.x, b.y}});
    out.insert(out.end(), pts.begin() + static_cast<std::ptrdiff_t>(i) + 1, pts.end());
    return simplify(out);
}

std::vector<Point> removeBendpoint(const std::vector<Point>& pts, std::size_t index)
{
    if (index == 0 || index + 1 >= pts.size())
        return pts;
    std::vector<Point> out;
    for (std::size_t k = 0; k < pts.size(); ++k)
        if (k != index)
            out.push_back(pts[k]);
    // Where the neighbours are no longer aligned, the corner flips to the other side (the removed
    // point's corner would only put it back).
    const Point removed = pts[index];
    std::vector<Point> fixed;
    for (const Point& q : out) {
        if (!fixed.empty() && !near(fixed.back().x, q.x) && !near(fixed.back().y, q.y)) {
            const Point a{q.x, fixed.back().y}, b{fixed.back().x, q.y};
            fixed.push_back(near(a.x, removed.x) && near(a.y, removed.y) ? b : a);
        }
        fixed.push_back(q);
    }
    return simplify(fixed);
}

} // namespace runway::core::modeling::routing
