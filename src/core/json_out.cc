#include "core/json_out.h"

#include <nlohmann/json.hpp>

namespace riskgate::core {

struct JsonOut::Impl {
  nlohmann::ordered_json value;
};

namespace {

const nlohmann::ordered_json& NullJson() {
  static const nlohmann::ordered_json null;
  return null;
}

}  // namespace

JsonOut::JsonOut() : impl_(std::make_unique<Impl>()) {}
JsonOut::JsonOut(std::nullptr_t) : JsonOut() {}
JsonOut::JsonOut(bool value) : impl_(std::make_unique<Impl>(Impl{value})) {}
JsonOut::JsonOut(double value) : impl_(std::make_unique<Impl>(Impl{value})) {}
JsonOut::JsonOut(SignedTag, std::int64_t value) : impl_(std::make_unique<Impl>(Impl{value})) {}
JsonOut::JsonOut(UnsignedTag, std::uint64_t value) : impl_(std::make_unique<Impl>(Impl{value})) {}
JsonOut::JsonOut(const char* text) : JsonOut(std::string_view(text)) {}
JsonOut::JsonOut(std::string_view text) : impl_(std::make_unique<Impl>(Impl{text})) {}
JsonOut::JsonOut(const std::string& text) : impl_(std::make_unique<Impl>(Impl{text})) {}
JsonOut::JsonOut(const std::vector<std::string>& texts)
    : impl_(std::make_unique<Impl>(Impl{texts})) {}

JsonOut JsonOut::Array(std::initializer_list<JsonItem> items) {
  JsonOut out;
  out.impl_->value = nlohmann::ordered_json::array();
  for (const auto& item : items) out.Push(std::move(item.value));
  return out;
}

JsonOut JsonOut::Object(std::initializer_list<JsonMember> members) {
  JsonOut out;
  out.impl_->value = nlohmann::ordered_json::object();
  for (const auto& member : members) out.Set(member.key, std::move(member.value));
  return out;
}

JsonOut::JsonOut(const JsonOut& other)
    : impl_(std::make_unique<Impl>(Impl{other.impl_ ? other.impl_->value : NullJson()})) {}
JsonOut::JsonOut(JsonOut&& other) noexcept = default;
JsonOut& JsonOut::operator=(const JsonOut& other) {
  if (this != &other) *this = JsonOut(other);
  return *this;
}
JsonOut& JsonOut::operator=(JsonOut&& other) noexcept = default;
JsonOut::~JsonOut() = default;

JsonOut& JsonOut::Set(std::string_view key, JsonOut value) {
  if (!impl_) impl_ = std::make_unique<Impl>();
  auto& slot = impl_->value[std::string(key)];
  if (value.impl_)
    slot = std::move(value.impl_->value);
  else
    slot = nullptr;
  return *this;
}

JsonOut& JsonOut::Push(JsonOut value) {
  if (!impl_) impl_ = std::make_unique<Impl>();
  impl_->value.push_back(value.impl_ ? std::move(value.impl_->value) : NullJson());
  return *this;
}

std::string JsonOut::Dump(int indent, JsonKeys keys) const {
  const auto& value = impl_ ? impl_->value : NullJson();
  constexpr auto kReplace = nlohmann::ordered_json::error_handler_t::replace;
  if (keys == JsonKeys::kSorted) {
    // nlohmann::json keeps objects in a std::map: converting sorts every level.
    return nlohmann::json(value).dump(indent, ' ', false, kReplace);
  }
  return value.dump(indent, ' ', false, kReplace);
}

}  // namespace riskgate::core
