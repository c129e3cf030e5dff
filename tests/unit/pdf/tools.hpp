// Running the tools we did not write (qpdf, poppler, check-pdfua, check-pdfjs) on the writer's
// output, from Catch2 through the shell.
#pragma once

#include <string>

namespace gijiroku::pdf::test {

struct CommandResult {
    int status = -1;  // exit status (-1: could not run)
    std::string output;  // stdout (and stderr when `merge_stderr`)
};

CommandResult run_command(const std::string& command, bool merge_stderr = true);

// A fresh directory for this test process's files (removed by nobody: it lives in /tmp).
std::string scratch_dir();

// Writes `bytes` to scratch_dir()/name and returns the path.
std::string write_scratch(const std::string& name, const std::string& bytes);

// The shared tools folder (check-pdfua, check-pdfjs).
std::string shared_tool(const std::string& name);

}  // namespace gijiroku::pdf::test
