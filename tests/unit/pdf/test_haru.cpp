// The libharu adapter: 2.3.0's limits, refused names, number trees, sticky errors.
#include <catch2/catch.hpp>

#include "pdf/haru.hpp"
#include "tools.hpp"

using namespace gijiroku::pdf;


TEST_CASE("arrays past 32,767 items and strings past 65,535 bytes are written", "[pdf][haru]") {
    auto doc = haru::Document::create(false);
    REQUIRE(doc);
    doc->add_page(595.276, 841.89);
    haru::Obj holder = doc->new_dict(true);
    haru::Obj big = doc->new_array();
    for (int i = 0; i < 40000; ++i) doc->push_int(big, i);
    haru::Obj shared = doc->new_dict(true);  // indirect items past the limit need proxies
    for (int i = 0; i < 3; ++i) doc->push(big, shared);
    doc->put(holder, "Big", big);
    doc->put_bytes(holder, "Long", std::string(70000, 'x'));
    doc->put(doc->catalog(), "TestHolder", holder);
    REQUIRE(doc->ok());
    const auto bytes = doc->save();
    REQUIRE(bytes);
    CHECK(bytes->find(" 39999 ") != std::string::npos);

    const std::string path = test::write_scratch("haru-limits.pdf", *bytes);
    const auto check = test::run_command("qpdf --check " + path);
    INFO(check.output);
    CHECK(check.status == 0);
    // qpdf reads the array back with every item.
    const auto json = test::run_command("/usr/bin/python3 -c \"import pikepdf,sys; p=pikepdf.open(sys.argv[1]); "
                                        "h=p.Root.TestHolder; print(len(h.Big), len(bytes(h.Long)))\" " +
                                        path, false);
    CHECK(json.output == "40003 70000\n");
}

TEST_CASE("names outside the writer's vocabulary are refused", "[pdf][haru]") {
    CHECK(haru::is_safe_name("StructElem"));
    CHECK(haru::is_safe_name("ABCDEF+BIZUDMincho-Regular"));
    CHECK_FALSE(haru::is_safe_name("議事"));
    CHECK_FALSE(haru::is_safe_name("a b"));
    CHECK_FALSE(haru::is_safe_name("a/b"));
    CHECK_FALSE(haru::is_safe_name(""));
    CHECK_FALSE(haru::is_safe_name(std::string(128, 'a')));

    auto doc = haru::Document::create(true);
    haru::Obj d = doc->new_dict(true);
    doc->put_name(d, "S", "P Q");
    CHECK_FALSE(doc->ok());
    CHECK(doc->error().find("refused") != std::string::npos);
    // Sticky: nothing after the first error, and no output.
    doc->put_int(d, "K", 1);
    CHECK_FALSE(doc->save());
}

TEST_CASE("libharu's own errors are caught (a real out of range)", "[pdf][haru]") {
    auto doc = haru::Document::create(true);
    haru::Obj a = doc->new_array();
    doc->push_real(a, 40000.0);  // 2.3.0 reals stop at ±32,767
    CHECK_FALSE(doc->ok());
    CHECK_FALSE(doc->error().empty());
}

TEST_CASE("containers never attached are freed with the document, attached ones once", "[pdf][haru]") {
    // libharu frees only what hangs from the document: a direct array or dictionary the writer
    // made and never attached (an error stopped it first) leaked. The sanitizer build
    // (scripts/ci-extra, detect_leaks=1) fails on a leak or a double free here.
    auto doc = haru::Document::create(false);
    doc->add_page(100, 100);
    haru::Obj loose_array = doc->new_array();
    doc->push_int(loose_array, 1);
    haru::Obj loose_dict = doc->new_dict(false);
    haru::Obj inner = doc->new_array();  // attached to a loose dictionary: freed with it
    doc->put(loose_dict, "Inner", inner);
    haru::Obj replaced = doc->new_array();  // attached, then freed by libharu when replaced
    doc->put(doc->catalog(), "Test", replaced);
    doc->put(doc->catalog(), "Test", doc->new_array());
    CHECK(doc->ok());
    CHECK(doc->save());
    // And after an error, whatever was made before it and not yet attached.
    auto failed = haru::Document::create(false);
    haru::Obj a = failed->new_array();
    haru::Obj d = failed->new_dict(false);
    failed->push_real(a, 1e9);  // out of libharu's range: the sticky error
    failed->put(d, "A", a);     // refused after the error: both stay loose
    CHECK_FALSE(failed->ok());
}

TEST_CASE("number trees split into /Kids with /Limits", "[pdf][haru]") {
    auto doc = haru::Document::create(false);
    doc->add_page(100, 100);
    std::vector<std::pair<std::int64_t, haru::Obj>> entries;
    for (int i = 0; i < 1000; ++i) {
        haru::Obj v = doc->new_array();
        doc->push_int(v, i * 7);
        entries.emplace_back(i * 2, v);
    }
    doc->put(doc->catalog(), "TestTree", doc->number_tree(std::move(entries), 10));
    std::vector<std::pair<std::string, haru::Obj>> names;
    for (int i = 0; i < 30; ++i) {
        char key[8];
        std::snprintf(key, sizeof key, "k%03d", i);
        names.emplace_back(key, doc->new_dict(false));
    }
    doc->put(doc->catalog(), "TestNames", doc->name_tree(std::move(names), 4));
    const auto bytes = doc->save();
    REQUIRE(bytes);
    const std::string path = test::write_scratch("haru-tree.pdf", *bytes);
    REQUIRE(test::run_command("qpdf --check " + path).status == 0);
    // Walk both trees with pikepdf's own NumberTree/NameTree readers.
    const auto r = test::run_command(
        "/usr/bin/python3 -c \"import pikepdf,sys; from pikepdf import NumberTree, NameTree; p=pikepdf.open(sys.argv[1]); "
        "t=NumberTree(p.Root.TestTree); ks=[k for k,_ in t.items()]; "
        "print(len(ks), ks[0], ks[-1], int(t[1998][0]), len(p.Root.TestTree.Kids)); "
        "n=NameTree(p.Root.TestNames); print(len(list(n.keys())), sorted(n.keys())[-1])\" " + path, false);
    CHECK(r.output == "1000 0 1998 6993 10\n30 k029\n");
}

TEST_CASE("the digest follows the content", "[pdf][haru]") {
    auto a = haru::Document::create(true);
    auto b = haru::Document::create(true);
    auto c = haru::Document::create(true);
    for (auto* d : {a.get(), b.get(), c.get()}) d->put_text(d->catalog(), "Lang", "ja");
    c->put_text(c->catalog(), "Lang", "en");
    CHECK(a->digest() == b->digest());
    CHECK(a->digest() != c->digest());
}
