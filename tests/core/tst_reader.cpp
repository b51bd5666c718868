// Reading BPMN XML: typing by namespace URI, lossless extension content, and clear errors for
// input that cannot be read.
#include "RunwayTest.h"
#include "tst_reader_fixtures.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/DocumentCompare.h"
#include "runway/core/DocumentStats.h"

#include <string>

using namespace runway::core;

namespace {


ReadResult read(const std::string& xml)
{
    return BpmnReader::readBytes(xml, "test.bpmn");
}

std::string firstError(const ReadResult& r)
{
    for (const auto& d : r.diagnostics)
        if (d.isError())
            return d.format();
    return {};
}

} // namespace

class TestReader : public QObject {
    Q_OBJECT
private slots:
    void typesElementsByNamespaceUri()
    {
        auto r = read(kSimple);
        QVERIFY2(r.ok(), firstError(r).c_str());
        const Document& d = *r.document;
        QVERIFY(d.root()->type == BpmnType::Definitions);
        Element* task = d.findById("T");
        QVERIFY(task != nullptr);
        QVERIFY(task->type == BpmnType::ServiceTask);
        QVERIFY(task->isA(BpmnType::Activity));
        QVERIFY(task->isA(BpmnType::FlowNode));
        QVERIFY(!task->isA(BpmnType::Event));
        QCOMPARE(task->name(), std::string_view("Charge & book"));
        QCOMPARE(task->line, 5);
        // xsi:type narrows tExpression to tFormalExpression
        Element* cond = d.findById("F2")->childOfType(BpmnType::Expression);
        QVERIFY(cond != nullptr);
        QVERIFY(cond->type == BpmnType::FormalExpression);
        QCOMPARE(cond->textContent(), std::string("=amount > 10"));
        // DI joined by id
        QVERIFY(d.shapeFor("S") != nullptr);
        QCOMPARE(d.diFor("F1").size(), std::size_t(1));
        QVERIFY(d.shapeFor("T") == nullptr);
        QCOMPARE(d.diagrams().size(), std::size_t(1));
        // the extension is kept, foreign and untyped
        Element* ext = task->childOfType(BpmnType::ExtensionElements);
        QVERIFY(ext != nullptr);
        Element* def = *ext->children().begin();
        QVERIFY(!def->isBpmn());
        QCOMPARE(d.namespaceUri(def->ns), std::string_view("http://camunda.org/schema/zeebe/1.0"));
        QCOMPARE(def->attr("type"), std::string_view("charge"));
        QCOMPARE(task->attr(r.document->internNamespace("http://camunda.org/schema/zeebe/1.0"), "modelerTemplate"),
                 std::string_view("x"));
    }

    void prefixesDoNotMatterOnlyUris()
    {
        // The same model with the BPMN namespace as default namespace and other prefixes.
        std::string other = kSimple;
        auto replaceAll = [&](const std::string& from, const std::string& to) {
            for (std::size_t p; (p = other.find(from)) != std::string::npos;)
                other.replace(p, from.size(), to);
        };
        replaceAll("bpmn:", "semantic:");
        replaceAll("xmlns:bpmn=", "xmlns:semantic=");
        replaceAll("bpmndi:", "g:");
        replaceAll("xmlns:bpmndi=", "xmlns:g=");
        auto a = read(kSimple);
        auto b = read(other);
        QVERIFY2(b.ok(), firstError(b).c_str());
        QVERIFY(b.document->findById("T")->type == BpmnType::ServiceTask);
        QVERIFY(computeStats(*a.document) == computeStats(*b.document));
        std::string where;
        QVERIFY2(sameDocument(*a.document, *b.document, &where), where.c_str());
        // A wrong URI behind the familiar prefix is not BPMN.
        std::string wrong = kSimple;
        wrong.replace(wrong.find("20100524/MODEL"), 14, "20100524/MODEX");
        auto c = read(wrong);
        QVERIFY(!c.ok());
        QCOMPARE(c.diagnostics.front().code, std::string("not-bpmn"));
    }

