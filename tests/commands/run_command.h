#pragma once

// A command run in-process, as a script runs it: exit code, standard output and error.

#include "atlas/commands/commands.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace atlas::commands {

struct Ran {
    int code = -1;
    std::string out, err;
};

inline Ran runCommand(const std::vector<std::string>& arguments, const ExportWriter& writer = {}) {
    Ran ran;
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
    ran.code = run(arguments, writer);
    ran.out = testing::internal::GetCapturedStdout();
    ran.err = testing::internal::GetCapturedStderr();
    return ran;
}

} // namespace atlas::commands
