// mj-demo-server: command line, startup lines, and a clean shutdown on SIGINT/SIGTERM.
#include "server/app.h"
#include "server/options.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    mjserver::ParseResult parsed = mjserver::parse_options(args, [](const char* name) { return std::getenv(name); });
    if (!parsed.ok) {
        std::fprintf(stderr, "mj-demo-server: %s\n", parsed.error.c_str());
        return 2;
    }
    if (parsed.help) {
        std::fputs(mjserver::usage().c_str(), stdout);
        return 0;
    }
    // Block the stop signals in every thread; one thread waits for them and stops the server.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    mjserver::App app(parsed.options);
    std::string err;
    if (!app.start(err)) {
        std::fprintf(stderr, "mj-demo-server: %s\n", err.c_str());
        return 1;
    }
    std::printf("listening on %s\n", app.base_url().c_str());
    std::string demo = app.demo_url();
    if (!demo.empty()) std::printf("demo: %s\n", demo.c_str());
    std::fflush(stdout);
    const auto& o = parsed.options;
    std::fprintf(stderr, "mj-demo-server: flavour=%s auth=%s speed=%g cors=%s%s%s%s\n",
                 mjserver::flavour_name(o.flavour), mjserver::auth_name(o.auth), o.speed, o.cors ? "on" : "off",
                 o.root.empty() ? "" : " root=on", o.upstream.empty() ? "" : " relay=on", o.demo ? " demo=on" : "");

    int sig = 0;
    sigwait(&stop_signals, &sig);
    std::fprintf(stderr, "mj-demo-server: signal %d, shutting down\n", sig);
    app.stop();
    std::fprintf(stderr, "mj-demo-server: stopped\n");
    return 0;
}