    void roundTripIsLosslessAndStable()
    {
        auto a = read(kSimple);
        const std::string once = BpmnWriter::toString(*a.document);
        auto b = read(once);
        QVERIFY2(b.ok(), firstError(b).c_str());
        std::string where;
        QVERIFY2(sameDocument(*a.document, *b.document, &where), where.c_str());
        QCOMPARE(BpmnWriter::toString(*b.document), once);
        QVERIFY(once.find("<zeebe:taskDefinition type=\"charge\" retries=\"3\" />") != std::string::npos);
        QVERIFY(once.find("zeebe:modelerTemplate=\"x\"") != std::string::npos);
        QVERIFY(once.find("name=\"Charge &amp; book\"") != std::string::npos);
        QVERIFY(once.find("=amount &gt; 10</bpmn:conditionExpression>") != std::string::npos);
    }

    void keepsCommentsCdataAndMultilineAttributes()
    {
        std::string xml = kSimple;
        xml.insert(xml.find("<bpmn:definitions"), "<!-- made by hand -->\n");
        xml.insert(xml.find("<bpmn:startEvent"), "<!-- the start --><bpmn:documentation><![CDATA[a < b]]></bpmn:documentation>");
        const std::string name = "name=\"Charge &amp; book\"";
        xml.replace(xml.find(name), name.size(), "name=\"Charge&#10;and book\"");
        auto a = read(xml);
        QVERIFY2(a.ok(), firstError(a).c_str());
        QCOMPARE(a.document->findById("T")->name(), std::string_view("Charge\nand book"));
        const std::string out = BpmnWriter::toString(*a.document);
        QVERIFY(out.find("<!-- made by hand -->") != std::string::npos);
        QVERIFY(out.find("<!-- the start -->") != std::string::npos);
        QVERIFY(out.find("<![CDATA[a < b]]>") != std::string::npos);
        QVERIFY(out.find("name=\"Charge&#10;and book\"") != std::string::npos);
        auto b = read(out);
        std::string where;
        QVERIFY2(sameDocument(*a.document, *b.document, &where), where.c_str());
    }

    void writesChildrenInSchemaOrderWithAWarning()
    {
        // outgoing before incoming, and a documentation after them: the schema wants
        // documentation, extensionElements, incoming, outgoing.
        std::string xml = kSimple;
        const std::string from = "<bpmn:incoming>F1</bpmn:incoming>\n      <bpmn:outgoing>F2</bpmn:outgoing>";
        xml.replace(xml.find(from), from.size(),
                    "<bpmn:outgoing>F2</bpmn:outgoing><ext:x xmlns:ext=\"urn:x\" /><bpmn:incoming>F1</bpmn:incoming><bpmn:documentation>d</bpmn:documentation>");
        auto r = read(xml);
        QVERIFY2(r.ok(), firstError(r).c_str());
        bool warned = false;
        for (const auto& d : r.diagnostics)
            warned = warned || (d.code == "schema-order" && d.line == 9);
        QVERIFY(warned);
        const std::string out = BpmnWriter::toString(*r.document);
        const auto doc = out.find("<bpmn:documentation>d</bpmn:documentation>");
        const auto ext = out.find("<bpmn:extensionElements>");
        const auto in = out.find("<bpmn:incoming>F1");
        const auto outgoing = out.find("<bpmn:outgoing>F2");
        const auto foreign = out.find("<ext:x");
        QVERIFY(doc < ext && ext < in && in < outgoing);
        QVERIFY(outgoing < foreign); // the unknown element stays after the sibling it followed
        auto again = read(out);
        for (const auto& d : again.diagnostics)
            QVERIFY2(d.code != "schema-order", d.format().c_str());
    }

    void requiredAttributesMissingAreWarnings()
    {
        std::string xml = kSimple;
        xml.replace(xml.find(" width=\"36\" height=\"36\""), 23, " width=\"36\"");
        auto r = read(xml);
        QVERIFY(r.ok());
        bool found = false;
        for (const auto& d : r.diagnostics)
            found = found || (d.code == "missing-attribute" && d.message.find("'height'") != std::string::npos &&
                              d.severity == Diagnostic::Severity::Warning);
        QVERIFY(found);
    }

    void emptyFile()
    {
        for (const std::string& s : {std::string(), std::string("  \n\t ")}) {
            auto r = read(s);
            QVERIFY(!r.ok());
            QCOMPARE(r.diagnostics.size(), std::size_t(1));
            QCOMPARE(r.diagnostics[0].code, std::string("file-empty"));
            QCOMPARE(r.diagnostics[0].file, std::string("test.bpmn"));
        }
    }

