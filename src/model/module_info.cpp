// The model module: see DESIGN §2 for what it owns and what it may include.
namespace gijiroku::model {
const char* module_name() { return "model"; }
}  // namespace gijiroku::model
