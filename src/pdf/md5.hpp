// MD5 (RFC 1321) for the document digest behind the trailer /ID (haru.hpp). libharu's own
// (HPDF_MD5Update) copies each 64-byte block with a byte loop and byte-swaps it even on
// little-endian machines: 2.5% of rendering 100 pages (bench/, issue 6). Same digests.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace gijiroku::pdf {

class Md5 {
public:
    void update(const void* data, std::size_t size);
    // The digest of everything so far; the object stays usable (it finalises a copy).
    std::array<std::uint8_t, 16> digest() const;

private:
    void block(const unsigned char* p);

    std::uint32_t state_[4] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u};
    std::uint64_t length_ = 0;  // bytes hashed
    unsigned char buffer_[64] = {};
    std::size_t buffered_ = 0;
};

}  // namespace gijiroku::pdf
