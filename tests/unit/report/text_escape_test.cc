#include "report/text_escape.h"

#include <catch2/catch.hpp>

namespace riskgate::report {

TEST_CASE("XML escaping covers the five special characters", "[report]") {
  CHECK(XmlEscape("a&b<c>d\"e'f", XmlContext::kText) == "a&amp;b&lt;c&gt;d&quot;e&apos;f");
}

TEST_CASE("XML escaping turns characters XML 1.0 forbids into visible \\xNN text", "[report]") {
  CHECK(XmlEscape(std::string("nul\0bell\x07", 9), XmlContext::kText) == "nul\\x00bell\\x07");
  CHECK(XmlEscape("bad\xff utf8", XmlContext::kText) == "bad\\xff utf8");
  CHECK(XmlEscape("\xef\xbf\xbe and \xef\xbf\xbf", XmlContext::kText) ==
        "\\xef\\xbf\\xbe and \\xef\\xbf\\xbf");
  CHECK(XmlEscape("caf\xc3\xa9", XmlContext::kText) == "caf\xc3\xa9");
}

TEST_CASE("XML attributes keep line breaks and tabs as character references", "[report]") {
  CHECK(XmlEscape("a\nb\tc\rd", XmlContext::kAttribute) == "a&#x0A;b&#x09;c&#x0D;d");
  CHECK(XmlEscape("a\nb\tc\rd", XmlContext::kText) == "a\nb\tc&#x0D;d");
}

TEST_CASE("Markdown escaping neutralises tables, code, links and HTML", "[report]") {
  CHECK(MarkdownEscape("a|b") == "a\\|b");
  CHECK(MarkdownEscape("`x`") == "\\`x\\`");
  CHECK(MarkdownEscape("[x](http://e)") == "\\[x\\]\\(http://e\\)");
  CHECK(MarkdownEscape("<img src=x>") == "\\<img src=x\\>");
  CHECK(MarkdownEscape("line\nbreak") == "line\\\\x0abreak");
}

TEST_CASE("a table code span survives backticks and pipes in its text", "[report]") {
  CHECK(MarkdownTableCode("a.py:3") == "`a.py:3`");
  CHECK(MarkdownTableCode("a`b") == "``a`b``");
  CHECK(MarkdownTableCode("`x``") == "``` `x`` ```");
  CHECK(MarkdownTableCode("a|b") == "`a\\|b`");
}

TEST_CASE("a Markdown code block cannot be closed by its content", "[report]") {
  CHECK(MarkdownCodeBlock("plain\n") == "```\nplain\n```\n");
  CHECK(MarkdownCodeBlock("has ```` inside") == "`````\nhas ```` inside\n`````\n");
}

TEST_CASE("URLs become Markdown autolinks only when they are plain http(s) URLs", "[report]") {
  CHECK(MarkdownUrl("https://example.com/a_b#c") == "<https://example.com/a_b#c>");
  CHECK(MarkdownUrl("https://x/<script>") == "https://x/\\<script\\>");
  CHECK(MarkdownUrl("javascript:alert(1)") == "javascript:alert\\(1\\)");
}

TEST_CASE("HTML escaping keeps markup in summaries as text", "[report]") {
  CHECK(HtmlEscape("</summary><script>") == "&lt;/summary&gt;&lt;script&gt;");
}

TEST_CASE("workflow command data and properties are escaped as GitHub specifies", "[report]") {
  CHECK(WorkflowData("100% done\r\nnext") == "100%25 done%0D%0Anext");
  CHECK(WorkflowProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae");
  CHECK(WorkflowData("esc\x1b[31m") == "esc\\x1b[31m");
}

TEST_CASE("paths become relative URI references with everything unsafe percent-encoded",
          "[report]") {
  CHECK(PercentEncodePath("src/app.py") == "src/app.py");
  CHECK(PercentEncodePath("my dir/100%.txt") == "my%20dir/100%25.txt");
  CHECK(PercentEncodePath("c:evil#x?y") == "c%3Aevil%23x%3Fy");
  CHECK(PercentEncodePath("caf\xc3\xa9") == "caf%C3%A9");
}

TEST_CASE("clipping keeps UTF-8 characters whole and marks the cut", "[report]") {
  CHECK(Clip("short", 10) == "short");
  CHECK(Clip("abcdefghij", 8) == "abcde...");
  const std::string clipped = Clip("ab\xc3\xa9\xc3\xa9\xc3\xa9", 6);
  CHECK(clipped == "ab...");
  CHECK(clipped.size() <= 6);
}

TEST_CASE("issue 19: Markdown text of several lines keeps its line breaks and indentation",
          "[report][escape]") {
  CHECK(MarkdownEscapeLines("add `permissions:\n  contents: read`") ==
        "add \\`permissions:\\\n&nbsp;&nbsp;contents: read\\`");
  CHECK(MarkdownEscapeLines("one line") == MarkdownEscape("one line"));
  CHECK(MarkdownEscapeLines("a\x1b") == "a\\\\x1b");
}

}  // namespace riskgate::report
