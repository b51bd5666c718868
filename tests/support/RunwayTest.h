// One way to write a test for both builds.
//
// With Qt (the normal build) this is Qt Test: test classes are QObjects whose private slots are the
// test functions, run by QTEST_APPLESS_MAIN. engine-core must also build and be tested where Qt is
// absent (RUNWAY_CORE_ONLY), so for that build this header supplies the small part of the Qt Test
// API the engine-core tests use (QVERIFY, QVERIFY2, QCOMPARE, QSKIP, QFAIL) and a runner that calls
// the functions named in RUNWAY_TEST_MAIN. It prints the same "Totals:" line as Qt Test.
//
// A test file ends with:
//   RUNWAY_TEST_MAIN(TestClass, firstTest, secondTest, ...)
//   #ifndef RUNWAY_NO_QT
//   #include "tst_name.moc"
//   #endif
#pragma once

#ifndef RUNWAY_NO_QT

#include <QtTest>
#define RUNWAY_TEST_MAIN(Class, ...) QTEST_APPLESS_MAIN(Class)

#else

#include <cstdio>
#include <sstream>
#include <string>
#include <type_traits>

class QObject {
public:
    virtual ~QObject() = default;
};
namespace runway::test {
template <typename Class>
struct Access; // RUNWAY_TEST_MAIN specializes it to reach the private test functions
}
#define Q_OBJECT template <typename> friend struct ::runway::test::Access;
#define slots

namespace runway::test {
struct Skipped {};
struct Failed {};

template <typename T>
std::string show(const T& v)
{
    if constexpr (std::is_same_v<T, bool>) {
        return v ? "true" : "false";
    } else if constexpr (requires(std::ostream& o) { o << v; }) {
        std::ostringstream s;
        s << v;
        return s.str();
    } else {
        return "<value>";
    }
}

inline void fail(const char* file, int line, const std::string& what)
{
    std::printf("FAIL!  : %s\n   Loc: [%s(%d)]\n", what.c_str(), file, line);
    throw Failed{};
}

template <typename A, typename B>
void compare(const A& a, const B& b, const char* ea, const char* eb, const char* file, int line)
{
    if (!(a == b))
        fail(file, line,
             std::string("Compared values are not the same\n   Actual   (") + ea + "): " + show(a) + "\n   Expected (" + eb +
                 "): " + show(b));
}

template <typename Class>
int run(const char* className, std::initializer_list<std::pair<const char*, void (Class::*)()>> tests)
{
    int passed = 0, failed = 0, skipped = 0;
    std::printf("********* Start testing of %s (without Qt) *********\n", className);
    for (const auto& [name, fn] : tests) {
        Class object;
        try {
            (object.*fn)();
            ++passed;
            std::printf("PASS   : %s::%s()\n", className, name);
        } catch (const Skipped&) {
            ++skipped;
        } catch (const Failed&) {
            ++failed;
            std::printf("        (in %s::%s())\n", className, name);
        } catch (const std::exception& e) {
            ++failed;
            std::printf("FAIL!  : %s::%s() threw %s\n", className, name, e.what());
        }
    }
    std::printf("Totals: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
    std::printf("********* Finished testing of %s *********\n", className);
    return failed == 0 ? 0 : 1;
}
} // namespace runway::test

#define QVERIFY(cond)                                                                                                  \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::runway::test::fail(__FILE__, __LINE__, std::string("'") + #cond + "' returned FALSE.");                 \
    } while (0)
#define QVERIFY2(cond, msg)                                                                                            \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::runway::test::fail(__FILE__, __LINE__, std::string("'") + #cond + "' returned FALSE. (" + (msg) + ")"); \
    } while (0)
