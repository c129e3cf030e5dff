#include "layout/page_set.hpp"

namespace gijiroku::layout {

const char* struct_type_name(StructType t) {
    switch (t) {
        case StructType::Document: return "Document";
        case StructType::Part: return "Part";
        case StructType::Sect: return "Sect";
        case StructType::Div: return "Div";
        case StructType::NonStruct: return "NonStruct";
        case StructType::H1: return "H1";
        case StructType::H2: return "H2";
        case StructType::H3: return "H3";
        case StructType::H4: return "H4";
        case StructType::H5: return "H5";
        case StructType::H6: return "H6";
        case StructType::P: return "P";
        case StructType::L: return "L";
        case StructType::LI: return "LI";
        case StructType::Lbl: return "Lbl";
        case StructType::LBody: return "LBody";
        case StructType::Caption: return "Caption";
        case StructType::Table: return "Table";
        case StructType::TR: return "TR";
        case StructType::TH: return "TH";
        case StructType::TD: return "TD";
        case StructType::Note: return "Note";
        case StructType::Quote: return "Quote";
        case StructType::BlockQuote: return "BlockQuote";
        case StructType::Span: return "Span";
        case StructType::Link: return "Link";
        case StructType::Ruby: return "Ruby";
        case StructType::RB: return "RB";
        case StructType::RT: return "RT";
        case StructType::Figure: return "Figure";
    }
    return "Span";
}

int StructTree::add(StructType type, int parent, NodeId source) {
    const int index = static_cast<int>(elements.size());
    StructElement e;
    e.type = type;
    e.parent = parent;
    e.source = source;
    elements.push_back(std::move(e));
    if (parent >= 0) elements[static_cast<std::size_t>(parent)].children.push_back(index);
    return index;
}

}  // namespace gijiroku::layout
