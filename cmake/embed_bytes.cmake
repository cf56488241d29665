# Writes OUTPUT, a C++ source defining `const std::string_view linksim::embedded::SYMBOL` that
# holds the bytes of INPUT. Run as `cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P embed_bytes.cmake`.
# A char array rather than a raw string literal: any content is safe (no delimiter can clash),
# and it has no length limit (clang rejects string literals over 64 KiB under -Wpedantic; the
# Vega build alone is 0.5 MB).
foreach(var INPUT OUTPUT SYMBOL)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_bytes.cmake: -D${var}=... is required")
  endif()
endforeach()
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
if(hex_length EQUAL 0)
  message(FATAL_ERROR "embed_bytes.cmake: ${INPUT} is empty")
endif()
# 32 bytes per line keeps the generated file readable (CMake regexes have no {n} repeat).
string(REPEAT "[0-9a-f]" 64 line_pattern)
string(REGEX REPLACE "(${line_pattern})" "\\1\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed_bytes.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace linksim::embedded {\n"
  "namespace {\n"
  "constexpr char kBytes[] = {\n${bytes}\n};\n"
  "}  // namespace\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL}(kBytes, sizeof kBytes);\n"
  "}  // namespace linksim::embedded\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
