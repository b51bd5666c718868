// Process variables (Value, Variables) and the expression evaluator: FEEL as Camunda 8 writes it,
// JUEL as Camunda 7 writes it, their errors with columns, the limits on untrusted text, the JUEL to
// FEEL conversion, and every condition of the shared corpus.
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/Expression.h"
#include "runway/core/Value.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace runway::core;
using runway::test::corpusDir;

namespace {

std::string S(std::string_view s)
{
    return std::string(s);
}

bool contains(const std::string& hay, std::string_view needle)
{
    return hay.find(needle) != std::string::npos;
}

/// The value as FEEL writes it, or "error: ..." (of compiling or of evaluating).
std::string eval(std::string_view text, const Variables& vars = {}, Dialect d = Dialect::Auto,
                 const EvalContext& context = {})
{
    auto c = Expression::compile(text, d);
    if (!c)
        return "error: " + c.error.message;
    auto r = c->evaluate(vars, context);
    return r ? r->toString() : "error: " + r.error.message;
}

/// The error of compiling, or else of evaluating; empty message when there is none.
ExpressionError errorOf(std::string_view text, const Variables& vars = {}, Dialect d = Dialect::Auto)
{
    auto c = Expression::compile(text, d);
    if (!c)
        return c.error;
    auto r = c->evaluate(vars);
    return r ? ExpressionError{} : r.error;
}

std::string feelOf(std::string_view juel)
{
    auto r = Expression::toFeel(juel);
    return r ? *r.text : "error: " + r.error.message;
}

Variables orderVars()
{
    Variables v;
    v.set("amount", 1500);
    v.set("approved", true);
    v.set("tier", "gold");
    v.set("nothing", Value());
    v.set("customer", Context{{"tier", "gold"}, {"age", 42}, {"address", Context{{"city", "Lyon"}}}});
    v.set("items", List{1, 5, 3, 8});
    v.set("orders", List{Context{{"id", "a"}, {"total", 10}}, Context{{"id", "b"}, {"total", 250}},
                         Context{{"id", "c"}, {"total", 90}}});
    return v;
}

} // namespace

class TestExpression : public QObject {
    Q_OBJECT
private slots:
    void valuesAndVariables()
    {
        QCOMPARE(Value().toString(), S("null"));
        QCOMPARE(S(Value(true).typeName()), S("boolean"));
        QCOMPARE(Value(1500).toString(), S("1500"));
        QCOMPARE(Value(0.25).toString(), S("0.25"));
        QCOMPARE(Value(9007199254740991.0).toString(), S("9007199254740991")); // 2^53 - 1, exact
        QCOMPARE(Value("say \"hi\"").toString(), S("\"say \\\"hi\\\"\""));
        QCOMPARE(Value("text").toText(), S("text"));
        QCOMPARE(Value(List{1, "a", Value()}).toString(), S("[1, \"a\", null]"));
        QCOMPARE(Value(Context{{"a", 1}, {"b c", 2}}).toString(), S("{a: 1, \"b c\": 2}"));
        QVERIFY(Value(1) == Value(1.0));
        QVERIFY(!(Value(1) == Value("1")));
        QVERIFY(Value(Context{{"a", 1}, {"b", 2}}) == Value(Context{{"b", 2}, {"a", 1}}));
        QVERIFY(Value(List{1, 2}) == Value(List{1, 2}));
        QVERIFY(!(Value(List{1, 2}) == Value(List{2, 1})));
        QCOMPARE(Value(3).asString(), S("")); // the wrong type reads as empty, never throws
        QVERIFY(sizeof(Value) <= 16);
        QCOMPARE(Value{1500}.toString(), S("1500"));
        QCOMPARE(Value{std::string("s")}.toString(), S("\"s\""));
        QCOMPARE(Value(7u).toString(), S("7"));
        QCOMPARE(Value(-2.5f).toString(), S("-2.5"));

        Variables v;
        v.set("b", 2);
        v.set("a", 1);
        v.set("a", 3);
        QCOMPARE(v.size(), std::size_t(2));
        QCOMPARE(v.begin()->first, S("a")); // sorted
        QCOMPARE(v.find("a")->asNumber(), 3.0);
        QVERIFY(v.find("c") == nullptr);
        v.setPath("customer.address.city", "Lyon");
        v.setPath("customer.tier", "gold");
        QCOMPARE(v.findPath("customer.address.city")->asString(), S("Lyon"));
        QCOMPARE(v.findPath("customer.tier")->asString(), S("gold"));
        QVERIFY(v.findPath("customer.nope") == nullptr);
        QVERIFY(v.findPath("a.b") == nullptr);
        Variables copy = v; // shares the payloads
        copy.setPath("customer.tier", "silver");
        QCOMPARE(v.findPath("customer.tier")->asString(), S("gold"));
        QVERIFY(!(copy == v));
        QVERIFY(v.erase("b"));
        QVERIFY(!v.erase("b"));
    }

