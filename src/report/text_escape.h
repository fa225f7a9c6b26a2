// Stage 5 (report), shared helper: escaping untrusted text (paths, messages from rule packs) for
// each output syntax. Every escaper first makes the text display-safe (control characters and
// invalid UTF-8 become \xNN), so no writer can emit terminal escapes or break its document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace riskgate::report {

// Where XML text goes: attribute values must keep line breaks and tabs as character references
// (a parser would normalise them to spaces); element text keeps them as they are.
enum class XmlContext { kText, kAttribute };

// XML 1.0 text: & < > " ' as entities; characters XML 1.0 forbids (C0 controls other than tab,
// LF and CR, U+FFFE, U+FFFF) and invalid UTF-8 as \xNN text.
std::string XmlEscape(std::string_view text, XmlContext context);

// Plain Markdown (GitHub-flavoured) text, also valid inside a table cell: Markdown and HTML
// punctuation is backslash-escaped, line breaks become \x0a.
std::string MarkdownEscape(std::string_view text);

// Plain Markdown text of several lines, outside tables: each line escaped as MarkdownEscape does,
// its leading spaces kept (&nbsp;), lines joined by hard line breaks (a backslash at line end).
std::string MarkdownEscapeLines(std::string_view text);

// An inline code span for a Markdown table cell: the backtick fence is longer than any backtick run
// in the text, and '|' is written as "\|" (which GFM tables read as a literal pipe).
std::string MarkdownTableCode(std::string_view text);

// An http(s) URL as a Markdown autolink (<url>); any other text, or a URL with spaces or angle
// brackets, as escaped text.
std::string MarkdownUrl(std::string_view url);

// Text inside a raw HTML element of a Markdown document (<summary>): & < > " ' as entities.
std::string HtmlEscape(std::string_view text);

// A fenced Markdown code block whose fence cannot be closed by the content.
std::string MarkdownCodeBlock(std::string_view text);

// GitHub workflow command message data: % -> %25, CR -> %0D, LF -> %0A.
std::string WorkflowData(std::string_view text);
// GitHub workflow command property values: as data, plus : -> %3A and , -> %2C.
std::string WorkflowProperty(std::string_view text);

// A repository-relative path as a relative URI reference: every byte outside RFC 3986
// "unreserved" and '/' is percent-encoded (so ':' cannot make a scheme, ' ' and '%' are encoded).
std::string PercentEncodePath(std::string_view path);

// At most `max_bytes` bytes of `text`, cut at a UTF-8 character boundary, with "..." appended when
// something was cut (the result, "..." included, stays within `max_bytes`).
std::string Clip(std::string_view text, std::size_t max_bytes);

}  // namespace riskgate::report
