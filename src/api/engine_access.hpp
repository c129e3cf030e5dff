// What src/api/import.cpp needs from the engine's private state (engine.cpp): its template
// cache and its choice of template by document kind, so that `import` recognises exactly the
// wording `render` will print.
#pragma once

#include <memory>
#include <string>

#include "core/diagnostic.hpp"
#include "gijiroku/gijiroku.hpp"
#include "model/minutes.hpp"
#include "style/template.hpp"

namespace gijiroku::api {

// The template `name` as Engine::render loads it (cached, shared read-only), or nullptr when it
// cannot be loaded; loading diagnostics go to `diags`.
std::shared_ptr<const style::Template> engine_template(const Engine::Impl& impl, const std::string& name,
                                                       Diagnostics& diags);

// The template render uses for a kind of document when none is named.
std::string default_template_for_kind(model::DocumentKind kind);

}  // namespace gijiroku::api