    void arithmeticAndPrecedence()
    {
        QCOMPARE(eval("=1 + 2 * 3"), S("7"));
        QCOMPARE(eval("=(1 + 2) * 3"), S("9"));
        QCOMPARE(eval("=10 - 4 - 3"), S("3")); // left to right
        QCOMPARE(eval("=12 / 4 / 3"), S("1"));
        QCOMPARE(eval("=7 / 2"), S("3.5"));
        QCOMPARE(eval("=2 ** 10"), S("1024"));
        QCOMPARE(eval("=-2 ** 2"), S("-4")); // ** binds tighter than unary minus
        QCOMPARE(eval("=2 * -3"), S("-6"));
        QCOMPARE(eval("=- -4"), S("4"));
        QCOMPARE(eval("=1 + 2 * 3 ** 2 - 4 / 2"), S("17"));
        QCOMPARE(eval("=.5 + 1.25"), S("1.75"));
        QCOMPARE(eval("=1e3"), S("1000"));
        QCOMPARE(eval("=9007199254740991 - 1"), S("9007199254740990"));
        QCOMPARE(eval("=\"ab\" + \"cd\""), S("\"abcd\""));
        QCOMPARE(eval("=\"tab\\there \\\"q\\\" \\u00e9\""), S("\"tab\\there \\\"q\\\" \xc3\xa9\""));
        QCOMPARE(eval("=amount * 2 + 1", orderVars()), S("3001"));
        QCOMPARE(eval("=1 + nothing", orderVars()), S("null"));
        QCOMPARE(eval("=-nothing", orderVars()), S("null"));
        QCOMPARE(eval("=1 > 0 = true"), S("error: unexpected '=' at column 8: comparisons cannot be chained; write "
                                          "'a < b and b < c'"));
    }

    void comparisons()
    {
        const Variables v = orderVars();
        QCOMPARE(eval("=amount > 1000", v), S("true"));
        QCOMPARE(eval("=amount >= 1500", v), S("true"));
        QCOMPARE(eval("=amount < 1500", v), S("false"));
        QCOMPARE(eval("=amount <= 1499", v), S("false"));
        QCOMPARE(eval("=amount = 1500", v), S("true"));
        QCOMPARE(eval("=amount != 1500", v), S("false"));
        QCOMPARE(eval("=tier = \"gold\"", v), S("true"));
        QCOMPARE(eval("=\"apple\" < \"banana\"", v), S("true"));
        QCOMPARE(eval("=[1, 2] = [1, 2]", v), S("true"));
        QCOMPARE(eval("={a: 1} = {a: 1}", v), S("true"));
        QCOMPARE(eval("=amount > 1000 and tier = \"gold\"", v), S("true"));
        QCOMPARE(eval("=amount > 1000 and customer.tier = \"gold\"", v), S("true"));
        QCOMPARE(eval("=1 + 1 = 2 and not(false)"), S("true"));
    }

    void threeValuedLogic()
    {
        const Variables v{{"t", true}, {"f", false}, {"n", Value()}};
        const char* table[][3] = {
            // a, b, a and b / a or b
            {"t", "t", "true/true"},  {"t", "f", "false/true"},  {"t", "n", "null/true"},
            {"f", "t", "false/true"}, {"f", "f", "false/false"}, {"f", "n", "false/null"},
            {"n", "t", "null/true"},  {"n", "f", "false/null"},  {"n", "n", "null/null"},
        };
        for (const auto& row : table) {
            const std::string a = row[0], b = row[1];
            const std::string got = eval("=" + a + " and " + b, v) + "/" + eval("=" + a + " or " + b, v);
            QVERIFY2(got == row[2], (a + ", " + b + ": " + got).c_str());
        }
        QCOMPARE(eval("=not(t)", v), S("false"));
        QCOMPARE(eval("=not(n)", v), S("null"));
        // Short-circuit: the right side is not evaluated once the left decides.
        QCOMPARE(eval("=false and unknownVar", v), S("false"));
        QCOMPARE(eval("=true or unknownVar", v), S("true"));
        QVERIFY(contains(eval("=true and unknownVar", v), "unknown variable 'unknownVar'"));
        QCOMPARE(eval("=1 and true"), S("error: expected a boolean on both sides of 'and' but got number (column 4)"));
        QCOMPARE(eval("=not(1)"), S("error: expected a boolean in not() but got number (column 2)"));
    }

    void nullRules()
    {
        const Variables v{{"n", Value()}, {"x", 5}};
        QCOMPARE(eval("=n > 1", v), S("null"));
        QCOMPARE(eval("=n <= \"a\"", v), S("null"));
        QCOMPARE(eval("=n = null", v), S("true"));
        QCOMPARE(eval("=x = null", v), S("false"));
        QCOMPARE(eval("=x != null", v), S("true"));
        QCOMPARE(eval("=null = null"), S("true"));
        QCOMPARE(eval("=n * 2", v), S("null"));
        QCOMPARE(eval("=if n then 1 else 2", v), S("2")); // a null condition takes the else branch
        QCOMPARE(eval("=upper case(n)", v), S("null"));   // functions give null for a null argument
        QCOMPARE(eval("=n.field", v), S("null"));
        QCOMPARE(eval("=n[1]", v), S("null"));
    }

    void pathsIntoContexts()
    {
        const Variables v = orderVars();
        QCOMPARE(eval("=customer.tier", v), S("\"gold\""));
        QCOMPARE(eval("=customer.address.city", v), S("\"Lyon\""));
        QCOMPARE(eval("=customer.missing", v), S("null"));
        QCOMPARE(eval("=customer.missing.deeper", v), S("null"));
        QCOMPARE(eval("=orders.total", v), S("[10, 250, 90]"));
        QCOMPARE(eval("={a: 1, b: {c: \"x\"}}.b.c"), S("\"x\""));
        QCOMPARE(eval("={\"first name\": \"Ada\"}", v), S("{\"first name\": \"Ada\"}"));
        QCOMPARE(eval("=amount.value", v), S("error: cannot read 'value' of a number (1500) (column 9)"));
        QCOMPARE(errorOf("={a: 1, a: 2}").message, S("the key 'a' at column 9 appears twice in the context"));
    }

