#include "runway/core/BpmnWriter.h"

#include "SchemaOrder.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

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

bool writeFileAtomically(const std::string& path, const std::string& data, std::string* error)
{
    namespace fs = std::filesystem;
    auto setError = [&](const std::string& what) {
        if (error)
            *error = what + ": " + std::strerror(errno);
        return false;
    };
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
#ifndef _WIN32
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return setError("cannot create a temporary file in " + dir.string());
    // Keep the permissions of the file being replaced, or the usual ones for a new file.
    struct stat st {};
    mode_t mode = 0644;
    if (::stat(path.c_str(), &st) == 0)
        mode = st.st_mode & 07777;
    ::fchmod(fd, mode);
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t w = ::write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            int saved = errno;
            ::close(fd);
            ::unlink(tmpl.c_str());
            errno = saved;
            return setError("cannot write " + tmpl);
        }
        p += w;
        left -= static_cast<std::size_t>(w);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int saved = errno;
        ::unlink(tmpl.c_str());
        errno = saved;
        return setError("cannot flush " + tmpl);
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(tmpl.c_str());
        errno = saved;
        return setError("cannot replace " + path);
    }
    return true;
#else
    std::FILE* f = std::fopen(tmpl.c_str(), "wb");
    if (!f)
        return setError("cannot create " + tmpl);
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    ok = (std::fclose(f) == 0) && ok;
    std::error_code ec;
    if (ok)
        fs::rename(tmpl, target, ec);
    if (!ok || ec) {
        fs::remove(tmpl, ec);
        return setError("cannot write " + path);
    }
    return true;
#endif
}

} // namespace runway::core
