// The text module: see DESIGN §2 for what it owns and what it may include.
namespace gijiroku::text {
const char* module_name() { return "text"; }
}  // namespace gijiroku::text
