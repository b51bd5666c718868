#include "runway/core/BpmnReader.h"

#include "runway/core/FileIo.h"

#include "TextEncoding.h"

#include <tinyxml2.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace runway::core {

namespace {

using tinyxml2::XMLElement;

/// "xmlns" or "xmlns:p": a namespace declaration.
bool isXmlns(const char* n)
{
    return n[0] == 'x' && n[1] == 'm' && n[2] == 'l' && n[3] == 'n' && n[4] == 's' && (n[5] == 0 || n[5] == ':');
}
using tinyxml2::XMLNode;

Diagnostic error(const std::string& file, int line, std::string code, std::string message)
{
    return {Diagnostic::Severity::Error, file, line, {}, std::move(code), std::move(message)};
}

std::string describeXmlError(const tinyxml2::XMLDocument& x)
{
    using namespace tinyxml2;
    switch (x.ErrorID()) {
    case XML_ELEMENT_DEPTH_EXCEEDED:
        return "elements are nested more than " + std::to_string(TINYXML2_MAX_ELEMENT_DEPTH) +
               " levels deep; no BPMN model needs that, so the file is damaged or was made to exhaust readers";
    case XML_ERROR_MISMATCHED_ELEMENT:
        return "an end tag does not match its start tag (the file may be truncated or hand-edited wrongly)";
    case XML_ERROR_PARSING_ELEMENT:
        return "an element is not well-formed (unclosed tag, or the file ends in the middle of one)";
    case XML_ERROR_PARSING_ATTRIBUTE:
        return "an attribute is not well-formed (missing quotes or '=')";
    case XML_ERROR_PARSING_TEXT:
        return "text could not be read (a '<' or '&' that is not escaped?)";
    case XML_ERROR_PARSING_CDATA:
        return "a CDATA section is not closed";
    case XML_ERROR_PARSING_COMMENT:
        return "a comment is not closed";
    case XML_ERROR_PARSING_DECLARATION:
        return "the XML declaration is not well-formed";
    case XML_ERROR_PARSING_UNKNOWN:
        return "a '<!' construct could not be read";
    case XML_ERROR_EMPTY_DOCUMENT:
        return "the file holds no XML element";
    case XML_ERROR_PARSING:
        return "the XML is not well-formed";
    default: return std::string("the XML is not well-formed (") + x.ErrorName() + ")";
    }
}

bool isSpace(std::string_view s)
{
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    return true;
}

/// Finds "<!DOCTYPE" in the prolog (before the first element); returns its offset or npos.
std::size_t findDoctype(std::string_view s)
{
    std::size_t i = 0;
    while (true) {
        i = s.find('<', i);
        if (i == std::string_view::npos || i + 1 >= s.size())
            return std::string_view::npos;
        if (s.compare(i, 4, "<!--") == 0) {
            auto end = s.find("-->", i + 4);
            if (end == std::string_view::npos)
                return std::string_view::npos;
            i = end + 3;
        } else if (s[i + 1] == '?') {
            auto end = s.find("?>", i + 2);
            if (end == std::string_view::npos)
                return std::string_view::npos;
            i = end + 2;
        } else if (s[i + 1] == '!') {
            return i; // DOCTYPE or any other declaration before the root
        } else {
            return std::string_view::npos; // the root element starts: prolog over
        }
    }
}

class Builder {
public:
    Builder(Document& doc, const std::string& file, Diagnostics& diags) : m_doc(doc), m_file(file), m_diags(diags) {}
    int longPrefixLine() const { return m_longPrefixLine; }

