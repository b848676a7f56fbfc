// Runs a fuzz target's LLVMFuzzerTestOneInput once on every file of the given directories (and on files
// named directly), the way libFuzzer replays a corpus, for the normal (non-clang) test build: a crash,
// abort or failed check ends the process with a non-zero status. Usage:
//   fuzz_<name>_replay DIR|FILE... [--optional DIR...]
// Directories after --optional may be missing (crash reproducers exist only for targets that crashed);
// the others must exist and, together, hold at least one input.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

bool collect(const std::filesystem::path &path, bool optional, std::vector<std::filesystem::path> &out)
{
    std::error_code error;
    if (std::filesystem::is_regular_file(path, error)) {
        out.push_back(path);
        return true;
    }
    if (!std::filesystem::is_directory(path, error)) {
        if (optional)
            return true;
        std::fprintf(stderr, "replay: %s is neither a file nor a directory\n", path.c_str());
        return false;
    }
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(path)) {
        // Dot files (README, .gitkeep) are not inputs.
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::filesystem::path> inputs;
    bool optional = false;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--optional") {
            optional = true;
            continue;
        }
        if (!collect(argument, optional, inputs))
            return 2;
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "replay: no inputs\n");
        return 2;
    }
    for (const auto &path : inputs) {
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
            return 2;
        }
        const std::vector<char> bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
        // Printed before the run, so that the input that crashes is the last one named.
        std::fprintf(stderr, "replay: %s (%zu bytes)\n", path.c_str(), bytes.size());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
    }
    std::printf("replay: %zu inputs ran without a crash\n", inputs.size());
    return 0;
}
