#!/usr/bin/env python3
"""brandpress against Hugo on generated corpora (issue 7).

    bench.py [--large] [--runs 5] [--sizes 1000,10000] [--no-hugo] [--no-disk] [--binary PATH]

Builds brandpress in release mode (unless --binary), generates corpora with generate_corpus.py into
/dev/shm, and for each size and tool runs one warm-up build and then --runs builds, each timed with
`/usr/bin/time -f "%e %U %S %M"`; the builds from scratch of the two tools take turns, run by run.
Prints medians of wall time, CPU time (user + sys) and peak RSS, and Hugo/brandpress ratios.

  clean    output folder and brandpress's build cache removed before each run (not timed): a full
           build from scratch, written to /dev/shm
  disk     the same, but the output folder is on the project's disk (.build/bench-out)
  rebuild  output already there, nothing changed
  edit-md  output already there, one story changed (a sentence appended; restored afterwards)
  edit-title output already there, one story's title changed (shown by its neighbours, the index
           and its unit's and tags' pages)
  edit-tpl output already there, the story template changed (a comment appended)
  add-story output already there, a new story added (a copy of one under a new name and title;
           every index page after it shifts; the added ones are removed afterwards)
  serve    brandpress only: `brandpress serve` running, one story saved (at least 5 times): the time
           from the save to the reload event on the preview's event stream, and the rebuild's own
           time from serve's log; serve keeps its caches in memory between rebuilds
  markdown the floor for the Markdown work: one `cmark --smart` process rendering every page's body
           (front matter removed, all in one file), against the "rendered Markdown" stage of
           brandpress's clean builds (`--verbose`: its wall time, and the CPU time of all threads),
           which also plans CJK-friendly emphasis, turns pipe tables, resolves links and keeps each
           page's headings and plain text for the search index

Timings vary with the machine; nothing in `make test` uses them.
"""
import argparse
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SHM = "/dev/shm/brandpress-bench"
DISK = os.path.join(REPO, ".build", "bench-out")


def timed(cmd, cwd=None):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name] + cmd, cwd=cwd,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{p.stdout[-2000:]}\n{p.stderr[-4000:]}")
        wall, user, sys_, rss = t.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024.0


def medians(rows):
    return tuple(statistics.median(r[i] for r in rows) for i in range(3))


def series(runs, prepare, cmd, warm=True):
    if warm:
        prepare()
        timed(cmd)  # warm-up: page cache, dynamic linking
    rows = []
    for _ in range(runs):
        prepare()
        rows.append(timed(cmd))
    return medians(rows)


def alternating(runs, jobs):
    """Like `series` for several (prepare, cmd) jobs, one run of each in turn: this machine's speed
    drifts by 10-30 % within minutes, and runs taken one tool after the other let that drift into
    the ratio."""
    for prepare, cmd in jobs:
        prepare()
        timed(cmd)
    rows = [[] for _ in jobs]
    for _ in range(runs):
        for (prepare, cmd), tool_rows in zip(jobs, rows):
            prepare()
            tool_rows.append(timed(cmd))
    return [medians(r) for r in rows]


def rm(path):
    shutil.rmtree(path, ignore_errors=True)