    bool build(const tinyxml2::XMLDocument& x)
    {
        const XMLElement* rootX = x.RootElement();
        if (!rootX) {
            m_diags.push_back(error(m_file, 1, "not-bpmn", "the file holds no XML element; a BPMN file starts with <bpmn:definitions>"));
            return false;
        }
        bool beforeRoot = true;
        for (const XMLNode* n = x.FirstChild(); n; n = n->NextSibling()) {
            if (n == rootX) {
                beforeRoot = false;
                continue;
            }
            if (const auto* c = n->ToComment()) {
                Element* node = m_doc.createNode(NodeKind::Comment, c->Value());
                node->line = c->GetLineNum();
                beforeRoot ? m_doc.addProlog(node) : m_doc.addEpilog(node);
            }
        }
        m_scope.reserve(16);
        Element* root = convert(rootX, nullptr);
        if (root->ns != Ns::Model || root->local() != "definitions") {
            std::string found = std::string(m_doc.namespaceUri(root->ns));
            std::string msg;
            if (root->local() == "definitions" && !found.empty())
                msg = "the root element <" + std::string(root->qname) + "> is in namespace \"" + found +
                      "\", not BPMN 2.0's \"" + std::string(uri::Model) +
                      "\"; this is a pre-standard or vendor dialect. Export the model again as BPMN 2.0 from the tool that made it";
            else
                msg = "this is not a BPMN 2.0 file: the root element is <" + std::string(root->qname) +
                      ">, but a BPMN file starts with <definitions xmlns=\"" + std::string(uri::Model) + "\">";
            m_diags.push_back(error(m_file, rootX->GetLineNum(), "not-bpmn", msg));
            return false;
        }
        m_doc.setRoot(root);
        return true;
    }

private:
    Ns resolvePrefix(std::string_view prefix, int line)
    {
        for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it)
            if (it->first == prefix)
                return it->second;
        if (prefix == "xml")
            return Ns::Xml;
        if (prefix.empty())
            return Ns::None;
        // Keep the element as written; its prefix gets a namespace of its own.
        if (m_warnedPrefixes.insert({std::string(prefix), true}).second)
            m_diags.push_back({Diagnostic::Severity::Warning, m_file, line, {}, "undeclared-prefix",
                               "namespace prefix '" + std::string(prefix) + "' is used but never declared; elements using it are kept as they are"});
        return m_doc.internNamespace("urn:runway:undeclared-prefix:" + std::string(prefix));
    }

    /// Names keep the start of their local part in a byte; no real prefix is longer than that.
    std::uint8_t prefixEnd(std::size_t colon, int line)
    {
        if (colon < 250)
            return static_cast<std::uint8_t>(colon + 1);
        if (!m_longPrefixLine)
            m_longPrefixLine = line;
        return 0;
    }

    Ns nsForUri(std::string_view u)
    {
        return m_doc.internNamespace(u);
    }

    Element* convert(const XMLElement* x, Element* parent)
    {
        const std::size_t scopeMark = m_scope.size();
        Element* e = m_doc.createNode(NodeKind::Element, {});
        e->line = x->GetLineNum();
        // Strings are views into the parser's text, which the document keeps alive: tinyxml2 has
        // already unescaped and terminated them in place, so copying them would only cost time.
        e->qname = x->Name();
        const auto colon = e->qname.find(':');

        // Copy the attributes; namespace declarations among them apply to this element's own name and
        // attributes, so prefixes are resolved after all of them are known.
        std::size_t attrCount = 0;
        for (const auto* a = x->FirstAttribute(); a; a = a->Next())
            ++attrCount;
        e->attrs.reserve(attrCount, m_doc.arena());
        for (const auto* a = x->FirstAttribute(); a; a = a->Next()) {
            const char* an = a->Name();
            Attribute attr;
            attr.qname = an;
            attr.value = a->Value();
            if (isXmlns(an)) {
                attr.ns = Ns::Xmlns;
                attr.localStart = an[5] == 0 ? 5 : 6;
                m_scope.emplace_back(attr.local(), nsForUri(attr.value));
            }
            e->attrs.push_back(attr, m_doc.arena());
        }
        for (auto& attr : e->attrs) {
            if (attr.ns == Ns::Xmlns)
                continue;
            if (auto c = attr.qname.find(':'); c != std::string_view::npos) {
                attr.ns = resolvePrefix(attr.qname.substr(0, c), e->line);
                attr.localStart = static_cast<std::uint8_t>(c + 1);
            }
        }

        if (colon == std::string_view::npos) {
            e->ns = resolvePrefix({}, e->line);
        } else {
            e->localStart = prefixEnd(colon, e->line);
            e->ns = resolvePrefix(e->qname.substr(0, colon), e->line);
        }

        typeElement(e, parent);
        if (parent)
            Document::appendChildRaw(parent, e);

        const Metamodel::Type* type = e->isBpmn() ? &Metamodel::instance().type(e->type) : nullptr;
        const bool mixed = type && type->isMixed;
        int lastSlot = -1;
        bool outOfOrder = false;
        for (const XMLNode* n = x->FirstChild(); n; n = n->NextSibling()) {
            if (const auto* ce = n->ToElement()) {
                Element* c = convert(ce, e);
                if (c->slot != kNoSlot) {
                    if (c->slot < lastSlot && !outOfOrder) {
                        outOfOrder = true;
                        m_diags.push_back({Diagnostic::Severity::Warning, m_file, c->line, std::string(e->attr("id")),
                                           "schema-order",
                                           "<" + std::string(c->qname) +
                                               "> comes after elements the BPMN 2.0 schema puts after it in <" +
                                               std::string(e->qname) + ">; Runway writes them in schema order"});
                    }
                    lastSlot = c->slot;
                }
            } else if (const auto* t = n->ToText()) {
                std::string_view text = t->Value();
                // Whitespace between elements is layout, which the writer redoes; text content is kept
                // (typed elements that are not mixed have element-only content).
                if (!mixed && (type || hasElementChild(x)) && isSpace(text))
                    continue;
                Element* node = m_doc.createNode(t->CData() ? NodeKind::CData : NodeKind::Text, {});
                node->text = text;
                node->line = t->GetLineNum();
                Document::appendChildRaw(e, node);
            } else if (const auto* c = n->ToComment()) {
                Element* node = m_doc.createNode(NodeKind::Comment, {});
                node->text = c->Value();
                node->line = c->GetLineNum();
                Document::appendChildRaw(e, node);
            } else {
                m_diags.push_back({Diagnostic::Severity::Warning, m_file, n->GetLineNum(), {}, "xml-dropped",
                                   "a processing instruction or declaration inside <" + std::string(e->qname) +
                                       "> is not kept"});
            }
        }
        m_scope.resize(scopeMark);
        if (type && !type->requiredAttrs.empty())
            checkRequired(e, *type);
        return e;
    }

