// pdf::Md5 against the test suite of RFC 1321 §A.5, in one call and in pieces of every size
// (the digest behind the trailer /ID must not change with how the writer feeds it).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "pdf/md5.hpp"

using gijiroku::pdf::Md5;

namespace {

std::string hex(const Md5& m) {
    std::string out;
    char buf[3];
    for (std::uint8_t b : m.digest()) {
        std::snprintf(buf, sizeof buf, "%02x", b);
        out += buf;
    }
    return out;
}

std::string md5_hex(const std::string& s, std::size_t piece) {
    Md5 m;
    for (std::size_t i = 0; i < s.size(); i += piece) m.update(s.data() + i, std::min(piece, s.size() - i));
    return hex(m);
}

}  // namespace

TEST_CASE("MD5 gives the digests of RFC 1321", "[pdf][md5]") {
    const std::pair<const char*, const char*> suite[] = {
        {"", "d41d8cd98f00b204e9800998ecf8427e"},
        {"a", "0cc175b9c0f1b6a831c399e269772661"},
        {"abc", "900150983cd24fb0d6963f7d28e17f72"},
        {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
        {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
        {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
         "d174ab98d277d9f5a5611c2c9f419d9f"},
        {"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "57edf4a22be3c955ac49da2e2107b67a"},
    };
    for (const auto& [text, digest] : suite) {
        INFO("\"" << text << "\"");
        for (std::size_t piece : {1, 3, 55, 56, 63, 64, 65, 1000}) CHECK(md5_hex(text, piece) == digest);
    }
}

TEST_CASE("MD5 digest() leaves the state usable", "[pdf][md5]") {
    Md5 m;
    m.update("message ", 8);
    (void)m.digest();
    m.update("digest", 6);
    CHECK(hex(m) == "f96b697d7cb7938d525a2f31aaf161d0");
    // A long input crosses many blocks and the 56-byte padding boundary.
    const std::string big(1000003, 'x');
    CHECK(md5_hex(big, 4096) == md5_hex(big, 7));
}
