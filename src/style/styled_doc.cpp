#include "style/styled_doc.hpp"

namespace gijiroku::style {

const char* role_name(Role role) {
    switch (role) {
        case Role::document: return "document";
        case Role::section: return "section";
        case Role::heading: return "heading";
        case Role::paragraph: return "paragraph";
        case Role::line: return "line";
        case Role::list: return "list";
        case Role::list_item: return "list_item";
        case Role::list_body: return "list_body";
        case Role::caption: return "caption";
        case Role::definition_list: return "definition_list";
        case Role::definition_item: return "definition_item";
        case Role::term: return "term";
        case Role::definition: return "definition";
        case Role::table: return "table";
        case Role::table_row: return "table_row";
        case Role::header_cell: return "header_cell";
        case Role::data_cell: return "data_cell";
        case Role::note: return "note";
        case Role::block_quote: return "block_quote";
        case Role::label: return "label";
        case Role::span: return "span";
        case Role::emphasis: return "emphasis";
        case Role::quote: return "quote";
        case Role::link: return "link";
        case Role::ruby: return "ruby";
        case Role::time: return "time";
        case Role::text: return "text";
    }
    return "?";
}

bool is_inline(Role role) { return role >= Role::label; }

}  // namespace gijiroku::style