    void truncatedFile()
    {
        std::string s = kSimple;
        s.resize(s.find("<bpmn:endEvent") + 10);
        auto r = read(s);
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].code, std::string("xml-malformed"));
        QVERIFY(r.diagnostics[0].line >= 2);
        QVERIFY(r.diagnostics[0].format().find("test.bpmn:") == 0);
    }

    void binaryFile()
    {
        std::string s("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        auto r = read(s);
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].code, std::string("binary"));
    }

    void xmlThatIsNotBpmn()
    {
        auto r = read("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect /></svg>");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].code, std::string("not-bpmn"));
        QCOMPARE(r.diagnostics[0].line, 2);
        QVERIFY(r.diagnostics[0].message.find("<svg>") != std::string::npos);
    }

    void deepNestingIsRefused()
    {
        std::string s = "<?xml version=\"1.0\"?>\n";
        for (int i = 0; i < 100000; ++i)
            s += "<a>";
        for (int i = 0; i < 100000; ++i)
            s += "</a>";
        auto r = read(s);
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].code, std::string("xml-malformed"));
        QVERIFY(r.diagnostics[0].message.find("nested") != std::string::npos);
    }

    void absurdlyLongPrefixIsRefused()
    {
        const std::string prefix(300, 'p');
        auto r = read("<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:" +
                      prefix + "=\"urn:x\">\n<" + prefix + ":x /></bpmn:definitions>");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        QCOMPARE(r.diagnostics[0].code, std::string("xml-malformed"));
        QCOMPARE(r.diagnostics[0].line, 3); // the element using the prefix
    }

    void doctypeIsRefusedNeverExpanded()
    {
        const std::string billionLaughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                                          " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n"
                                          "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&lol2;</bpmn:definitions>";
        auto r = read(billionLaughs);
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].code, std::string("doctype"));
        QCOMPARE(r.diagnostics[0].line, 2);
        const std::string external = "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE d SYSTEM \"file:///etc/passwd\">\n"
                                     "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" />";
        auto e = read(external);
        QVERIFY(!e.ok());
        QCOMPARE(e.diagnostics[0].code, std::string("doctype"));
        QCOMPARE(e.diagnostics[0].line, 3);
        // An undeclared entity in content is never resolved: it stays text or is refused.
        auto u = read("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
                      "<bpmn:documentation>&xxe;</bpmn:documentation></bpmn:definitions>");
        if (u.ok()) {
            Element* doc = u.document->root()->childOfType(BpmnType::Documentation);
            QCOMPARE(doc->textContent(), std::string("&xxe;"));
        }
    }

    void encodings()
    {
        // Invalid UTF-8 (a Latin-1 byte in a file that claims UTF-8): refused with the line.
        std::string latin = kSimple;
        latin.replace(latin.find("Charge"), 6, "Ch\xE4rge");
        auto bad = read(latin);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.diagnostics[0].code, std::string("encoding"));
        QCOMPARE(bad.diagnostics[0].line, 5);
        QVERIFY(bad.diagnostics[0].message.find("0xE4") != std::string::npos);
        // Declared as ISO-8859-1: read, and held as UTF-8.
        std::string declared = latin;
        declared.replace(declared.find("UTF-8"), 5, "ISO-8859-1");
        auto ok = read(declared);
        QVERIFY2(ok.ok(), firstError(ok).c_str());
        QCOMPARE(ok.document->findById("T")->name(), std::string_view("Ch\xC3\xA4rge & book"));
        // UTF-16 with a byte order mark.
        std::string utf16 = "\xFF\xFE";
        for (char c : std::string(kSimple)) {
            utf16 += c;
            utf16 += '\0';
        }
        auto wide = read(utf16);
        QVERIFY2(wide.ok(), firstError(wide).c_str());
        QVERIFY(wide.document->findById("T") != nullptr);
    }
};

RUNWAY_TEST_MAIN(TestReader, typesElementsByNamespaceUri, prefixesDoNotMatterOnlyUris, roundTripIsLosslessAndStable,
                 keepsCommentsCdataAndMultilineAttributes, writesChildrenInSchemaOrderWithAWarning,
                 requiredAttributesMissingAreWarnings, emptyFile, truncatedFile, binaryFile, xmlThatIsNotBpmn,
                 deepNestingIsRefused, absurdlyLongPrefixIsRefused, doctypeIsRefusedNeverExpanded, encodings)
#ifndef RUNWAY_NO_QT
#include "tst_reader.moc"
#endif
