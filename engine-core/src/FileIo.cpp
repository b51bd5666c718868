#include "runway/core/FileIo.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace runway::core {

bool readWholeFile(const std::string& path, std::string& out, std::string* error)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        if (error)
            *error = std::string("cannot open the file: ") + std::strerror(errno);
        return false;
    }
    if (std::fseek(f, 0, SEEK_END) == 0) {
        const long size = std::ftell(f);
        if (size > 0)
            out.reserve(static_cast<std::size_t>(size));
        std::rewind(f);
    }
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed && error)
        *error = "reading the file failed (is it a folder?)";
    return !failed;
}

bool writeFileAtomically(const std::string& path, const std::string& data, std::string* error)
{
    namespace fs = std::filesystem;
    auto setError = [&](const std::string& what) {
        if (error)
            *error = what + ": " + std::strerror(errno);
        return false;
    };
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
#ifndef _WIN32
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return setError("cannot create a temporary file in " + dir.string());
    // Keep the permissions of the file being replaced, or the usual ones for a new file.
    struct stat st {};
    mode_t mode = 0644;
    if (::stat(path.c_str(), &st) == 0)
        mode = st.st_mode & 07777;
    ::fchmod(fd, mode);
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t w = ::write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            int saved = errno;
            ::close(fd);
            ::unlink(tmpl.c_str());
            errno = saved;
            return setError("cannot write " + tmpl);
        }
        p += w;
        left -= static_cast<std::size_t>(w);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int saved = errno;
        ::unlink(tmpl.c_str());
        errno = saved;
        return setError("cannot flush " + tmpl);
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(tmpl.c_str());
        errno = saved;
        return setError("cannot replace " + path);
    }
    return true;
#else
    std::FILE* f = std::fopen(tmpl.c_str(), "wb");
    if (!f)
        return setError("cannot create " + tmpl);
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    ok = (std::fclose(f) == 0) && ok;
    std::error_code ec;
    if (ok)
        fs::rename(tmpl, target, ec);
    if (!ok || ec) {
        fs::remove(tmpl, ec);
        return setError("cannot write " + path);
    }
    return true;
#endif
}

} // namespace runway::core