    void listsFiltersAndIndexes()
    {
        const Variables v = orderVars();
        QCOMPARE(eval("=[1, 2, 3]"), S("[1, 2, 3]"));
        QCOMPARE(eval("=[]"), S("[]"));
        QCOMPARE(eval("=items[1]", v), S("1"));
        QCOMPARE(eval("=items[4]", v), S("8"));
        QCOMPARE(eval("=items[-1]", v), S("8"));
        QCOMPARE(eval("=items[5]", v), S("null"));
        QCOMPARE(eval("=items[0]", v), S("null"));
        QCOMPARE(eval("=items[item > 3]", v), S("[5, 8]"));
        QCOMPARE(eval("=items[item > 100]", v), S("[]"));
        QCOMPARE(eval("=orders[total > 50].id", v), S("[\"b\", \"c\"]"));
        QCOMPARE(eval("=orders[item.total > 200][1].id", v), S("\"b\""));
        QCOMPARE(eval("=count(orders[total > 50]) = 2", v), S("true"));
        QCOMPARE(eval("=[][item > 1]"), S("[]"));
        QCOMPARE(eval("=[[1, 2], [3]][2][1]"), S("3"));
        QCOMPARE(eval("=amount[1]", v), S("error: expected a list before '[' but got number (column 8)"));
        QCOMPARE(eval("=items[\"x\"]", v),
                 S("error: expected a boolean (a condition) or a number (an index) in '[...]' but got string "
                   "(column 7)"));
    }

    void rangesInAndBetween()
    {
        const Variables v{{"x", 5}, {"s", "b"}, {"l", List{1, 2, 5}}};
        QCOMPARE(eval("=x in [1..10]", v), S("true"));
        QCOMPARE(eval("=x in [1..5]", v), S("true"));
        QCOMPARE(eval("=x in [1..5)", v), S("false"));
        QCOMPARE(eval("=x in (5..10]", v), S("false"));
        QCOMPARE(eval("=x in ]5..10]", v), S("false"));
        QCOMPARE(eval("=x in (1..10)", v), S("true"));
        QCOMPARE(eval("=s in [\"a\"..\"c\"]", v), S("true"));
        QCOMPARE(eval("=x in [1, 2, 5]", v), S("true"));
        QCOMPARE(eval("=x in l", v), S("true"));
        QCOMPARE(eval("=x in (1, 2, 3)", v), S("false"));
        QCOMPARE(eval("=x in (< 3, > 4)", v), S("true"));
        QCOMPARE(eval("=x in (<= 4, >= 6)", v), S("false"));
        QCOMPARE(eval("=x in 5", v), S("true"));
        QCOMPARE(eval("=x in [1..3] or x in [4..6]", v), S("true"));
        QCOMPARE(eval("=x between 1 and 5", v), S("true"));
        QCOMPARE(eval("=x between 6 and 9", v), S("false"));
        QCOMPARE(eval("=x between 1 and 9 and x > 2", v), S("true"));
        QCOMPARE(eval("=null between 1 and 9"), S("null"));
        QCOMPARE(eval("=x between \"a\" and 9", v),
                 S("error: expected a number on both sides of 'between' but got number and string (column 4)"));
        QCOMPARE(errorOf("=[1..3]").message, S("a range like [1..10] is only supported after 'in' at column 2: write "
                                               "'x in [1..10]'"));
    }

    void ifAndIterations()
    {
        const Variables v = orderVars();
        QCOMPARE(eval("=if amount > 1000 then \"big\" else \"small\"", v), S("\"big\""));
        QCOMPARE(eval("=if false then 1 else if true then 2 else 3"), S("2"));
        QCOMPARE(eval("=1 + (if true then 1 else 2)"), S("2"));
        QCOMPARE(eval("=some x in items satisfies x > 7", v), S("true"));
        QCOMPARE(eval("=every x in items satisfies x > 0", v), S("true"));
        QCOMPARE(eval("=every x in items satisfies x > 1", v), S("false"));
        QCOMPARE(eval("=some x in [] satisfies x > 1"), S("false"));
        QCOMPARE(eval("=every x in [] satisfies x > 1"), S("true"));
        QCOMPARE(eval("=some x in [1, null] satisfies x > 1"), S("null"));
        QCOMPARE(eval("=for x in items return x * 2", v), S("[2, 10, 6, 16]"));
        QCOMPARE(eval("=for o in orders return o.id", v), S("[\"a\", \"b\", \"c\"]"));
        QCOMPARE(eval("=if 1 then 2 else 3"),
                 S("error: expected a boolean as the condition of 'if' but got number (column 2)"));
        QCOMPARE(errorOf("=if true then 1").message,
                 S("unexpected the end of the expression at column 16: expected 'else' ('if' needs both 'then' and "
                   "'else')"));
    }

