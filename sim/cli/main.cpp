#include "linksim/core/version.hpp"
#include <cstdio>
int main() { std::puts(linksim::core::version().data()); }
