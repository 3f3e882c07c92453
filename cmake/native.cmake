# Native targets: the demo server, the unit tests (core, ui, server) and the fuzz/bench programs.
set(SHARED_DIR "${CMAKE_SOURCE_DIR}/../shared" CACHE PATH "The shared reference folder (fixtures, spec)")
enable_testing()
find_package(GTest REQUIRED)
include(GoogleTest)

# ---------------------------------------------------------------- demo / test server
find_package(Threads REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(ZLIB REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
file(GLOB SERVER_LIB_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/server/*.cpp")
list(FILTER SERVER_LIB_SOURCES EXCLUDE REGEX ".*/main\\.cpp$")
add_library(server_lib STATIC ${SERVER_LIB_SOURCES})
target_include_directories(server_lib PUBLIC "${CMAKE_SOURCE_DIR}/src")
# Debian's cpp-httplib is compiled with OpenSSL, zlib and brotli; pkg-config brings its definitions.
target_link_libraries(server_lib PUBLIC core PkgConfig::HTTPLIB Threads::Threads OpenSSL::SSL OpenSSL::Crypto ZLIB::ZLIB)
target_compile_options(server_lib PRIVATE ${PROJECT_WARNINGS})
add_executable(mj-demo-server "${CMAKE_SOURCE_DIR}/src/server/main.cpp")
target_link_libraries(mj-demo-server PRIVATE server_lib)
target_compile_options(mj-demo-server PRIVATE ${PROJECT_WARNINGS})

# ---------------------------------------------------------------- tests (tests/ mirrors src/)
file(GLOB CORE_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/core/*_test.cpp")
add_executable(core_tests ${CORE_TESTS})
target_link_libraries(core_tests PRIVATE core GTest::gtest_main)
target_compile_options(core_tests PRIVATE ${PROJECT_WARNINGS})
target_compile_definitions(core_tests PRIVATE FIXTURES_DIR="${SHARED_DIR}/fixtures")
gtest_discover_tests(core_tests TEST_PREFIX "core." DISCOVERY_TIMEOUT 60)

file(GLOB UI_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/ui/*_test.cpp")
add_executable(ui_tests ${UI_TESTS})
target_link_libraries(ui_tests PRIVATE ui GTest::gtest_main)
target_compile_options(ui_tests PRIVATE ${PROJECT_WARNINGS})
target_compile_definitions(ui_tests PRIVATE FIXTURES_DIR="${SHARED_DIR}/fixtures")
gtest_discover_tests(ui_tests TEST_PREFIX "ui." DISCOVERY_TIMEOUT 60)

file(GLOB SERVER_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/server/*_test.cpp")
if(SERVER_TESTS)
    add_executable(server_tests ${SERVER_TESTS})
    target_link_libraries(server_tests PRIVATE server_lib GTest::gtest_main)
    target_compile_options(server_tests PRIVATE ${PROJECT_WARNINGS})
    target_compile_definitions(server_tests PRIVATE
        DEMO_SERVER_BIN="$<TARGET_FILE:mj-demo-server>"
        FIXTURES_DIR="${SHARED_DIR}/fixtures")
    add_dependencies(server_tests mj-demo-server)
    gtest_discover_tests(server_tests TEST_PREFIX "server." DISCOVERY_TIMEOUT 60 PROPERTIES RUN_SERIAL TRUE)
endif()

# Fuzz target over the JSON mapping and response classification; built with clang + libFuzzer by
# scripts/fuzz.sh, and as a plain corpus replayer here so it always compiles and runs in the tests.
if(EXISTS "${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_response.cpp")
    add_executable(fuzz_response_replay "${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_response.cpp"
                                        "${CMAKE_SOURCE_DIR}/tests/fuzz/replay_main.cpp")
    target_link_libraries(fuzz_response_replay PRIVATE core)
    target_compile_options(fuzz_response_replay PRIVATE ${PROJECT_WARNINGS})
    add_test(NAME fuzz_response_replay COMMAND fuzz_response_replay "${SHARED_DIR}/fixtures"
                                                                    "${CMAKE_SOURCE_DIR}/tests/fuzz/corpus")
endif()

file(GLOB BENCH_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/bench/*.cpp")
foreach(src ${BENCH_SOURCES})
    get_filename_component(name "${src}" NAME_WE)
    add_executable(${name} "${src}")
    target_link_libraries(${name} PRIVATE server_lib core Threads::Threads)
    target_compile_options(${name} PRIVATE ${PROJECT_WARNINGS})
endforeach()

# The tree stays clang-formatted.
find_program(CLANG_FORMAT clang-format)
if(CLANG_FORMAT)
    add_test(NAME format COMMAND bash "${CMAKE_SOURCE_DIR}/scripts/check-format.sh")
endif()
