// The style module: see DESIGN §2 for what it owns and what it may include.
namespace gijiroku::style {
const char* module_name() { return "style"; }
}  // namespace gijiroku::style
