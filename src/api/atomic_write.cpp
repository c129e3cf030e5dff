// Output is written atomically (DESIGN §3): the bytes go to an unnamed temporary file in the
// target's folder (O_TMPFILE), are flushed to disk, and only then get a name that replaces the
// target in one rename(2). A failure or a kill at any point leaves the old file untouched and
// no partial file behind. Filesystems without O_TMPFILE fall back to a named temporary file
// that is removed on every error path (only a SIGKILL in that short window can leave it).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "gijiroku/gijiroku.hpp"

namespace gijiroku {
namespace {

// Numbers the temporary names this process gives its outputs (see write_file_atomically).
std::atomic<unsigned long> temp_counter{0};

std::string errno_message(const std::string& what, const std::string& path, int err) {
    return what + " " + path + ": " + std::strerror(err);
}

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

bool write_all(int fd, const std::string& bytes, int& err) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Mode for a new file: what open(2) would give (0666 & ~umask), or the existing file's mode.
mode_t target_mode(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

}  // namespace

std::string write_file_atomically(const std::string& path, const std::string& bytes) {
    if (path == "-") {
        int err = 0;
        if (!write_all(STDOUT_FILENO, bytes, err)) return errno_message("cannot write", "standard output", err);
        return {};
    }
    const std::string folder = folder_of(path);
    const mode_t mode = target_mode(path);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return "cannot write " + path + ": it is a folder";

    int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
    std::string temp_name;  // only for the fallback
    if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        temp_name = folder + "/.gijiroku-XXXXXX";
        fd = ::mkostemp(temp_name.data(), O_CLOEXEC);
        if (fd >= 0) ::fchmod(fd, mode);
    }
    if (fd < 0) return errno_message("cannot create a file in", folder, errno);

    int err = 0;
    auto fail = [&](const std::string& what) {
        ::close(fd);
        if (!temp_name.empty()) ::unlink(temp_name.c_str());
        return errno_message(what, path, err);
    };
    if (!write_all(fd, bytes, err)) return fail("cannot write");
    if (::fsync(fd) != 0) {
        err = errno;
        return fail("cannot write");
    }
    if (temp_name.empty()) {
        // Give the unnamed file a temporary name, then move it over the target. The name must
        // be unique among the threads of this process too (the batch renderer and embedding
        // programs write from several at once): a name built from the fd alone was reused by
        // another thread as soon as this one closed it, which then unlinked or replaced this
        // file before its rename. linkat never replaces an existing name (EEXIST), so a name
        // left by a killed process is skipped, not deleted.
        const std::string proc = "/proc/self/fd/" + std::to_string(fd);
        for (;;) {
            temp_name = folder + "/.gijiroku-" + std::to_string(::getpid()) + "-" +
                        std::to_string(temp_counter.fetch_add(1, std::memory_order_relaxed)) + ".tmp";
            if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, temp_name.c_str(), AT_SYMLINK_FOLLOW) == 0) break;
            if (errno == EEXIST) continue;
            err = errno;
            ::close(fd);
            return errno_message("cannot write", path, err);
        }
    }
    if (::close(fd) != 0) {
        err = errno;
        ::unlink(temp_name.c_str());
        return errno_message("cannot write", path, err);
    }
    if (::rename(temp_name.c_str(), path.c_str()) != 0) {
        err = errno;
        ::unlink(temp_name.c_str());
        return errno_message("cannot write", path, err);
    }
    return {};
}

}  // namespace gijiroku
