// Stage 0 (core): JSON documents built for output (the JSON, SARIF and GitLab reports, the
// risk register, `policy show`, `explain`). Input: values set one by one; output: the document
// text. nlohmann-json is its engine, behind this header (linked PRIVATE).
// Objects keep their members in the order they were set (Dump can sort them instead); strings
// are bytes, written as UTF-8 without \u escapes beyond what JSON requires, and a byte that is
// not valid UTF-8 is written as U+FFFD. No I/O.
#pragma once

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace riskgate::core {

// The order of an object's members in the text.
enum class JsonKeys {
  kInserted,  // as they were first set
  kSorted,    // byte-wise by key, at every level
};

struct JsonItem;
struct JsonMember;

class JsonOut {
 public:
  JsonOut();  // null
  JsonOut(std::nullptr_t);
  JsonOut(bool value);
  JsonOut(double value);
  template <std::signed_integral T>
  requires(!std::same_as<T, char>) JsonOut(T value)
      : JsonOut(SignedTag{}, static_cast<std::int64_t>(value)) {}
  template <std::unsigned_integral T>
  requires(!std::same_as<T, bool> && !std::same_as<T, char>) JsonOut(T value)
      : JsonOut(UnsignedTag{}, static_cast<std::uint64_t>(value)) {}
  JsonOut(const char* text);
  JsonOut(std::string_view text);
  JsonOut(const std::string& text);
  JsonOut(const std::vector<std::string>& texts);  // an array of strings
  template <typename T>
  JsonOut(const std::optional<T>& value) : JsonOut(value ? JsonOut(*value) : JsonOut()) {}

  // An array or object of the values listed, which are moved in, not copied.
  static JsonOut Array(std::initializer_list<JsonItem> items = {});
  static JsonOut Object(std::initializer_list<JsonMember> members = {});

  JsonOut(const JsonOut& other);
  JsonOut(JsonOut&& other) noexcept;
  JsonOut& operator=(const JsonOut& other);
  JsonOut& operator=(JsonOut&& other) noexcept;
  ~JsonOut();

  // Sets member `key` of an object (a null becomes an empty object first); a key already set
  // keeps its place and takes the new value.
  JsonOut& Set(std::string_view key, JsonOut value);
  // Appends to an array (a null becomes an empty array first).
  JsonOut& Push(JsonOut value);

  // The text: on one line when `indent` is negative, else one member or item per line,
  // indented by `indent` spaces per level.
  std::string Dump(int indent, JsonKeys keys = JsonKeys::kInserted) const;

 private:
  struct Impl;
  struct SignedTag {};
  struct UnsignedTag {};
  JsonOut(SignedTag, std::int64_t value);
  JsonOut(UnsignedTag, std::uint64_t value);

  std::unique_ptr<Impl> impl_;  // null after a move: reads as a JSON null
};

// An item of JsonOut::Array({...}) and a member of JsonOut::Object({...}). The value is mutable
// so that it can be moved out of the (const) initializer list.
struct JsonItem {
  template <typename T>
  requires std::constructible_from<JsonOut, T> JsonItem(T&& item) : value(std::forward<T>(item)) {}
  mutable JsonOut value;
};
struct JsonMember {
  std::string_view key;
  mutable JsonOut value;
};

}  // namespace riskgate::core
