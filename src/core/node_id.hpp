// NodeId: the stable handle later stages keep instead of pointers into earlier ones
// (DESIGN §1), so a problem found while laying out page 7 can still name its XML line.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace gijiroku {

struct NodeId {
    std::uint32_t value = 0;  // 0 = no node

    constexpr bool valid() const { return value != 0; }
    constexpr explicit operator bool() const { return valid(); }
    friend constexpr auto operator<=>(const NodeId&, const NodeId&) = default;
};

}  // namespace gijiroku

template <>
struct std::hash<gijiroku::NodeId> {
    std::size_t operator()(gijiroku::NodeId id) const noexcept { return id.value; }
};
