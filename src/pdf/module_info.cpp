// The pdf module: see DESIGN §2 for what it owns and what it may include.
namespace gijiroku::pdf {
const char* module_name() { return "pdf"; }
}  // namespace gijiroku::pdf
