// Shared checks of the tst_modeling* tests: one facade edit leaves a document that validates
// against the OMG schema, has no validator error, and undoes and redoes byte for byte.
#pragma once

#include "RunProcess.h"
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/Di.h"
#include "runway/core/Validator.h"
#include "runway/core/modeling/Modeling.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace runway::test {

inline bool canCheckSchema()
{
    static const bool can = !corpusDir().empty() && haveProgram("xmllint");
    return can;
}

/// Schema problems of a document (empty when valid, or when xmllint or the corpus is absent).
inline std::string schemaProblems(const runway::core::Document& doc)
{
    if (!canCheckSchema())
        return {};
    const std::string path =
        (std::filesystem::temp_directory_path() / ("runway-modeling-" + std::to_string(::getpid()) + ".bpmn")).string();
    std::string error;
    if (!runway::core::BpmnWriter::saveFile(doc, path, &error))
        return "cannot write " + path + ": " + error;
    std::string problems = xsdProblems(path, corpusDir());
    std::filesystem::remove(path);
    return problems;
}

/// The validator's errors (not warnings: a freshly drawn element is rightly "unconnected").
inline std::string validatorErrors(const runway::core::Document& doc)
{
    std::string out;
    for (const auto& d : runway::core::Validator::validate(doc))
        if (d.isError())
            out += d.format() + "\n";
    return out;
}

/// Checks one edit; returns what is wrong, or empty. Leaves the document edited.
inline std::string checkEdit(runway::core::Document& doc, const runway::core::modeling::Edit& e,
                             const std::string& before, bool schema = true)
{
    using runway::core::BpmnWriter;
    if (!e.ok())
        return "refused: " + e.error;
    if (e.changes.empty())
        return "the edit changed nothing";
    const std::string after = BpmnWriter::toString(doc);
    if (after == before)
        return "the edit reported changes but the bytes are the same";
    if (auto v = validatorErrors(doc); !v.empty())
        return "validator errors after the edit:\n" + v;
    if (schema)
        if (auto x = schemaProblems(doc); !x.empty())
            return "not valid against the OMG schema:\n" + x + "\n" + after;
    doc.revert(e.changes);
    if (BpmnWriter::toString(doc) != before)
        return "undo did not restore the document byte for byte";
    doc.reapply(e.changes);
    if (BpmnWriter::toString(doc) != after)
        return "redo did not give the edited document byte for byte";
    return {};
}

inline runway::core::di::Bounds boundsOf(const runway::core::Document& doc, std::string_view id)
{
    auto b = runway::core::di::bounds(doc.shapeFor(id));
    return b ? *b : runway::core::di::Bounds{-1, -1, -1, -1};
}

} // namespace runway::test

#define CHECK_EDIT(doc, edit, before)                                                                                  \
    do {                                                                                                               \
        const std::string problem_ = ::runway::test::checkEdit((doc), (edit), (before));                               \
        QVERIFY2(problem_.empty(), problem_.c_str());                                                                  \
    } while (0)
