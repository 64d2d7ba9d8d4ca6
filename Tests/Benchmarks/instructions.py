#!/usr/bin/env python3
"""Instructions a build executes, counted by valgrind's callgrind: a figure that does not drift with
the machine's load, as wall and CPU times on a shared 2-core machine do by a third from hour to hour.

    instructions.py [--binary PATH] [--clean 1000] [--edit 10000] [--top 15]

Builds brandpress (`make build`, unless --binary names one) and counts, on generated corpora in
/dev/shm (generate_corpus.py):

  clean    a build from scratch of --clean pages (output and build cache removed first)
  edit     a rebuild of --edit pages after one story changed (a sentence appended), the caches
           made by an uncounted build just before

and prints each total with the --top functions of brandpress, swift-mustache and Yams by
instructions spent in them and what they call.
Instructions are not time: a tight loop over bytes runs several per cycle, a cache miss or a page
fault costs hundreds of cycles and counts none (the kernel's work is not counted at all). Use it to
tell whether a change did less work, and bench.py for what that is worth in seconds.

Needs valgrind and binutils' strip (Debian packages `valgrind`, `binutils`): Debian's valgrind
cannot read the DWARF 5 the Swift compiler writes, so the count runs on a copy of the binary
without its debug sections (its build ID, which names the build cache, stays).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SHM = "/dev/shm/brandpress-instructions"


def corpus(pages):
    folder = os.path.join(SHM, f"corpus-{pages}")
    subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(pages), folder], check=True, capture_output=True)
    return os.path.join(folder, "brandpress")


def counted(binary, project, output, top):
    """Total instructions of one build, and its most expensive functions (inclusive)."""
    with tempfile.NamedTemporaryFile(suffix=".callgrind", delete=False) as out:
        data = out.name
    try:
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={data}", binary, "build", "-q",
                              "--root", project, "--output", output], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"the build failed under valgrind:\n{run.stderr[-3000:]}")
        total = int(re.search(r"I\s+refs:\s+([\d,]+)", run.stderr).group(1).replace(",", ""))
        report = subprocess.run(["callgrind_annotate", "--inclusive=yes", data], capture_output=True, text=True, check=True).stdout
    finally:
        os.remove(data)
    functions = []
    # Recursive calls (callgrind marks them `'2`) would count their callers' instructions again.
    for line in report.splitlines():
        match = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+\?\?\?:(\$s(?:13BrandpressKit|8Mustache|4Yams)[^\s']+)\s", line)
        if match:
            functions.append((int(match.group(1).replace(",", "")), demangled(match.group(3))))
    seen, shown = set(), []
    for count, name in functions:
        if name not in seen and not any(part in name for part in ("ParallelMap", "BackgroundResult", "writeInParallel")):
            seen.add(name)
            shown.append((count, name))
    return total, shown[:top]


def demangled(symbol):
    """A readable name (`swift demangle --simplified`), cut at its argument list."""
    try:
        name = subprocess.run(["swift", "demangle", "--simplified", "--compact", symbol], capture_output=True, text=True).stdout.strip()
    except OSError:
        return symbol
    name = re.sub(r"^(partial apply for |specialized |closure #\d+ in |implicit closure #\d+ in )+", "", name)
    return name.split("(")[0].split("<")[0] if name else symbol


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary")
    ap.add_argument("--clean", type=int, default=1000, help="pages of the build from scratch (0: none)")
    ap.add_argument("--edit", type=int, default=10000, help="pages of the one-story rebuild (0: none)")
    ap.add_argument("--top", type=int, default=15)
    a = ap.parse_args()
    for tool in ("valgrind", "callgrind_annotate", "strip"):
        if not shutil.which(tool):
            sys.exit(f"needs {tool}: apt-get install -y valgrind binutils")
    binary = a.binary
    if not binary:
        subprocess.run(["make", "build"], cwd=REPO, check=True, capture_output=True)
        binary = os.path.join(REPO, ".build", "release", "brandpress")
    os.makedirs(SHM, exist_ok=True)
    stripped = os.path.join(SHM, "brandpress")
    subprocess.run(["strip", "--strip-debug", "-o", stripped, binary], check=True)
    output = os.path.join(SHM, "out")
    try:
        results = []
        if a.clean:
            project = corpus(a.clean)
            shutil.rmtree(output, ignore_errors=True)
            results.append((f"clean build, {a.clean:,} pages", *counted(stripped, project, output, a.top)))
        if a.edit:
            project = corpus(a.edit)
            shutil.rmtree(output, ignore_errors=True)
            for _ in range(2):  # the first from scratch, the second finds nothing changed: both leave caches
                subprocess.run([stripped, "build", "-q", "--root", project, "--output", output], check=True)
            stories = os.path.join(project, "Content", "stories")
            story = os.path.join(stories, sorted(n for n in os.listdir(stories) if n[0].isdigit())[len(os.listdir(stories)) // 2])
            with open(story, "a", encoding="utf-8") as f:
                f.write("\n\n修改：补充一句话。\n")
            results.append((f"one story edited, {a.edit:,} pages", *counted(stripped, project, output, a.top)))
        for title, total, functions in results:
            print(f"\n{title}: {total:,} instructions (user space)\n")
            for count, name in functions:
                print(f"  {100 * count / total:5.1f} %  {count / 1e6:8.1f} M  {name}")
    finally:
        shutil.rmtree(SHM, ignore_errors=True)


if __name__ == "__main__":
    main()