    static bool hasElementChild(const XMLElement* x) { return x->FirstChildElement() != nullptr; }

    /// A schema deviation real tools make (GenMyModel leaves out Bounds heights); the file still loads.
    void checkRequired(const Element* e, const Metamodel::Type& t)
    {
        for (auto name : t.requiredAttrs)
            if (!e->hasAttr(name))
                m_diags.push_back({Diagnostic::Severity::Warning, m_file, e->line, std::string(e->attr("id")),
                                   "missing-attribute",
                                   "<" + std::string(e->qname) + "> lacks the attribute '" + std::string(name) +
                                       "', which the BPMN 2.0 schema requires"});
    }

    void typeElement(Element* e, Element* parent)
    {
        const auto& mm = Metamodel::instance();
        if (!parent) {
            if (auto* d = mm.element(e->ns, e->local()))
                e->type = d->type;
            return;
        }
        if (!parent->isBpmn())
            return; // inside an extension: foreign content stays foreign
        auto m = mm.matchChild(parent->type, e->ns, e->local());
        if (m.slot != kNoSlot) {
            e->slot = m.slot;
            e->type = m.type;
        } else if (e->ns == Ns::Model || e->ns == Ns::BpmnDi || e->ns == Ns::Dc || e->ns == Ns::Di) {
            const auto& pt = mm.type(parent->type);
            if (auto* d = mm.element(e->ns, e->local()))
                e->type = d->type;
            if (!pt.hasAny)
                m_diags.push_back({Diagnostic::Severity::Warning, m_file, e->line, std::string(e->attr("id")),
                                   "unexpected-element",
                                   "<" + std::string(e->qname) + "> is not allowed inside <" + std::string(parent->qname) +
                                       "> by the BPMN 2.0 schema; it is kept as it is"});
        }
        // xsi:type narrows a declared type (tExpression -> tFormalExpression).
        if (e->type != BpmnType::Count) {
            if (auto xt = e->attr(Ns::Xsi, "type"); !xt.empty()) {
                auto c = xt.find(':');
                auto t = mm.typeByName(c == std::string_view::npos ? xt : xt.substr(c + 1));
                if (t != BpmnType::Count && mm.isA(t, e->type))
                    e->type = t;
            }
        }
    }

    Document& m_doc;
    const std::string& m_file;
    Diagnostics& m_diags;
    std::vector<std::pair<std::string_view, Ns>> m_scope;
    int m_longPrefixLine = 0; // set when a namespace prefix is too long to be a real one
    std::unordered_map<std::string, bool> m_warnedPrefixes;
};

} // namespace

