// The api module: see DESIGN §2 for what it owns and what it may include.
namespace gijiroku::api {
const char* module_name() { return "api"; }
}  // namespace gijiroku::api
