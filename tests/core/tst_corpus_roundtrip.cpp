// Round trips of files written by other tools (../shared/corpus): every MIWG reference model
// reads, writes schema-valid XML, and reads back as the same document; foreign extensions survive.
#include "RunwayTest.h"
#include "RunProcess.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/DocumentCompare.h"
#include "runway/core/DocumentStats.h"

#include <tinyxml2.h>

#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace runway::core;
using runway::test::corpusDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> filesIn(const std::string& dir, const std::vector<std::string>& exts)
{
    std::vector<std::string> out;
    if (!fs::is_directory(dir))
        return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        for (const auto& x : exts)
            if (e.is_regular_file() && e.path().extension() == x)
                out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

/// Elements and attributes whose namespace URI passes the test, counted over the whole document.
std::pair<int, int> countForeign(const Document& d, const std::function<bool(std::string_view)>& uriMatches)
{
    int elements = 0, attributes = 0;
    std::vector<const Element*> stack{d.root()};
    while (!stack.empty()) {
        const Element* e = stack.back();
        stack.pop_back();
        if (uriMatches(d.namespaceUri(e->ns)))
            ++elements;
        for (const auto& a : e->attrs)
            if (a.ns != Ns::Xmlns && uriMatches(d.namespaceUri(a.ns)))
                ++attributes;
        for (const Element* c = e->firstChild; c; c = c->next)
            if (c->kind == NodeKind::Element)
                stack.push_back(c);
    }
    return {elements, attributes};
}

/// Elements below any *:extensionElements, counted straight from tinyxml2's tree of the file: a count
/// that does not depend on Runway's reader. Also counts those with a given local name.
std::pair<int, int> extensionContent(const std::string& file, const char* localName)
{
    tinyxml2::XMLDocument x;
    if (x.LoadFile(file.c_str()) != tinyxml2::XML_SUCCESS)
        return {-1, -1};
    int all = 0, named = 0;
    std::function<void(const tinyxml2::XMLElement*, bool)> walk = [&](const tinyxml2::XMLElement* e, bool inside) {
        for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
            const char* colon = std::strchr(c->Name(), ':');
            const char* local = colon ? colon + 1 : c->Name();
            if (inside) {
                ++all;
                if (std::strcmp(local, localName) == 0)
                    ++named;
            }
            walk(c, inside || std::strcmp(local, "extensionElements") == 0);
        }
    };
    walk(x.RootElement(), false);
    return {all, named};
}

/// What Runway holds below extensionElements, and how many of those have the local name.
std::pair<int, int> extensionContent(const Document& d, std::string_view localName)
{
    int all = 0, named = 0;
    std::function<void(const Element*, bool)> walk = [&](const Element* e, bool inside) {
        for (const Element* c : e->children()) {
            if (inside) {
                ++all;
                if (c->local() == localName)
                    ++named;
            }
            walk(c, inside || c->type == BpmnType::ExtensionElements);
        }
    };
    walk(d.root(), false);
    return {all, named};
}

struct RoundTrip {
    std::unique_ptr<Document> original, again;
    std::string written;
    std::string problem;
};

RoundTrip roundTrip(const std::string& file)
{
    RoundTrip rt;
    auto a = BpmnReader::readFile(file);
    if (!a.ok()) {
        rt.problem = a.diagnostics.front().format();
        return rt;
    }
    rt.written = BpmnWriter::toString(*a.document);
    auto b = BpmnReader::readBytes(rt.written, file + " (written)");
    if (!b.ok()) {
        rt.problem = b.diagnostics.front().format();
        return rt;
    }
    rt.original = std::move(a.document);
    rt.again = std::move(b.document);
    return rt;
}

} // namespace

class TestCorpusRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void miwgReferenceModelsRoundTrip()
    {
        RUNWAY_REQUIRE_CORPUS();
        const auto files = filesIn(corpusDir() + "/miwg/reference", {".bpmn"});
        QCOMPARE(files.size(), std::size_t(21));
        const fs::path tmp = fs::temp_directory_path() / ("runway-roundtrip-" + std::to_string(::getpid()));
        fs::create_directories(tmp);
        for (const auto& file : files) {
            auto rt = roundTrip(file);
            QVERIFY2(rt.problem.empty(), rt.problem.c_str());
            std::string where;
            QVERIFY2(sameDocument(*rt.original, *rt.again, &where), (file + ": " + where).c_str());
            QVERIFY2(computeStats(*rt.original) == computeStats(*rt.again), file.c_str());
            QCOMPARE(computeStats(*rt.original).toJson("f"), computeStats(*rt.again).toJson("f"));
            // Writing is stable: a saved file saves to the same bytes.
            QCOMPARE(BpmnWriter::toString(*rt.again), rt.written);
            // And the OMG schema accepts what was written.
            const fs::path out = tmp / fs::path(file).filename();
            std::string error;
            QVERIFY2(BpmnWriter::saveFile(*rt.original, out.string(), &error), error.c_str());
            const std::string verdict = runway::test::xsdProblems(out.string(), corpusDir());
            QVERIFY2(verdict.empty(), (file + ": " + verdict).c_str());
        }
        fs::remove_all(tmp);
    }

    void typesEveryElementOfTheConformanceClasses()
    {
        RUNWAY_REQUIRE_CORPUS();
        // B.1.0 and B.2.0 hold every element of the Descriptive and Analytic classes: none of their
        // BPMN elements outside extensions may stay untyped.
        for (const char* name : {"B.1.0.bpmn", "B.2.0.bpmn"}) {
            auto r = BpmnReader::readFile(corpusDir() + "/miwg/reference/" + name);
            QVERIFY(r.ok());
            for (const Element* e : r.document->allElements())
                for (const Element* c : e->children()) {
                    if (e->type == BpmnType::ExtensionElements || c->isBpmn())
                        continue;
                    // simple-content children (incoming, outgoing, sourceRef, ...) are untyped by design
                    const bool simple = !c->firstChild || c->firstChild->kind != NodeKind::Element;
                    QVERIFY2(simple || r.document->namespaceUri(c->ns) != uri::Model,
                             (std::string(name) + ": untyped <" + std::string(c->qname) + ">").c_str());
                }
        }
        auto b2 = BpmnReader::readFile(corpusDir() + "/miwg/reference/B.2.0.bpmn");
        const auto stats = computeStats(*b2.document);
        QCOMPARE(stats.elements.at("boundaryEvent"), 11);
    }

    void foreignExtensionsSurvive()
    {
        RUNWAY_REQUIRE_CORPUS();
        const std::string ref = corpusDir() + "/miwg/reference/";
        {
            // C.3.0: 227 elements of extension content (W4 graph styles, itp attribute sets with their
            // 117 <attribute> elements), kept one for one.
            auto rt = roundTrip(ref + "C.3.0.bpmn");
            QVERIFY2(rt.problem.empty(), rt.problem.c_str());
            const auto inFile = extensionContent(ref + "C.3.0.bpmn", "attribute");
            QCOMPARE(inFile.second, 117);
            QCOMPARE(extensionContent(*rt.original, "attribute"), inFile);
            QCOMPARE(extensionContent(*rt.again, "attribute"), inFile);
            auto w4 = [](std::string_view u) { return u.find("www.w4.eu") != std::string_view::npos; };
            QCOMPARE(countForeign(*rt.again, w4), countForeign(*rt.original, w4));
            QVERIFY(countForeign(*rt.original, w4).first == 80);
        }
        {
            // C.8.0: colours as attributes of the OMG colour extension and bpmn.io's bioc.
            auto rt = roundTrip(ref + "C.8.0.bpmn");
            QVERIFY2(rt.problem.empty(), rt.problem.c_str());
            auto colour = [](std::string_view u) { return u.find("color") != std::string_view::npos; };
            const auto before = countForeign(*rt.original, colour);
            QVERIFY(before.second > 0);
            QCOMPARE(countForeign(*rt.again, colour), before);
            QVERIFY(rt.written.find("color:background-color=") != std::string::npos ||
                    rt.written.find("bioc:fill=") != std::string::npos);
        }
        for (const char* name : {"C.9.0.bpmn", "C.9.1.bpmn", "C.9.2.bpmn"}) {
            // C.9.x: Camunda 8 (zeebe) extension elements and attributes.
            auto rt = roundTrip(ref + name);
            QVERIFY2(rt.problem.empty(), rt.problem.c_str());
            auto zeebe = [](std::string_view u) { return u == uri::Zeebe; };
            const auto before = countForeign(*rt.original, zeebe);
            QVERIFY2(before.first + before.second > 0, name);
            QCOMPARE(countForeign(*rt.again, zeebe), before);
        }
        // BPSim parameters inside BPMN files.
        int withBpsim = 0;
        for (const auto& file : filesIn(corpusDir() + "/bpsim/examples", {".bpmn", ".bpmn2"})) {
            auto rt = roundTrip(file);
            QVERIFY2(rt.problem.empty(), rt.problem.c_str());
            auto bpsim = [](std::string_view u) { return u.find("bpsim") != std::string_view::npos; };
            const auto before = countForeign(*rt.original, bpsim);
            if (before.first > 0)
                ++withBpsim;
            QCOMPARE(countForeign(*rt.again, bpsim), before);
            std::string where;
            QVERIFY2(sameDocument(*rt.original, *rt.again, &where), (file + ": " + where).c_str());
        }
        QVERIFY(withBpsim >= 10);
    }
};

RUNWAY_TEST_MAIN(TestCorpusRoundTrip, miwgReferenceModelsRoundTrip, typesEveryElementOfTheConformanceClasses,
                 foreignExtensionsSurvive)
#ifndef RUNWAY_NO_QT
#include "tst_corpus_roundtrip.moc"
#endif
