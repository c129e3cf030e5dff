// The xhtml module: see DESIGN §2 for what it owns and what it may include.
namespace gijiroku::xhtml {
const char* module_name() { return "xhtml"; }
}  // namespace gijiroku::xhtml
