// The editing helpers shared by the two directions of conversion (ToCamunda8.cpp, ToCamunda7.cpp);
// Convert.cpp chooses the direction.
#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/core/deploy/Platform.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace runway::core::deploy {

class Converter {
public:
    Converter(Document& doc, const Platform& target);

    Document& doc;
    Platform target;
    Platform source; ///< the platform the file named before the conversion
    Ns zeebe, camunda;
    Diagnostics report;

    void note(const Element* e, const char* code, std::string message);
    /// "the camunda:class 'a.B' of the service task 'T' is not carried over: why".
    void dropped(const Element* e, std::string_view setting, std::string_view value, const std::string& why);

    /// A condition, completion condition or timer value left as it was, because it cannot be written
    /// in the target's language.
    void unconverted(const Element* e, const std::string& text, std::string_view language, const std::string& why);

    std::string attr(const Element* e, Ns ns, std::string_view local) const;
    void set(Element* e, std::string_view local, std::string_view value, Ns ns = Ns::None);
    void unset(Element* e, std::string_view local, Ns ns);

    /// e's bpmn:extensionElements, created when missing.
    Element* extensions(Element* e);
    /// A new element ns:local at the end of parent.
    Element* append(Element* parent, Ns ns, std::string_view local);
    /// A new element ns:local at the end of e's extensionElements.
    Element* appendExtension(Element* e, Ns ns, std::string_view local);
    /// The extension elements of e in ns, in order.
    std::vector<Element*> extensionsIn(const Element* e, Ns ns) const;
    /// Removes every attribute and extension element of e in ns, reporting each one not in silent;
    /// removes extensionElements when that leaves it empty. why: the reason given for all.
    void removeRest(Element* e, Ns ns, std::string_view prefix, std::initializer_list<std::string_view> silent,
                    const std::string& why);

    /// The BPMN elements of the file, collected before any edit.
    std::vector<Element*> elements;
};

void toCamunda8(Converter& c);
void toCamunda7(Converter& c);

} // namespace runway::core::deploy
