#include "pdf/md5.hpp"

#include <cstring>

namespace gijiroku::pdf {

namespace {

constexpr std::uint32_t rotl(std::uint32_t x, int c) { return (x << c) | (x >> (32 - c)); }

// RFC 1321 §3.4: the constants floor(abs(sin(i + 1)) * 2^32), one per step.
constexpr std::uint32_t kSine[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

}  // namespace

void Md5::block(const unsigned char* p) {
    std::uint32_t m[16];
    for (int i = 0; i < 16; ++i)  // little-endian words, whatever the machine
        m[i] = static_cast<std::uint32_t>(p[4 * i]) | static_cast<std::uint32_t>(p[4 * i + 1]) << 8 |
               static_cast<std::uint32_t>(p[4 * i + 2]) << 16 | static_cast<std::uint32_t>(p[4 * i + 3]) << 24;
    std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    // The 64 steps written out (RFC 1321 §3.4), so that shifts and word indices are constants:
    // as a loop with tables it ran at half the speed of libharu's.
    auto F = [](std::uint32_t x, std::uint32_t y, std::uint32_t z) { return z ^ (x & (y ^ z)); };
    auto G = [](std::uint32_t x, std::uint32_t y, std::uint32_t z) { return y ^ (z & (x ^ y)); };
    auto H = [](std::uint32_t x, std::uint32_t y, std::uint32_t z) { return x ^ y ^ z; };
    auto I = [](std::uint32_t x, std::uint32_t y, std::uint32_t z) { return y ^ (x | ~z); };
#define GIJIROKU_MD5_STEP(f, w, x, y, z, k, s) w = x + rotl(w + f(x, y, z) + m[k] + kSine[n++], s)
    int n = 0;
    GIJIROKU_MD5_STEP(F, a, b, c, d, 0, 7);
    GIJIROKU_MD5_STEP(F, d, a, b, c, 1, 12);
    GIJIROKU_MD5_STEP(F, c, d, a, b, 2, 17);
    GIJIROKU_MD5_STEP(F, b, c, d, a, 3, 22);
    GIJIROKU_MD5_STEP(F, a, b, c, d, 4, 7);
    GIJIROKU_MD5_STEP(F, d, a, b, c, 5, 12);
    GIJIROKU_MD5_STEP(F, c, d, a, b, 6, 17);
    GIJIROKU_MD5_STEP(F, b, c, d, a, 7, 22);
    GIJIROKU_MD5_STEP(F, a, b, c, d, 8, 7);
    GIJIROKU_MD5_STEP(F, d, a, b, c, 9, 12);
    GIJIROKU_MD5_STEP(F, c, d, a, b, 10, 17);
    GIJIROKU_MD5_STEP(F, b, c, d, a, 11, 22);
    GIJIROKU_MD5_STEP(F, a, b, c, d, 12, 7);
    GIJIROKU_MD5_STEP(F, d, a, b, c, 13, 12);
    GIJIROKU_MD5_STEP(F, c, d, a, b, 14, 17);
    GIJIROKU_MD5_STEP(F, b, c, d, a, 15, 22);

    GIJIROKU_MD5_STEP(G, a, b, c, d, 1, 5);
    GIJIROKU_MD5_STEP(G, d, a, b, c, 6, 9);
    GIJIROKU_MD5_STEP(G, c, d, a, b, 11, 14);
    GIJIROKU_MD5_STEP(G, b, c, d, a, 0, 20);
    GIJIROKU_MD5_STEP(G, a, b, c, d, 5, 5);
    GIJIROKU_MD5_STEP(G, d, a, b, c, 10, 9);
    GIJIROKU_MD5_STEP(G, c, d, a, b, 15, 14);
    GIJIROKU_MD5_STEP(G, b, c, d, a, 4, 20);
    GIJIROKU_MD5_STEP(G, a, b, c, d, 9, 5);
    GIJIROKU_MD5_STEP(G, d, a, b, c, 14, 9);
    GIJIROKU_MD5_STEP(G, c, d, a, b, 3, 14);
    GIJIROKU_MD5_STEP(G, b, c, d, a, 8, 20);
    GIJIROKU_MD5_STEP(G, a, b, c, d, 13, 5);
    GIJIROKU_MD5_STEP(G, d, a, b, c, 2, 9);
    GIJIROKU_MD5_STEP(G, c, d, a, b, 7, 14);
    GIJIROKU_MD5_STEP(G, b, c, d, a, 12, 20);

    GIJIROKU_MD5_STEP(H, a, b, c, d, 5, 4);
    GIJIROKU_MD5_STEP(H, d, a, b, c, 8, 11);
    GIJIROKU_MD5_STEP(H, c, d, a, b, 11, 16);
    GIJIROKU_MD5_STEP(H, b, c, d, a, 14, 23);
    GIJIROKU_MD5_STEP(H, a, b, c, d, 1, 4);
    GIJIROKU_MD5_STEP(H, d, a, b, c, 4, 11);
    GIJIROKU_MD5_STEP(H, c, d, a, b, 7, 16);
    GIJIROKU_MD5_STEP(H, b, c, d, a, 10, 23);
    GIJIROKU_MD5_STEP(H, a, b, c, d, 13, 4);
    GIJIROKU_MD5_STEP(H, d, a, b, c, 0, 11);
    GIJIROKU_MD5_STEP(H, c, d, a, b, 3, 16);
    GIJIROKU_MD5_STEP(H, b, c, d, a, 6, 23);
    GIJIROKU_MD5_STEP(H, a, b, c, d, 9, 4);
    GIJIROKU_MD5_STEP(H, d, a, b, c, 12, 11);
    GIJIROKU_MD5_STEP(H, c, d, a, b, 15, 16);
    GIJIROKU_MD5_STEP(H, b, c, d, a, 2, 23);

    GIJIROKU_MD5_STEP(I, a, b, c, d, 0, 6);
    GIJIROKU_MD5_STEP(I, d, a, b, c, 7, 10);
    GIJIROKU_MD5_STEP(I, c, d, a, b, 14, 15);
    GIJIROKU_MD5_STEP(I, b, c, d, a, 5, 21);
    GIJIROKU_MD5_STEP(I, a, b, c, d, 12, 6);
    GIJIROKU_MD5_STEP(I, d, a, b, c, 3, 10);
    GIJIROKU_MD5_STEP(I, c, d, a, b, 10, 15);
    GIJIROKU_MD5_STEP(I, b, c, d, a, 1, 21);
    GIJIROKU_MD5_STEP(I, a, b, c, d, 8, 6);
    GIJIROKU_MD5_STEP(I, d, a, b, c, 15, 10);
    GIJIROKU_MD5_STEP(I, c, d, a, b, 6, 15);
    GIJIROKU_MD5_STEP(I, b, c, d, a, 13, 21);
    GIJIROKU_MD5_STEP(I, a, b, c, d, 4, 6);
    GIJIROKU_MD5_STEP(I, d, a, b, c, 11, 10);
    GIJIROKU_MD5_STEP(I, c, d, a, b, 2, 15);
    GIJIROKU_MD5_STEP(I, b, c, d, a, 9, 21);
#undef GIJIROKU_MD5_STEP
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
}

void Md5::update(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    length_ += size;
    if (buffered_ > 0) {
        const std::size_t take = size < 64 - buffered_ ? size : 64 - buffered_;
        std::memcpy(buffer_ + buffered_, p, take);
        buffered_ += take;
        p += take;
        size -= take;
        if (buffered_ < 64) return;
        block(buffer_);
        buffered_ = 0;
    }
    for (; size >= 64; p += 64, size -= 64) block(p);
    if (size > 0) std::memcpy(buffer_, p, size);
    buffered_ = size;
}

std::array<std::uint8_t, 16> Md5::digest() const {
    Md5 c = *this;
    const std::uint64_t bits = length_ * 8;
    // RFC 1321 §3.1–3.2: a 1 bit, zeros to 56 bytes mod 64, then the length in bits.
    static const unsigned char pad[64] = {0x80};
    c.update(pad, buffered_ < 56 ? 56 - buffered_ : 120 - buffered_);
    unsigned char len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(bits >> (8 * i));
    c.update(len, 8);
    std::array<std::uint8_t, 16> out{};
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) out[static_cast<std::size_t>(4 * i + j)] = static_cast<std::uint8_t>(c.state_[i] >> (8 * j));
    return out;
}

}  // namespace gijiroku::pdf
