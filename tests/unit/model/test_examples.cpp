#include <catch2/catch.hpp>

#include "model/dump.hpp"
#include "model_test_support.hpp"

using namespace model_test;

TEST_CASE("the examples build and check clean") {
    for (const char* name : {"tokyo-2025-03-25.xml", "mext-council-2025-06-12.xml", "city-kaigiroku-2024-11-20.xml"}) {
        INFO(name);
        const Loaded r = load_file(example_path(name));
        INFO(messages(r.read_diags));
        INFO(messages(r.check_diags));
        REQUIRE(r.minutes);
        CHECK(r.read_diags.empty());
        CHECK(r.check_diags.empty());
    }
}

namespace {
using namespace gijiroku::model;

template <class T>
int count_blocks(const std::vector<Block>& blocks) {
    int n = 0;
    for (const Block& b : blocks) {
        if (std::holds_alternative<T>(b.node)) ++n;
        if (const auto* it = std::get_if<Item>(&b.node)) n += count_blocks<T>(it->blocks);
    }
    return n;
}

template <class T>
const T* particular(const Minutes& m) {
    for (const Particular& p : m.particulars)
        if (const auto* x = std::get_if<T>(&p)) return x;
    return nullptr;
}
}  // namespace

TEST_CASE("the ministry council example: a 議事録 with speaker turns and handouts") {
    const Loaded r = load_file(example_path("mext-council-2025-06-12.xml"));
    REQUIRE(r.minutes);
    const Minutes& m = *r.minutes;
    CHECK(m.kind == DocumentKind::record);
    CHECK(m.header.session->fiscal_year->start_year == 2025);
    const auto* dt = particular<DateTime>(m);
    REQUIRE(dt);
    CHECK((dt->opened && dt->closed));
    CHECK(particular<Venue>(m)->mode == VenueMode::hybrid);
    CHECK(particular<Agenda>(m) != nullptr);
    REQUIRE(particular<NextMeeting>(m));
    CHECK(particular<NextMeeting>(m)->date->value == Date{2025, 7, 17});
    const auto* handouts = particular<Handouts>(m);
    REQUIRE(handouts);
    CHECK(handouts->items.size() == 5);
    CHECK(m.find_handout("h1-2")->number == "資料1\u22122");  // U+2212 MINUS SIGN as printed
    CHECK(m.find_handout("r1")->number == "参考資料1");
    CHECK(m.find_group("mext")->kind == GroupKind::staff);
    CHECK(m.find_person("takahashi")->role == "座長");
    const auto& blocks = m.proceedings->blocks;
    CHECK(count_blocks<Speech>(blocks) >= 15);
    CHECK(count_blocks<Interjection>(blocks) == 1);
    CHECK(count_blocks<Decision>(blocks) == 1);
    CHECK(count_blocks<Note>(blocks) == 1);
    CHECK(std::get<Item>(blocks.front().node).procedure == Procedure::opening);
    CHECK(std::get<Item>(blocks.back().node).procedure == Procedure::closing);
    CHECK(m.end_mark);
    REQUIRE(m.contact);
    CHECK(m.contact->extension == "2978");
}

TEST_CASE("the municipal example: a 会議録 with Q&A, a table, a closed session and a proxy") {
    const Loaded r = load_file(example_path("city-kaigiroku-2024-11-20.xml"));
    REQUIRE(r.minutes);
    const Minutes& m = *r.minutes;
    CHECK(m.kind == DocumentKind::proceedings);
    const Session& s = *m.header.session;
    CHECK(s.extraordinary);
    CHECK(s.fiscal_year->start_year == 2024);
    CHECK(particular<DateTime>(m)->weekday->value == "水");
    CHECK(particular<Observers>(m)->count == 2);
    const Person* okabe = m.find_person("okabe");
    REQUIRE(okabe);
    CHECK(!okabe->present);
    CHECK(!okabe->proxy.empty());
    const auto& blocks = m.proceedings->blocks;
    CHECK(count_blocks<QA>(blocks) == 2);
    CHECK(count_blocks<Table>(blocks) == 1);
    CHECK(count_blocks<ClosedSession>(blocks) == 1);
    CHECK(count_blocks<Decision>(blocks) == 3);
    REQUIRE(m.contact);
    CHECK(!m.contact->phone.empty());
    CHECK(!m.contact->extension.empty());
    CHECK(!m.contact->fax.empty());
}
