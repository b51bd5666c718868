#include "runway/core/BpmnWriter.h"

#include "SchemaOrder.h"

#include <algorithm>
#include <vector>


namespace runway::core {

namespace {

// Own serializer rather than tinyxml2::XMLPrinter: it must escape newlines and tabs in attribute
// values (other parsers normalize them to spaces, which would lose multi-line expressions), and
// order children by schema slot while keeping extensions in place, which needs our own walk anyway.
class Writer {
public:
    explicit Writer(std::string& out) : m_out(out) {}

    void document(const Document& doc)
    {
        m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        for (const Element* c : doc.prolog()) {
            node(c, 0);
        }
        if (doc.root())
            node(doc.root(), 0);
        for (const Element* c : doc.epilog())
            node(c, 0);
    }

private:
    void indent(int depth) { m_out.append(static_cast<std::size_t>(depth) * 2, ' '); }

    void escape(std::string_view s, bool attribute)
    {
        std::size_t start = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            const char* rep = nullptr;
            switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = attribute ? "&quot;" : nullptr; break;
            case '\n': rep = attribute ? "&#10;" : nullptr; break;
            case '\t': rep = attribute ? "&#9;" : nullptr; break;
            case '\r': rep = "&#13;"; break;
            default: break;
            }
            if (rep) {
                m_out.append(s.substr(start, i - start));
                m_out += rep;
                start = i + 1;
            }
        }
        m_out.append(s.substr(start));
    }

    void node(const Element* e, int depth)
    {
        switch (e->kind) {
        case NodeKind::Comment:
            indent(depth);
            m_out += "<!--";
            m_out.append(e->text);
            m_out += "-->\n";
            return;
        case NodeKind::Text:
        case NodeKind::CData:
            indent(depth);
            inlineNode(e);
            m_out += '\n';
            return;
        case NodeKind::Element: break;
        }
        indent(depth);
        startTag(e);
        if (!e->firstChild) {
            m_out += " />\n";
            return;
        }
        m_out += '>';
        bool hasText = false;
        for (const Element* c = e->firstChild; c; c = c->next)
            hasText = hasText || c->kind == NodeKind::Text || c->kind == NodeKind::CData;
        if (hasText) {
            // Text content, or mixed content: written exactly, no layout added inside.
            for (const Element* c = e->firstChild; c; c = c->next)
                inlineNode(c);
        } else {
            m_out += '\n';
            for (const Element* c : schemaOrderedChildren(e))
                node(c, depth + 1);
            indent(depth);
        }
        m_out += "</";
        m_out.append(e->qname);
        m_out += ">\n";
    }

    void startTag(const Element* e)
    {
        m_out += '<';
        m_out.append(e->qname);
        for (const auto& a : e->attrs) {
            m_out += ' ';
            m_out.append(a.qname);
            m_out += "=\"";
            escape(a.value, true);
            m_out += '"';
        }
    }

    void inlineNode(const Element* c)
    {
        switch (c->kind) {
        case NodeKind::Text: escape(c->text, false); break;
        case NodeKind::CData: {
            // "]]>" cannot appear inside CDATA: split the section around it.
            std::string_view t = c->text;
            m_out += "<![CDATA[";
            for (std::size_t p; (p = t.find("]]>")) != std::string_view::npos; t.remove_prefix(p + 2)) {
                m_out.append(t.substr(0, p + 2));
                m_out += "]]><![CDATA[";
            }
            m_out.append(t);
            m_out += "]]>";
            break;
        }
        case NodeKind::Comment:
            m_out += "<!--";
            m_out.append(c->text);
            m_out += "-->";
            break;
        case NodeKind::Element:
            startTag(c);
            if (!c->firstChild) {
                m_out += " />";
            } else {
                m_out += '>';
                for (const Element* g = c->firstChild; g; g = g->next)
                    inlineNode(g);
                m_out += "</";
                m_out.append(c->qname);
                m_out += '>';
            }
            break;
        }
    }

    std::string& m_out;
};

} // namespace

std::string BpmnWriter::toString(const Document& doc)
{
    std::string out;
    Writer(out).document(doc);
    return out;
}

bool BpmnWriter::saveFile(const Document& doc, const std::string& path, std::string* error)
{
    return writeFileAtomically(path, toString(doc), error);
}

} // namespace runway::core