    void functions()
    {
        const Variables v = orderVars();
        QCOMPARE(eval("=string length(\"h\xc3\xa9llo\")"), S("5"));
        QCOMPARE(eval("=upper case(\"abc\")"), S("\"ABC\""));
        QCOMPARE(eval("=lower case(\"ABC\")"), S("\"abc\""));
        QCOMPARE(eval("=contains(\"foobar\", \"oba\")"), S("true"));
        QCOMPARE(eval("=starts with(\"foobar\", \"foo\")"), S("true"));
        QCOMPARE(eval("=ends with(\"foobar\", \"foo\")"), S("false"));
        QCOMPARE(eval("=substring(\"foobar\", 3)"), S("\"obar\""));
        QCOMPARE(eval("=substring(\"foobar\", 3, 2)"), S("\"ob\""));
        QCOMPARE(eval("=substring(\"foobar\", -2, 1)"), S("\"a\""));
        QCOMPARE(eval("=count(items)", v), S("4"));
        QCOMPARE(eval("=sum(items)", v), S("17"));
        QCOMPARE(eval("=sum(1, 2, 3)"), S("6"));
        QCOMPARE(eval("=sum([])"), S("0"));
        QCOMPARE(eval("=min(items)", v), S("1"));
        QCOMPARE(eval("=max(items)", v), S("8"));
        QCOMPARE(eval("=max(\"a\", \"c\", \"b\")"), S("\"c\""));
        QCOMPARE(eval("=min([])"), S("null"));
        QCOMPARE(eval("=mean([1, 2])"), S("1.5"));
        QCOMPARE(eval("=abs(-3)"), S("3"));
        QCOMPARE(eval("=floor(1.5)"), S("1"));
        QCOMPARE(eval("=ceiling(1.2)"), S("2"));
        QCOMPARE(eval("=floor(-1.5)"), S("-2"));
        QCOMPARE(eval("=decimal(2.345, 2)"), S("2.35"));
        QCOMPARE(eval("=decimal(2.5, 0)"), S("2")); // half to even
        QCOMPARE(eval("=modulo(-7, 3)"), S("2"));
        QCOMPARE(eval("=list contains(items, 5)", v), S("true"));
        QCOMPARE(eval("=list contains([1, null], null)"), S("true"));
        QCOMPARE(eval("=string(12) + \"x\""), S("\"12x\""));
        QCOMPARE(eval("=number(\"12.5\") + 1"), S("13.5"));
        QCOMPARE(eval("=is defined(amount)", v), S("true"));
        QCOMPARE(eval("=is defined(amout)", v), S("false"));
        QCOMPARE(eval("=is defined(customer.tier)", v), S("true"));
        QCOMPARE(eval("=is defined(customer.nope)", v), S("false"));
        QCOMPARE(eval("=string length(5)"), S("error: string length() at column 2 expects a string as its first "
                                              "argument but got number"));
        QCOMPARE(eval("=substring(\"x\", 0)"),
                 S("error: substring() at column 2 counts positions from 1 (or from -1 at the end), not from 0"));
        QCOMPARE(eval("=number(\"abc\")"), S("error: number() at column 2 cannot read \"abc\" as a number"));
        QCOMPARE(errorOf("=substring(\"x\")").message,
                 S("substring() at column 2 takes 2 or 3 arguments but was given 1"));
        QCOMPARE(errorOf("=frobnicate(1)").message.substr(0, 50),
                 S("unknown function 'frobnicate' at column 2; the fun"));
        QCOMPARE(errorOf("=date and time(\"2026-01-01T00:00:00Z\")").message,
                 S("the FEEL function 'date and time' at column 2 is not supported: dates and times are not values "
                   "in this evaluator"));
    }

    void clockIsVirtual()
    {
        QCOMPARE(eval("=now()"), S("error: now() at column 2 is not available in simulation unless the simulation "
                                   "gives a clock (its virtual time)"));
        EvalContext clock;
        clock.nowMillis = 1767258000000; // 2026-01-01T09:00:00Z
        QCOMPARE(eval("=now()", {}, Dialect::Auto, clock), S("\"2026-01-01T09:00:00Z\""));
        QCOMPARE(eval("=today()", {}, Dialect::Auto, clock), S("\"2026-01-01\""));
    }

    void dialectsByText()
    {
        auto feel = Expression::compile("  = approved ");
        QVERIFY(feel.ok());
        QVERIFY(feel->dialect() == Dialect::Feel);
        QCOMPARE(feel->text(), S("  = approved "));
        auto juel = Expression::compile("${approved}");
        QVERIFY(juel->dialect() == Dialect::Juel);
        QVERIFY(Expression::compile("#{approved}")->dialect() == Dialect::Juel);
        auto literal = Expression::compile("Approved by hand");
        QVERIFY(literal->isStatic());
        QCOMPARE(eval("Approved by hand"), S("\"Approved by hand\""));
        QCOMPARE(eval(""), S("\"\""));
        QCOMPARE(eval("approved", {{"approved", true}}, Dialect::Feel), S("true")); // '=' is optional when told
        QCOMPARE(eval("=approved", {{"approved", true}}, Dialect::Feel), S("true"));
        QCOMPARE(eval("${x}", {{"x", 1}}, Dialect::Juel), S("1"));
        QVERIFY(Expression::compile("true", Dialect::Juel)->isStatic());
        QCOMPARE(errorOf("=").message,
                 S("nothing follows '=' at column 2: write an expression, such as =amount > 1000"));
        QCOMPARE(errorOf("", {}, Dialect::Feel).message,
                 S("the expression is empty at column 1: write an expression, such as =amount > 1000"));
    }