class Tool:
    def __init__(self, name, project, binary):
        self.name, self.project, self.binary = name, project, binary

    def cmd(self, out):
        if self.name == "brandpress":
            return [self.binary, "build", "--root", self.project, "--output", out]
        return ["hugo", "--quiet", "--source", self.project, "--destination", out]

    def scratch(self, out):
        """Removes the output and anything a later build could reuse."""
        rm(out)
        if self.name == "brandpress":
            rm(os.path.join(self.project, ".brandpress-cache"))

    def story(self):
        folder = os.path.join(self.project, "Content" if self.name == "brandpress" else "content", "stories")
        return os.path.join(folder, sorted(n for n in os.listdir(folder) if n[0].isdigit())[len(os.listdir(folder)) // 2])

    def template(self):
        if self.name == "brandpress":
            return os.path.join(self.project, "Templates", "story.mustache")
        return os.path.join(self.project, "layouts", "_default", "single.html")


def edited(path, change):
    """Changes a file (change(original text, run number) gives the new text) for one timed build,
    then restores it (the restore build is not timed)."""
    class Ctx:
        def __enter__(self):
            self.orig = open(path, encoding="utf-8").read()
            return self

        def append(self, i):
            with open(path, "w", encoding="utf-8") as f:
                f.write(change(self.orig, i))

        def __exit__(self, *a):
            with open(path, "w", encoding="utf-8") as f:
                f.write(self.orig)
    return Ctx()


def measure_clean(tools, runs, disk):
    """Builds from scratch, the tools' runs alternating; {tool name: {"clean": …, "disk": …}}."""
    results = {tool.name: {} for tool in tools}
    kinds = [("clean", SHM)] + ([("disk", DISK)] if disk else [])
    for kind, folder in kinds:
        outs = [os.path.join(folder, f"out-{tool.name}") for tool in tools]

        def prepare(tool, out, kind=kind):
            tool.scratch(out)
            if kind == "disk":
                # Else the other tool's output is still being written back during this run (and a
                # build that syncs the file system, as brandpress does, waits for it).
                os.sync()
        jobs = [(lambda tool=tool, out=out: prepare(tool, out), tool.cmd(out)) for tool, out in zip(tools, outs)]
        for tool, figures in zip(tools, alternating(runs, jobs)):
            results[tool.name][kind] = figures
        if kind == "disk":
            for out in outs:
                rm(out)
            os.sync()  # the disk's write-back would otherwise go on during the next measurements
    return results


def measure_rebuilds(tool, runs):
    """Rebuilds of the clean build's output, nothing or one thing changed."""
    results = {}
    shm_out = os.path.join(SHM, f"out-{tool.name}")
    timed(tool.cmd(shm_out))
    results["rebuild"] = series(runs, lambda: None, tool.cmd(shm_out), warm=False)
    counter = iter(range(10**6))
    comment = "\n{{{{! bench edit {} }}}}\n" if tool.name == "brandpress" else "\n{{{{/* bench edit {} */}}}}\n"
    for key, path, change in [("edit-md", tool.story(), lambda text, i: text + f"\n\n修改第{i}次：补充一句话。\n"),
                              ("edit-title", tool.story(), lambda text, i: text.replace("\ntitle: ", f"\ntitle: （修订{i}）", 1)),
                              ("edit-tpl", tool.template(), lambda text, i: text + comment.format(i))]:
        with edited(path, change) as e:
            results[key] = series(runs, lambda: e.append(next(counter)), tool.cmd(shm_out), warm=False)
        timed(tool.cmd(shm_out))
    added = []

    def add_story():
        i = next(counter)
        source = tool.story()
        path = os.path.join(os.path.dirname(source), f"2026-12-bench-{i:04d}.md")
        with open(source, encoding="utf-8") as f:
            text = f.read().replace("\ntitle: ", f"\ntitle: （新增{i}）", 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        added.append(path)
    results["add-story"] = series(runs, add_story, tool.cmd(shm_out), warm=False)
    for path in added:
        os.remove(path)
    timed(tool.cmd(shm_out))
    rm(shm_out)
    return results


def measure_markdown(tool, runs):
    """(cmark wall, cmark CPU, brandpress stage wall, brandpress stage CPU), medians; None without cmark."""
    if not shutil.which("cmark"):
        print("cmark not found (apt-get install -y cmark); the Markdown floor is not measured", file=sys.stderr)
        return None
    bodies = os.path.join(SHM, "bodies.md")
    with open(bodies, "w", encoding="utf-8") as out:
        for folder, _, names in sorted(os.walk(os.path.join(tool.project, "Content"))):
            for name in sorted(n for n in names if n.endswith(".md")):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    text = f.read()
                if text.startswith("---\n"):
                    end = text.find("\n---", 4)
                    text = text[text.find("\n", end + 4) + 1:] if end >= 0 else text
                out.write(text + "\n\n")
    # Its HTML goes to /dev/null, not through a pipe that this script would have to read.
    cmark = series(runs, lambda: None, ["sh", "-c", 'exec cmark --smart "$0" > /dev/null', bodies])
    os.remove(bodies)
    out = os.path.join(SHM, "out-markdown")
    stages = []
    for _ in range(runs):
        tool.scratch(out)
        p = subprocess.run(tool.cmd(out) + ["--verbose"], capture_output=True, text=True, check=True)
        match = re.search(r"([0-9.]+) s  rendered Markdown \(([0-9.]+) s CPU", p.stdout)
        if not match:
            sys.exit("no 'rendered Markdown' stage in brandpress build --verbose:\n" + p.stdout[-2000:])
        stages.append((float(match.group(1)), float(match.group(2))))
    tool.scratch(out)
    return (cmark[0], cmark[1], statistics.median(s[0] for s in stages), statistics.median(s[1] for s in stages))


def measure_serve(tool, runs):
    """`brandpress serve`, the editor's loop: one story saved, until the browser is told to reload
    (read from the preview's event stream; includes the watcher's 50 ms wait for the saves to
    settle), and the rebuild's own time as serve reports it. (wall, build, peak RSS of the server)."""
    proc = subprocess.Popen([tool.binary, "serve", "--root", tool.project, "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    try:
        port = None
        while port is None:
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", lines.get(timeout=600))
            port = match and int(match.group(1))
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(b"GET /__brandpress/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        events.settimeout(60)

        def reloaded():
            seen = b""
            while b"event: reload" not in seen:
                chunk = events.recv(65536)
                if not chunk:
                    sys.exit("serve closed its event stream")
                seen += chunk

        def built_seconds():
            while True:
                match = re.search(r" in ([0-9.]+) s[ :]", lines.get(timeout=60))  # "built … in 0.09 s into", "updated … in 0.09 s:"
                if match:
                    return float(match.group(1))
        walls, builds = [], []
        with edited(tool.story(), lambda text, i: text + f"\n\n保存第{i}次：补充一句话。\n") as e:
            for i in range(runs + 1):
                time.sleep(0.5)
                start = time.monotonic()
                e.append(i)
                reloaded()
                wall = time.monotonic() - start
                build = built_seconds()
                if i > 0:  # the first is a warm-up
                    walls.append(wall)
                    builds.append(build)
        with open(f"/proc/{proc.pid}/status") as status:
            peak = int(re.search(r"VmHWM:\s+(\d+)", status.read()).group(1)) / 1024
        events.close()
        return statistics.median(walls), statistics.median(builds), peak
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--large", action="store_true", help="also 50,000 pages")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--no-disk", action="store_true")
    ap.add_argument("--binary")
    a = ap.parse_args()

    binary = a.binary
    if not binary:
        # The binary `make site` uses: the Makefile links Swift's runtime statically.
        subprocess.run(["make", "build"], cwd=REPO, check=True)
        binary = os.path.join(REPO, ".build", "release", "brandpress")
    if not os.path.exists("/usr/bin/time"):
        sys.exit("needs /usr/bin/time: apt-get install -y time")
    hugo = not a.no_hugo and shutil.which("hugo")
    if not a.no_hugo and not hugo:
        print("hugo not found (apt-get install -y hugo); measuring brandpress only", file=sys.stderr)
    if hugo:
        print(subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip())

    sizes = [int(s) for s in a.sizes.split(",")] + ([50000] if a.large else [])
    table = []
    serve_rows = []
    markdown_rows = []
    for n in sizes:
        corpus = os.path.join(SHM, f"corpus-{n}")
        gen = subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(n), corpus],
                             check=True, capture_output=True, text=True)
        print(f"N={n}: {gen.stdout.strip()}", flush=True)
        tools = [Tool("brandpress", os.path.join(corpus, "brandpress"), binary)]
        if hugo:
            tools.append(Tool("hugo", os.path.join(corpus, "hugo"), None))
        res = measure_clean(tools, a.runs, not a.no_disk)
        for tool in tools:
            res[tool.name].update(measure_rebuilds(tool, a.runs))
            for k, (w, c, m) in res[tool.name].items():
                print(f"  {tool.name:10} {k:10} wall {w:7.3f} s  cpu {c:7.3f} s  rss {m:7.1f} MiB", flush=True)
        serve = measure_serve(tools[0], max(a.runs, 5))
        print(f"  brandpress serve-edit save to reload {serve[0]:.3f} s, rebuild {serve[1]:.3f} s, server peak rss {serve[2]:.1f} MiB", flush=True)
        serve_rows.append((n, *serve))
        markdown = measure_markdown(tools[0], a.runs)
        if markdown:
            print(f"  markdown   cmark, one process: wall {markdown[0]:.3f} s  cpu {markdown[1]:.3f} s; brandpress's stage: wall {markdown[2]:.3f} s  cpu {markdown[3]:.3f} s", flush=True)
            markdown_rows.append((n, *markdown))
        for k in res["brandpress"]:
            for tool in tools:
                w, c, m = res[tool.name][k]
                ratio = ""
                if tool.name == "hugo":
                    ratio = f"{w / res['brandpress'][k][0]:.2f}×"
                table.append((n, k, tool.name, w, c, m, ratio))
        rm(corpus)

    print("\n| N | build | tool | median wall (s) | CPU user+sys (s) | peak RSS (MiB) | Hugo/brandpress wall |")
    print("|---:|---|---|---:|---:|---:|---:|")
    for n, k, name, w, c, m, ratio in table:
        print(f"| {n:,} | {k} | {name} | {w:.3f} | {c:.3f} | {m:.0f} | {ratio} |")
    print("\n`brandpress serve`, one story saved (medians; the watcher waits 50 ms for saves to settle, then rebuilds in memory):\n")
    print("| N | save to reload (s) | rebuild (s) | server peak RSS (MiB) |")
    print("|---:|---:|---:|---:|")
    for n, wall, build, peak in serve_rows:
        print(f"| {n:,} | {wall:.3f} | {build:.3f} | {peak:.0f} |")
    if markdown_rows:
        print("\nThe Markdown work against its floor, one `cmark --smart` process over all the bodies (medians):\n")
        print("| N | cmark wall (s) | cmark CPU (s) | brandpress's Markdown stage wall (s) | its CPU, all threads (s) | CPU ratio |")
        print("|---:|---:|---:|---:|---:|---:|")
        for n, cmark_wall, cmark_cpu, wall, cpu in markdown_rows:
            print(f"| {n:,} | {cmark_wall:.3f} | {cmark_cpu:.3f} | {wall:.3f} | {cpu:.3f} | {cpu / cmark_cpu:.2f}× |")
    rm(SHM)


if __name__ == "__main__":
    main()