#define QCOMPARE(a, b)                                                                                                 \
    do {                                                                                                               \
        ::runway::test::compare((a), (b), #a, #b, __FILE__, __LINE__);                                                 \
    } while (0)
#define QFAIL(msg) ::runway::test::fail(__FILE__, __LINE__, (msg))
#define QSKIP(msg)                                                                                                     \
    do {                                                                                                               \
        std::printf("SKIP   : %s\n", (msg));                                                                           \
        throw ::runway::test::Skipped{};                                                                               \
    } while (0)

#define RUNWAY_TEST_ENTRY(Class, fn) {#fn, &Class::fn}
#define RUNWAY_FE_1(C, a) RUNWAY_TEST_ENTRY(C, a)
#define RUNWAY_FE_2(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_1(C, __VA_ARGS__)
#define RUNWAY_FE_3(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_2(C, __VA_ARGS__)
#define RUNWAY_FE_4(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_3(C, __VA_ARGS__)
#define RUNWAY_FE_5(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_4(C, __VA_ARGS__)
#define RUNWAY_FE_6(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_5(C, __VA_ARGS__)
#define RUNWAY_FE_7(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_6(C, __VA_ARGS__)
#define RUNWAY_FE_8(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_7(C, __VA_ARGS__)
#define RUNWAY_FE_9(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_8(C, __VA_ARGS__)
#define RUNWAY_FE_10(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_9(C, __VA_ARGS__)
#define RUNWAY_FE_11(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_10(C, __VA_ARGS__)
#define RUNWAY_FE_12(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_11(C, __VA_ARGS__)
#define RUNWAY_FE_13(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_12(C, __VA_ARGS__)
#define RUNWAY_FE_14(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_13(C, __VA_ARGS__)
#define RUNWAY_FE_15(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_14(C, __VA_ARGS__)
#define RUNWAY_FE_16(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_15(C, __VA_ARGS__)
#define RUNWAY_FE_17(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_16(C, __VA_ARGS__)
#define RUNWAY_FE_18(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_17(C, __VA_ARGS__)
#define RUNWAY_FE_19(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_18(C, __VA_ARGS__)
#define RUNWAY_FE_20(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_19(C, __VA_ARGS__)
#define RUNWAY_FE_21(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_20(C, __VA_ARGS__)
#define RUNWAY_FE_22(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_21(C, __VA_ARGS__)
#define RUNWAY_FE_23(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_22(C, __VA_ARGS__)
#define RUNWAY_FE_24(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_23(C, __VA_ARGS__)
#define RUNWAY_FE_25(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_24(C, __VA_ARGS__)
#define RUNWAY_FE_26(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_25(C, __VA_ARGS__)
#define RUNWAY_FE_27(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_26(C, __VA_ARGS__)
#define RUNWAY_FE_28(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_27(C, __VA_ARGS__)
#define RUNWAY_FE_29(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_28(C, __VA_ARGS__)
#define RUNWAY_FE_30(C, a, ...) RUNWAY_TEST_ENTRY(C, a), RUNWAY_FE_29(C, __VA_ARGS__)
#define RUNWAY_FE_PICK(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20, _21,  \
                       _22, _23, _24, _25, _26, _27, _28, _29, _30, N, ...)                                             \
    N
#define RUNWAY_FOR_EACH(C, ...)                                                                                        \
    RUNWAY_FE_PICK(__VA_ARGS__, RUNWAY_FE_30, RUNWAY_FE_29, RUNWAY_FE_28, RUNWAY_FE_27, RUNWAY_FE_26, RUNWAY_FE_25,    \
                   RUNWAY_FE_24, RUNWAY_FE_23, RUNWAY_FE_22, RUNWAY_FE_21, RUNWAY_FE_20, RUNWAY_FE_19, RUNWAY_FE_18,    \
                   RUNWAY_FE_17, RUNWAY_FE_16, RUNWAY_FE_15, RUNWAY_FE_14, RUNWAY_FE_13, RUNWAY_FE_12, RUNWAY_FE_11,    \
                   RUNWAY_FE_10, RUNWAY_FE_9, RUNWAY_FE_8, RUNWAY_FE_7, RUNWAY_FE_6, RUNWAY_FE_5, RUNWAY_FE_4,          \
                   RUNWAY_FE_3, RUNWAY_FE_2, RUNWAY_FE_1)                                                              \
    (C, __VA_ARGS__)
#define RUNWAY_TEST_MAIN(Class, ...)                                                                                   \
    template <>                                                                                                        \
    struct runway::test::Access<Class> {                                                                               \
        static int run() { return ::runway::test::run<Class>(#Class, {RUNWAY_FOR_EACH(Class, __VA_ARGS__)}); }         \
    };                                                                                                                 \
    int main() { return ::runway::test::Access<Class>::run(); }

#endif

#include <filesystem>
#include <string>

namespace runway::test {
/// The shared corpus of files written by other projects, or empty when this checkout has none.
inline std::string corpusDir()
{
    const std::string dir = RUNWAY_CORPUS_DIR;
    return std::filesystem::is_directory(dir) ? dir : std::string();
}
} // namespace runway::test

/// Skips the current test, with a message, when the shared corpus is absent.
#define RUNWAY_REQUIRE_CORPUS()                                                                                        \
    do {                                                                                                               \
        if (::runway::test::corpusDir().empty())                                                                       \
            QSKIP("the shared corpus (../shared/corpus beside the checkout) is absent; corpus tests are skipped");     \
    } while (0)
