// The font module: see DESIGN §2 for what it owns and what it may include.
namespace gijiroku::font {
const char* module_name() { return "font"; }
}  // namespace gijiroku::font
