# The input layer that `make fuzz` compiles with coverage instrumentation (fuzz/CMakeLists.txt)
# while the rest comes from the Release build's liblinksim.a. The main build keeps these files
# out of its unity batches, so that each is an archive member of its own: an instrumented object
# then replaces exactly its file's archive copy, instead of clashing with a batch that holds it.
# (sim/experiment/arm_plan.cpp is left out: clang 14 cannot capture structured bindings in
# lambdas, a C++20 feature it lacks; it comes uninstrumented.)
# In: LINKSIM_FUZZ_ROOT, the source tree. Out: LINKSIM_FUZZ_INSTRUMENTED.
file(GLOB LINKSIM_FUZZ_INSTRUMENTED CONFIGURE_DEPENDS ${LINKSIM_FUZZ_ROOT}/sim/config/*.cpp)
list(APPEND LINKSIM_FUZZ_INSTRUMENTED
  ${LINKSIM_FUZZ_ROOT}/sim/experiment/sweep.cpp ${LINKSIM_FUZZ_ROOT}/sim/experiment/check.cpp
  ${LINKSIM_FUZZ_ROOT}/sim/experiment/summary.cpp ${LINKSIM_FUZZ_ROOT}/sim/experiment/statistics.cpp
  ${LINKSIM_FUZZ_ROOT}/sim/platform/params.cpp ${LINKSIM_FUZZ_ROOT}/sim/platform/param_reader.cpp
  ${LINKSIM_FUZZ_ROOT}/sim/platform/ladder_params.cpp ${LINKSIM_FUZZ_ROOT}/sim/platform/rule_factory.cpp
  ${LINKSIM_FUZZ_ROOT}/sim/strategy/strategy_params.cpp ${LINKSIM_FUZZ_ROOT}/sim/model/response_params.cpp
  ${LINKSIM_FUZZ_ROOT}/sim/graph/params.cpp ${LINKSIM_FUZZ_ROOT}/sim/graph/params_check.cpp
  ${LINKSIM_FUZZ_ROOT}/sim/report/results.cpp ${LINKSIM_FUZZ_ROOT}/sim/report/trace_writer.cpp)
