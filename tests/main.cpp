// The Catch2 v2 test runner for every tests/**/*_test.cpp file.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