ReadResult BpmnReader::readFile(const std::string& path)
{
    ReadResult r;
    std::string bytes, why;
    if (!readWholeFile(path, bytes, &why)) {
        r.diagnostics.push_back(error(path, 0, "file-unreadable", why));
        return r;
    }
    return read(bytes, path, &bytes);
}

ReadResult BpmnReader::readBytes(std::string_view bytes, const std::string& file)
{
    return read(bytes, file, nullptr);
}

ReadResult BpmnReader::read(std::string_view bytes, const std::string& file, std::string* release)
{
    ReadResult r;
    auto fail = [&](int line, std::string code, std::string msg) {
        r.diagnostics.push_back(error(file, line, std::move(code), std::move(msg)));
        return std::move(r);
    };
    if (isSpace(bytes))
        return fail(1, "file-empty", "the file is empty; a BPMN file holds a <bpmn:definitions> element");

    // Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, ISO-8859-1 when declared.
    std::string converted;
    const auto b0 = bytes.size() >= 2 ? static_cast<unsigned char>(bytes[0]) : 0;
    const auto b1 = bytes.size() >= 2 ? static_cast<unsigned char>(bytes[1]) : 0;
    if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
        auto u = encoding::utf16ToUtf8(bytes.substr(2), b0 == 0xFE);
        if (!u)
            return fail(1, "encoding", "the file starts as UTF-16 but holds broken UTF-16; re-save it as UTF-8");
        converted = std::move(*u);
        bytes = converted;
    } else if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
    }
    if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
        return fail(encoding::lineOf(bytes, nul), "binary",
                    "the file holds binary data (a NUL byte at offset " + std::to_string(nul) +
                        "), so it is not a BPMN XML file; open the .bpmn file itself");
    const std::string enc = encoding::declaredEncoding(bytes);
    if (enc == "iso-8859-1" || enc == "latin1" || enc == "latin-1" || enc == "iso8859-1" || enc == "us-ascii" ||
        enc == "windows-1252" || enc == "cp1252") {
        if (enc != "us-ascii") {
            converted = encoding::latin1ToUtf8(bytes);
            bytes = converted;
        }
    } else if (!enc.empty() && enc != "utf-8" && enc != "utf8" && enc != "utf-16") {
        return fail(1, "encoding", "the file declares encoding \"" + enc + "\", which Runway does not read; re-save it as UTF-8");
    }
    if (auto bad = encoding::firstInvalidUtf8(bytes)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[*bad]));
        return fail(encoding::lineOf(bytes, *bad), "encoding",
                    std::string("byte ") + hex + " is not valid UTF-8, which the file " +
                        (enc.empty() ? "uses by default" : "declares") +
                        "; the tool that wrote it probably used Latin-1 (ISO-8859-1). Re-save the file as UTF-8, "
                        "or declare encoding=\"ISO-8859-1\" in its first line");
    }
    if (auto dt = findDoctype(bytes); dt != std::string_view::npos)
        return fail(encoding::lineOf(bytes, dt), "doctype",
                    "the file has a DOCTYPE declaration; BPMN files have none, and Runway never expands entities or "
                    "fetches external files. Remove the <!DOCTYPE ...> declaration");

    // The parsed tree holds the text every string of the document points into, so the document
    // keeps it (decision record 0003: this halves the read time compared with copying, and the
    // peak memory is the same, since both trees are alive at the end of a read either way).
    auto x = std::make_shared<tinyxml2::XMLDocument>(true, tinyxml2::PRESERVE_WHITESPACE);
    if (x->Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS)
        return fail(x->ErrorLineNum(), "xml-malformed", describeXmlError(*x));
    // tinyxml2 holds its own copy of the text now: the file's bytes can go before the model is
    // built, which keeps them out of the peak memory of a read.
    bytes = {};
    std::string().swap(converted);
    if (release)
        std::string().swap(*release);

    auto doc = std::make_unique<Document>();
    doc->setFileName(file);
    Builder b(*doc, file, r.diagnostics);
    if (!b.build(*x))
        return r;
    if (b.longPrefixLine()) {
        r.diagnostics.clear(); // the file is refused: warnings about its content no longer matter
        return fail(b.longPrefixLine(), "xml-malformed",
                    "a namespace prefix is longer than 250 characters; no BPMN tool writes such names, so the file is "
                    "damaged or was made to break readers");
    }
    doc->keepAlive(std::move(x));
    r.document = std::move(doc);
    return r;
}

} // namespace runway::core