    void juelOperators()
    {
        Variables v = orderVars();
        v.set("s", "7");
        v.set("flag", "TRUE");
        QCOMPARE(eval("${amount > 1000 && approved}", v), S("true"));
        QCOMPARE(eval("${amount gt 1000 and approved}", v), S("true"));
        QCOMPARE(eval("${amount lt 1000 || !approved}", v), S("false"));
        QCOMPARE(eval("${amount le 1500 or not approved}", v), S("true"));
        QCOMPARE(eval("${amount ge 1501}", v), S("false"));
        QCOMPARE(eval("${amount == 1500 && tier eq 'gold' && tier ne \"silver\" && amount != 1}", v), S("true"));
        QCOMPARE(eval("${1 + 2 * 3}"), S("7"));
        QCOMPARE(eval("${7 / 2} ${7 div 2} ${7 % 4} ${7 mod 4} ${-3}"), S("\"3.5 3.5 3 3 -3\""));
        QCOMPARE(eval("${amount > 1000 ? 'big' : 'small'}", v), S("\"big\""));
        QCOMPARE(eval("${false ? 1 : true ? 2 : 3}"), S("2"));
        QCOMPARE(eval("${empty nothing} ${empty ''} ${empty items} ${empty tier}", v), S("\"true true false false\""));
        QCOMPARE(eval("${customer.tier == 'gold'}", v), S("true"));
        QCOMPARE(eval("${customer['tier']}", v), S("\"gold\""));
        QCOMPARE(eval("${items[0]}", v), S("1")); // JUEL counts from 0
        QCOMPARE(eval("${items[9]}", v), S("null"));
        // EL coercions: null is 0 or false, numeric strings are numbers, "true" is true.
        QCOMPARE(eval("${nothing + 1}", v), S("1"));
        QCOMPARE(eval("${nothing > 1}", v), S("false"));
        QCOMPARE(eval("${!nothing}", v), S("true"));
        QCOMPARE(eval("${s == 7}", v), S("true"));
        QCOMPARE(eval("${s * 2}", v), S("14"));
        QCOMPARE(eval("${flag && true}", v), S("true"));
        QCOMPARE(eval("${approved == 'true'}", v), S("true"));
        QCOMPARE(eval("${tier + 1}", v), S("error: cannot read \"gold\" as a number in '+' (column 8)"));
        QCOMPARE(eval("${1 / 0}"), S("error: division by zero in '/' (column 5)"));
        QCOMPARE(eval("${amount && true}", v), S("error: cannot use a number as a boolean in '&&' (column 10)"));
        QCOMPARE(errorOf("${a = 1}").message, S("unexpected '=' at column 5: JUEL compares with '==' (or eq); '=' "
                                                "assigns, which is never evaluated in simulation"));
        QCOMPARE(errorOf("${x -> x}").message,
                 S("unexpected '->' at column 5: lambda expressions are not evaluated in simulation"));
        QCOMPARE(errorOf("${a; b}").message,
                 S("unexpected ';' at column 4: only one expression is allowed between '${' and '}'"));
    }

    void juelText()
    {
        const Variables v{{"name", "Ada"}, {"n", 3}, {"nothing", Value()}};
        QCOMPARE(eval("Hello ${name}, you have ${n} tasks${nothing}.", v), S("\"Hello Ada, you have 3 tasks.\""));
        QCOMPARE(eval("  ${n}  ", v), S("3")); // space around a single expression is not part of it
        QCOMPARE(eval("${nothing}", v), S("null"));
        QCOMPARE(eval("${null}"), S("null"));
        QCOMPARE(eval("cost: \\${n} = ${n}", v), S("\"cost: ${n} = 3\"")); // \${ is a literal ${
        QCOMPARE(errorOf("${}").message, S("empty expression '${}' at column 1: write a value or a condition between "
                                           "the braces, such as ${approved}"));
        QCOMPARE(errorOf("${approved").message,
                 S("missing '}' at column 11: the expression that starts before it is not closed"));
    }

    void methodCallsAreRefused()
    {
        for (const char* text :
             {"${execution.getVariable(\"x\")}", "${bean.method()}", "${myFunction(1)}", "${fn:contains(a, b)}",
              "${a.b.c(1, 2) > 3}", "=customer.getTier()", "${items[0].size()}"}) {
            auto c = Expression::compile(text);
            QVERIFY2(!c.ok(), text);
            QVERIFY2(contains(c.error.message, "method calls are not evaluated in simulation"),
                     c.error.message.c_str());
            QVERIFY(c.error.column > 0);
        }
        QCOMPARE(errorOf("${execution.getVariable(\"x\")}").message,
                 S("method calls are not evaluated in simulation: 'execution.getVariable(...)' at column 3 would run "
                   "code of the application; give the value to the simulation as a variable instead"));
        QCOMPARE(errorOf("${execution.getVariable(\"x\")}").column, 3);
    }

