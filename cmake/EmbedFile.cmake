# Script mode: writes OUTPUT, a C++ file defining riskgate::embedded::SYMBOL from the bytes of INPUT.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT}.tmp
"// Generated from ${INPUT}; do not edit.\n#include <string_view>\n"
"namespace riskgate::embedded {\nnamespace {\nconst unsigned char kData[] = {\n${bytes}0x00};\n}  // namespace\n"
"extern const std::string_view ${SYMBOL};\n"
"const std::string_view ${SYMBOL}(reinterpret_cast<const char*>(kData), ${size});\n}  // namespace riskgate::embedded\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
