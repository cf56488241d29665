// Every data file in tests/data/vectors has a harness: a new file without one fails here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

TEST_CASE("every reference-vector file is run by a harness", "[platform][vectors]") {
  const std::set<std::string> harnessed = {"gcra.json", "token_bucket.json", "envoy_token_bucket.json",
                                           "leaky_bucket_nginx.json"};
  std::set<std::string> present;
  for (const auto& e : std::filesystem::directory_iterator(std::string(LINKSIM_TEST_DATA) + "/vectors"))
    if (e.path().extension() == ".json") present.insert(e.path().filename().string());
  CHECK(present == harnessed);
}
