// Runs every file under the given directories through LLVMFuzzerTestOneInput, plus deterministic mutations
// (every truncation, byte flips, insertions), so the fuzz target doubles as a regression test without libFuzzer.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

size_t g_runs = 0;

void run(const std::string& s)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    ++g_runs;
}

// A small deterministic PRNG (no <random> differences between libraries).
uint64_t g_state = 0x9E3779B97F4A7C15ull;
uint64_t next_random()
{
    g_state ^= g_state << 13;
    g_state ^= g_state >> 7;
    g_state ^= g_state << 17;
    return g_state;
}

void mutate_and_run(const std::string& input)
{
    run(input);
    // Every truncation (a body cut off at any byte); long inputs are stepped so the test stays quick.
    const size_t step = input.size() > 4000 ? input.size() / 2000 : 1;
    for (size_t n = 0; n < input.size(); n += step) run(input.substr(0, n));
    if (input.empty()) return;
    static const char kInteresting[] = {'\0', '"', '\\', '{', '}',    '[',    ']',    ':',    ',', '0',
                                        '9',  '-', 'e',  '<', '\xff', '\xc3', '\xe4', '\x80', ' ', 'n'};
    for (int i = 0; i < 1500; ++i) {
        std::string m = input;
        const size_t pos = next_random() % m.size();
        switch (next_random() % 5) {
        case 0: // flip a bit
            m[pos] = static_cast<char>(m[pos] ^ (1 << (next_random() % 8)));
            break;
        case 1: // overwrite with an interesting byte
            m[pos] = kInteresting[next_random() % sizeof(kInteresting)];
            break;
        case 2: // insert an interesting byte
            m.insert(m.begin() + static_cast<std::ptrdiff_t>(pos), kInteresting[next_random() % sizeof(kInteresting)]);
            break;
        case 3: // delete a byte
            m.erase(pos, 1);
            break;
        default: // duplicate a slice
            m.insert(pos, m.substr(pos, 1 + next_random() % 32));
            break;
        }
        run(m);
    }
}

} // namespace

int main(int argc, char** argv)
{
    size_t files = 0;
    for (int i = 1; i < argc; ++i) {
        std::error_code ec;
        std::vector<std::filesystem::path> paths;
        if (std::filesystem::is_directory(argv[i], ec)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i], ec))
                if (e.is_regular_file()) paths.push_back(e.path());
        } else if (std::filesystem::is_regular_file(argv[i], ec)) {
            paths.emplace_back(argv[i]);
        } else {
            std::fprintf(stderr, "replay: %s is neither a file nor a directory\n", argv[i]);
            return 2;
        }
        for (const auto& path : paths) {
            std::ifstream in(path, std::ios::binary);
            const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            mutate_and_run(data);
            ++files;
        }
    }
    // Inputs no seed file covers.
    mutate_and_run(std::string(3000, '[') + std::string(3000, ']'));
    mutate_and_run("{\"id\":123456789012345678901234567890,\"submitTime\":\"99999999999999999999999\"}");
    std::printf("replay: %zu files, %zu inputs run\n", files, g_runs);
    return 0;
}