    void unknownVariableIsLocated()
    {
        const Variables v{{"amount", 1}, {"approved", true}};
        const auto e = errorOf("=amout > 1000 and approved", v);
        QCOMPARE(e.message, S("unknown variable 'amout' at column 2; known: amount, approved"));
        QCOMPARE(e.column, 2);
        QCOMPARE(errorOf("${approved && amout > 1}", v).column, 15);
        QCOMPARE(errorOf("=x").message, S("unknown variable 'x' at column 2; no variables are set"));
        QCOMPARE(errorOf("=items[itme > 1]", {{"items", List{1}}}).message,
                 S("unknown variable 'itme' at column 8; known: item, items"));
        Variables many;
        for (int i = 0; i < 30; ++i)
            many.set("v" + std::to_string(100 + i), i);
        QVERIFY(contains(errorOf("=x", many).message, "v119, ... (30 in all)"));
    }

    void typeErrorsAreLocated()
    {
        const Variables v{{"s", "text"}, {"n", 5}};
        auto e = errorOf("=s > 10", v);
        QCOMPARE(e.message, S("expected a number on both sides of '>' but got string and number (column 4)"));
        QCOMPARE(e.column, 4);
        QCOMPARE(errorOf("=n = \"5\"", v).message,
                 S("expected the same type on both sides of '=' but got number and string (column 4)"));
        QCOMPARE(errorOf("=true < false").message,
                 S("expected numbers or strings on both sides of '<' but got boolean and boolean (column 7)"));
        QCOMPARE(errorOf("=s - 1", v).message,
                 S("expected a number on both sides of '-' but got string and number (column 4)"));
        QCOMPARE(errorOf("=s + 1", v).message,
                 S("expected two numbers or two strings on both sides of '+' but got string and number (column 4)"));
        QCOMPARE(errorOf("=n / 0", v).message, S("division by zero in '/' (column 4)"));
        QCOMPARE(errorOf("=10 ** 400").message, S("the result of '**' is not a number or out of range (column 5)"));
        QCOMPARE(errorOf("=-s", v).message, S("expected a number after '-' but got string (column 2)"));
    }

    void syntaxErrorsAreLocated()
    {
        auto e = errorOf("=(a + b))");
        QCOMPARE(e.message, S("unexpected ')' at column 9"));
        QCOMPARE(e.column, 9);
        QCOMPARE(errorOf("=(1 + 2").message,
                 S("unexpected the end of the expression at column 8: expected ')' to close the '(' at column 2"));
        QCOMPARE(errorOf("=[1, 2").message,
                 S("unexpected the end of the expression at column 7: expected ']' to close the '[' at column 2"));
        QCOMPARE(errorOf("=\"open").message, S("the string starting at column 2 is not closed: a \" is missing"));
        QCOMPARE(errorOf("='x'").message,
                 S("a string in single quotes at column 2: FEEL writes strings in double quotes (\"text\")"));
        QCOMPARE(errorOf("=a @ b").message, S("unexpected character '@' at column 4"));
        QCOMPARE(errorOf("=a == b").message, S("unexpected '==' at column 4: FEEL compares with '=', not '=='"));
        QCOMPARE(errorOf("=a && b").message, S("unexpected '&&' at column 4: FEEL writes 'and', not '&&'"));
        QCOMPARE(errorOf("=!a").message, S("unexpected '!' at column 2: FEEL negates with not(x), not '!'"));
        QCOMPARE(errorOf("=a ? 1 : 2").message,
                 S("unexpected '?' at column 4: FEEL writes 'if c then a else b', not 'c ? a : b'"));
        QCOMPARE(errorOf("=Vacation Approval = \"Approved\"").message,
                 S("unexpected name 'Approval' at column 11; names with spaces are not supported: name the "
                   "variable without spaces"));
        QCOMPARE(errorOf("=1 +").message, S("unexpected the end of the expression at column 5"));
        QCOMPARE(errorOf("=12abc").message,
                 S("a number runs into a name ('12a...') at column 2: put an operator or a space between them"));
        QCOMPARE(errorOf("=\"a\\q\"").message,
                 S("unknown escape '\\q' in a string at column 4 (known: \\\" \\\\ \\n \\r \\t \\uXXXX)"));
        QCOMPARE(errorOf("=a.").message, S("unexpected the end of the expression at column 4: a name must follow '.'"));
        QCOMPARE(errorOf("=x in (1, 2").message,
                 S("unexpected the end of the expression at column 12: expected ')' to close the '(' at column 7"));
        // Columns count characters, not bytes.
        QCOMPARE(errorOf("=\"\xc3\xa9\xc3\xa9\" )").column, 7);
    }

