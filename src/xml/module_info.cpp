// The xml module: see DESIGN §2 for what it owns and what it may include.
namespace gijiroku::xml {
const char* module_name() { return "xml"; }
}  // namespace gijiroku::xml
