// The layout module: see DESIGN §2 for what it owns and what it may include.
namespace gijiroku::layout {
const char* module_name() { return "layout"; }
}  // namespace gijiroku::layout
