# The deployable site: build/web/{index.html, inspector.js, inspector.wasm, fonts/}.
set(SITE_DIR "${CMAKE_SOURCE_DIR}/build/web" CACHE PATH "Where the deployable site is written")

add_library(imgui_backend STATIC "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_link_libraries(imgui_backend PUBLIC imgui)
target_compile_options(imgui_backend PRIVATE -w)
# WebGL2 is OpenGL ES 3.0: the renderer uses its ES3 path (vertex array objects, "#version 300 es" shaders).
target_compile_definitions(imgui_backend PUBLIC IMGUI_IMPL_OPENGL_ES3)

file(GLOB PLATFORM_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/platform/*.cpp")
add_executable(inspector ${PLATFORM_SOURCES})
target_link_libraries(inspector PRIVATE ui imgui_backend)
target_compile_options(inspector PRIVATE ${PROJECT_WARNINGS})
set_target_properties(inspector PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${SITE_DIR}")

set(WEB_EXPORTS "_main,_ti_configure,_ti_open,_ti_state,_ti_items,_ti_clipboard,_ti_fonts,_ti_paste,_ti_set_page_hidden,_ti_wake,_ti_report_bad_input,_ti_text_input,_ti_focus,_ti_hash_changed,_ti_free,_malloc,_free")
target_link_options(inspector PRIVATE
    -sENVIRONMENT=web
    -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0
    -sALLOW_MEMORY_GROWTH=1
    -sEXPORTED_FUNCTIONS=[${WEB_EXPORTS}]
    -sEXPORTED_RUNTIME_METHODS=[ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8]
    "--post-js=${CMAKE_SOURCE_DIR}/web/api.js"
    "--embed-file=${CMAKE_BINARY_DIR}/fonts/latin.ttf@/fonts/latin.ttf")
set_property(TARGET inspector APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/web/api.js")

# Fonts: a Latin subset of DejaVu Sans is embedded (small, needed for the first frame); the CJK font is a
# separate file the page fetches after start, so the first frame does not wait for 4 MB.
find_program(PYFTSUBSET pyftsubset REQUIRED)
set(LATIN_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
set(CJK_FONT "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/fonts/latin.ttf"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fonts"
    COMMAND ${PYFTSUBSET} "${LATIN_FONT}" "--unicodes=U+0020-007E,U+00A0-024F,U+2000-206F,U+20AC,U+2190-21FF,U+2212,U+2713-2717,U+27A1,U+25A0-25FF,U+2B05-2B07,U+FFFD"
            --no-hinting --desubroutinize --drop-tables+=FFTM "--output-file=${CMAKE_BINARY_DIR}/fonts/latin.ttf"
    DEPENDS "${LATIN_FONT}" VERBATIM)
add_custom_command(OUTPUT "${SITE_DIR}/fonts/cjk.ttf"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${SITE_DIR}/fonts"
    COMMAND ${CMAKE_COMMAND} -E copy "${CJK_FONT}" "${SITE_DIR}/fonts/cjk.ttf"
    DEPENDS "${CJK_FONT}" VERBATIM)
add_custom_target(site_assets DEPENDS "${CMAKE_BINARY_DIR}/fonts/latin.ttf" "${SITE_DIR}/fonts/cjk.ttf")
add_dependencies(inspector site_assets)

# index.html is the top-level shell.html.
configure_file("${CMAKE_SOURCE_DIR}/shell.html" "${SITE_DIR}/index.html" COPYONLY)
