// Stage 5 (report): typed access to the fields of a JSON document riskgate does not trust (its
// own reports read back by `merge` and `ledger ingest`). Every complaint names the field's path
// ("findings[3].severity"); readers throw BadField and turn it into an Error at their top.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace riskgate::report::json_fields {

// A field that is missing or of the wrong type: caught at the top and turned into an Error.
struct BadField {
  std::string where;
  std::string what;
};

template <typename Enum, std::size_t N>
Enum ParseName(std::string_view name, const std::array<Enum, N>& values,
               std::string_view (*name_of)(Enum), const std::string& where) {
  for (Enum value : values) {
    if (name_of(value) == name) return value;
  }
  throw BadField{where, "unknown value '" + std::string(name.substr(0, 64)) +
                            (name.size() > 64 ? "...'" : "'")};
}

// Typed access to one JSON object, naming `where` in every complaint.
class Fields {
 public:
  Fields(const core::Node& node, std::string where) : node_(node), where_(std::move(where)) {
    if (!node_.IsMap()) throw BadField{where_, "expected an object"};
  }

  const core::Node& Get(const char* key) const {
    const core::Node* value = node_.Find(key);
    if (value == nullptr) throw BadField{At(key), "missing"};
    return *value;
  }
  bool Has(const char* key) const {
    const core::Node* value = node_.Find(key);
    return value != nullptr && !value->IsNull();
  }
  std::string String(const char* key) const {
    const core::Node& value = Get(key);
    if (!value.IsString()) throw BadField{At(key), "expected a string"};
    return value.scalar;
  }
  std::optional<std::string> OptionalString(const char* key) const {
    if (!Has(key)) return std::nullopt;
    return String(key);
  }
  long long Integer(const char* key) const {
    const auto value = core::IntegerOf(Get(key));
    if (!value) throw BadField{At(key), "expected an integer"};
    return *value;
  }
  int Int(const char* key) const {
    const long long value = Integer(key);
    if (value < -(1LL << 31) || value >= (1LL << 31)) throw BadField{At(key), "out of range"};
    return static_cast<int>(value);
  }
  double Number(const char* key) const {
    const auto value = core::NumberOf(Get(key));
    if (!value) throw BadField{At(key), "expected a number"};
    return *value;
  }
  bool Bool(const char* key) const {
    const core::Node& value = Get(key);
    if (!value.IsBool()) throw BadField{At(key), "expected true or false"};
    return value.scalar == "true";
  }
  const std::vector<core::Node>& Array(const char* key) const {
    const core::Node& value = Get(key);
    if (!value.IsList()) throw BadField{At(key), "expected an array"};
    return value.items;
  }
  std::vector<std::string> Strings(const char* key) const {
    std::vector<std::string> out;
    const auto& values = Array(key);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!values[i].IsString()) throw BadField{At(key, i), "expected a string"};
      out.push_back(values[i].scalar);
    }
    return out;
  }
  std::string At(const char* key) const { return where_.empty() ? key : where_ + "." + key; }
  std::string At(const char* key, std::size_t i) const {
    return At(key) + "[" + std::to_string(i) + "]";
  }

 private:
  const core::Node& node_;
  std::string where_;
};

}  // namespace riskgate::report::json_fields