    void limitsOnUntrustedText()
    {
        // Deep nesting of every kind is an error, not a stack overflow.
        for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
                 {"(", ")"}, {"[", "]"}, {"{a: ", "}"}, {"not(", ")"}, {"-", ""}, {"if true then ", " else 0"}}) {
            std::string text = "=";
            for (int i = 0; i < 20000; ++i)
                text += open;
            text += "1";
            for (int i = 0; i < 20000; ++i)
                text += close;
            if (text.size() > Expression::kMaxLength)
                text.resize(Expression::kMaxLength);
            auto e = errorOf(text);
            QVERIFY2(contains(e.message, "levels deep"), (open + ": " + e.message).c_str());
            QVERIFY(e.column > 0);
        }
        std::string juel = "${";
        for (int i = 0; i < 5000; ++i)
            juel += "!";
        QVERIFY(contains(errorOf(juel + "x}").message, "levels deep"));
        // A long chain of operators makes a deep tree too.
        std::string sum = "=1";
        for (int i = 0; i < 5000; ++i)
            sum += " + 1";
        QVERIFY(contains(errorOf(sum).message, "nested more than 200 levels deep"));
        std::string ok = "=1";
        for (int i = 0; i < 150; ++i)
            ok += " + 1";
        QCOMPARE(eval(ok), S("151"));
        // Long input.
        const std::string huge = "=\"" + std::string(Expression::kMaxLength, 'a') + "\"";
        QCOMPARE(errorOf(huge).message.substr(0, 44), S("the expression is longer than 65536 bytes (6"));
        // Work is bounded: loops inside loops over lists stop at the step limit.
        Variables v;
        List big(2000, Value(1));
        v.set("big", big);
        const auto e = errorOf("=count(for a in big return for b in big return a + b)", v);
        QVERIFY2(contains(e.message, "steps"), e.message.c_str());
    }

    void variablesUsed()
    {
        auto c = Expression::compile("=amount > 1000 and customer.tier = \"gold\" and amount < limit");
        QVERIFY(c.ok());
        QCOMPARE(c->variablesUsed(), (std::vector<std::string>{"amount", "customer", "limit"}));
        auto f = Expression::compile("=some x in orders satisfies x.total > min and items[item > 2] != []");
        QCOMPARE(f->variablesUsed(), (std::vector<std::string>{"orders", "min", "items"}));
        auto j = Expression::compile("Dear ${user.name}, ${count > 1 ? 'items' : 'item'}");
        QCOMPARE(j->variablesUsed(), (std::vector<std::string>{"user", "count"}));
        QVERIFY(Expression::compile("static")->variablesUsed().empty());
    }

    void conditions()
    {
        const Variables v = orderVars();
        auto yes = Expression::compile("=amount > 1000")->evaluateCondition(v);
        QVERIFY(yes.ok() && *yes.value);
        auto no = Expression::compile("${amount < 1000}")->evaluateCondition(v);
        QVERIFY(no.ok() && !*no.value);
        auto null = Expression::compile("=nothing > 1")->evaluateCondition(v);
        QVERIFY(!null.ok());
        QCOMPARE(null.error.message,
                 S("expected the condition to give true or false but it gave null (is a variable it reads null?) "
                   "(column 10)"));
        auto text = Expression::compile("=tier")->evaluateCondition(v);
        QCOMPARE(text.error.message, S("expected the condition to give true or false but it gave \"gold\" (column 2)"));
        auto literal = Expression::compile("approved")->evaluateCondition(v);
        QVERIFY(!literal.ok());
        QVERIFY(contains(literal.error.message, "is not an expression"));
    }

    void juelToFeel()
    {
        QCOMPARE(feelOf("${amount > 1000 && approved}"), S("=amount > 1000 and approved"));
        QCOMPARE(feelOf("${!approved}"), S("=not(approved)"));
        QCOMPARE(feelOf("${a == 'x' || b ne 2}"), S("=a = \"x\" or b != 2"));
        QCOMPARE(feelOf("${(a || b) && c}"), S("=(a or b) and c"));
        QCOMPARE(feelOf("${a || b && c}"), S("=a or b and c"));
        QCOMPARE(feelOf("${(1 + 2) * 3 - (4 - 5)}"), S("=(1 + 2) * 3 - (4 - 5)"));
        QCOMPARE(feelOf("${-(a + 1)}"), S("=-(a + 1)"));
        QCOMPARE(feelOf("${a % 2 == 0}"), S("=modulo(a, 2) = 0"));
        QCOMPARE(feelOf("${x > 1 ? 'big' : 'small'}"), S("=if x > 1 then \"big\" else \"small\""));
        QCOMPARE(feelOf("${customer.tier eq \"gold\"}"), S("=customer.tier = \"gold\""));
        QCOMPARE(feelOf("${list[0] > 1 && map['key'] == null}"), S("=list[1] > 1 and map.key = null"));
        QCOMPARE(feelOf("Dear ${user.name}!"), S("=\"Dear \" + string(user.name) + \"!\""));
        QCOMPARE(feelOf("=already > feel"), S("=already > feel"));
        QCOMPARE(feelOf("static text"), S("static text"));
        QCOMPARE(feelOf("${empty list}"),
                 S("error: 'empty' does not map to FEEL at column 3: it tests for null, \"\" or an empty list at "
                   "once; write the test you mean (x = null, x = \"\", count(x) = 0)"));
        QCOMPARE(feelOf("${list[i]}"), S("error: the index does not map to FEEL at column 7: only a literal "
                                         "position (list[0]) or key (map['key']) does"));
        QCOMPARE(feelOf("${then > 1}"),
                 S("error: the name 'then' is a word of FEEL at column 3: rename the variable before converting"));
        QVERIFY(contains(feelOf("${bean.call()}"), "method calls are not evaluated"));
        // What converts evaluates the same in both languages.
        const Variables v = orderVars();
        for (const char* juel : {"${amount > 1000 && approved}", "${(1 + 2) * 3 - (4 - 5)}",
                                 "${amount % 7 == 2 ? 'a' : 'b'}", "${items[1] * 2 + customer.age}"}) {
            const std::string feel = feelOf(juel);
            QVERIFY2(eval(juel, v) == eval(feel, v), (feel + ": " + eval(juel, v) + " vs " + eval(feel, v)).c_str());
        }
    }

    void sharedAcrossThreads()
    {
        auto c = Expression::compile("=amount > 1000 and tier = \"gold\"");
        QVERIFY(c.ok());
        const Expression e = *c;
        std::vector<int> trues(4, 0);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                Variables v{{"amount", 0}, {"tier", "gold"}};
                for (int i = 0; i < 20000; ++i) {
                    v.set("amount", i % 2 ? 2000 : 10);
                    auto r = e.evaluateCondition(v);
                    trues[t] += r.ok() && *r.value;
                }
            });
        for (auto& t : threads)
            t.join();
        for (int n : trues)
            QCOMPARE(n, 10000);
    }

    void randomTextNeverCrashes()
    {
        const char* pieces[] = {
            "=",    "${",   "}",     "(",         ")",   "[",      "]",       "{",    ":",    ",",    "..",
            ".",    "a",    "b.c",   "1",         "2.5", "\"s\"",  "'t'",     "+",    "-",    "*",    "/",
            "**",   "=",    "!=",    "<",         ">=",  "and",    "or",      "not(", "in",   "if",   "then",
            "else", "some", "every", "satisfies", "for", "return", "between", "item", "null", "true", "&&",
            "||",   "!",    "?",     "empty",     "eq",  " ",      "count(",  "sum(", "#{",   "\\"};
        std::mt19937 rng(20260101);
        std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1), len(1, 24);
        const Variables v{{"a", 1}, {"b", Context{{"c", List{1, 2}}}}, {"item", 3}};
        int compiled = 0;
        for (int i = 0; i < 20000; ++i) {
            std::string text;
            for (std::size_t k = len(rng); k > 0; --k)
                text += pieces[pick(rng)];
            auto c = Expression::compile(text);
            if (!c) {
                QVERIFY2(!c.error.message.empty() && c.error.column > 0, text.c_str());
                continue;
            }
            ++compiled;
            auto r = c->evaluate(v);
            QVERIFY2(r.ok() || !r.error.message.empty(), text.c_str());
            (void)Expression::toFeel(text);
        }
        QVERIFY(compiled > 1000);
    }

    void corpusConditions()
    {
        RUNWAY_REQUIRE_CORPUS();
        std::vector<std::pair<std::string, std::string>> found; // text, language
        for (const auto& entry : std::filesystem::recursive_directory_iterator(corpusDir())) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".bpmn" && ext != ".bpmn2" && ext != ".xml"))
                continue;
            auto r = BpmnReader::readFile(entry.path().string());
            if (!r.ok() || !r.document->root())
                continue;
            std::vector<Element*> stack{r.document->root()};
            while (!stack.empty()) {
                Element* e = stack.back();
                stack.pop_back();
                for (Element* c : e->children())
                    stack.push_back(c);
                if (e->local() == "conditionExpression" || e->local() == "completionCondition")
                    found.emplace_back(e->textContent(), std::string(e->attr("language")));
            }
        }
        QVERIFY2(found.size() >= 20, std::to_string(found.size()).c_str());
        int compiled = 0, refused = 0, feelOk = 0, juelOk = 0, evaluated = 0;
        for (const auto& [text, language] : found) {
            // As a modeler would read it (FEEL when the language says so), then forced into each dialect.
            const bool feelLanguage = contains(language, "FEEL") || contains(language, "feel");
            const Dialect dialects[] = {feelLanguage ? Dialect::Feel : Dialect::Auto, Dialect::Feel, Dialect::Juel};
            for (int i = 0; i < 3; ++i) {
                auto c = Expression::compile(text, dialects[i]);
                if (!c) {
                    QVERIFY2(!c.error.message.empty() && c.error.column > 0, text.c_str());
                    refused += i == 0;
                    continue;
                }
                auto r = c->evaluate(Variables{});
                QVERIFY2(r.ok() || (!r.error.message.empty() && r.error.column > 0),
                         (text + ": " + r.error.message).c_str());
                evaluated += r.ok();
                (i == 0 ? compiled : i == 1 ? feelOk : juelOk) += 1;
            }
            auto conversion = Expression::toFeel(text);
            QVERIFY(conversion.ok() || conversion.error.column > 0);
        }
        int refusedFirst = 0;
        for (const auto& [text, language] : found) {
            const bool feelLanguage = contains(language, "FEEL") || contains(language, "feel");
            refusedFirst += !Expression::compile(text, feelLanguage ? Dialect::Feel : Dialect::Auto).ok();
        }
        QCOMPARE(refused, refusedFirst);
        std::printf("corpus conditions: %zu found; %d compiled as written, %d refused with a located error; "
                    "forced FEEL %d, forced JUEL %d compiled; %d evaluations without variables gave a value\n",
                    found.size(), compiled, refused, feelOk, juelOk, evaluated);
        QVERIFY(compiled > 0);
    }
};

RUNWAY_TEST_MAIN(TestExpression, valuesAndVariables, arithmeticAndPrecedence, comparisons, threeValuedLogic, nullRules,
                 pathsIntoContexts, listsFiltersAndIndexes, rangesInAndBetween, ifAndIterations, functions,
                 clockIsVirtual, dialectsByText, juelOperators, juelText, methodCallsAreRefused,
                 unknownVariableIsLocated, typeErrorsAreLocated, syntaxErrorsAreLocated, limitsOnUntrustedText,
                 variablesUsed, conditions, juelToFeel, sharedAcrossThreads, randomTextNeverCrashes, corpusConditions)
#ifndef RUNWAY_NO_QT
#include "tst_expression.moc"
#endif
