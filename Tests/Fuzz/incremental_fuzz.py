#!/usr/bin/env python3
"""Random edits against the rule that an incremental build gives the output a full build gives.

Copies the sample project (Content/ and Templates/) into a temporary folder and, step after step,
makes one random edit an editor or a designer could make: a story's text, title, tags, unit, date or
cover; a brand's fields; a handbook section added, renamed or removed; site.yml; a template, a
partial or the style sheet; an image added, changed or removed; a file saved unchanged; now and
then a mistake (broken front matter or template) that is put right at the next step, a file of
Output/ changed by hand, or a build with `--drafts`. After each edit it runs `brandpress build` on
that folder, which keeps its build cache and output from the step before, and a full build of a
fresh copy of the same files, and compares the two: the same exit status and messages, and when
both succeed, the same files with the same bytes (`diff -r`).

With `--serve` the edited folder is watched by one `brandpress serve` for the whole run, which
rebuilds from what it keeps in memory, and after each rebuild its preview folder is compared with
the first build of a new `serve` of a fresh copy.

    python3 Tests/Fuzz/incremental_fuzz.py --binary .build/release/brandpress --steps 300 --seed 1
    python3 Tests/Fuzz/incremental_fuzz.py --serve --steps 100

`make fuzz` runs it. Not part of `make test`: each run tries different edits (pass --seed to repeat
one), and the tests already compare fixed edit sequences. On a difference it stops, prints the
step, the edit and the diff, and leaves both folders for a look.
"""
import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.normpath(os.path.join(HERE, "..", ".."))

PHRASES = ["安全生产", "党员先锋", "技术攻关", "班组建设", "创新工作室", "一线", "掘进", "综采", "传帮带", "志愿服务"]
TAGS = ["技术创新", "安全生产", "青年突击", "传帮带", "志愿服务", "新标签"]
UNITS = ["综掘二区党支部", "综采一区党支部", "机电科党支部", "通风区党支部", "新单位党支部"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def split_front_matter(text):
    match = re.match(r"---\n(.*?\n)---\n", text, re.S)
    if not match:
        return None, text
    return match.group(1), text[match.end():]


def has_field(text, key):
    front, _ = split_front_matter(text)
    return any(line.startswith(key + ":") for line in (front or "").splitlines())


def set_field(text, key, value):
    """Sets (or, with value None, removes) a `key: value` line of the front matter."""
    front, body = split_front_matter(text)
    if front is None:
        front = ""
    lines = [line for line in front.splitlines() if not line.startswith(key + ":")]
    if value is not None:
        lines.append(f"{key}: {value}")
    return "---\n" + "\n".join(lines) + "\n---\n" + body


class Project:
    def __init__(self, root, rng):
        self.root = root
        self.rng = rng

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def files(self, folder, suffix):
        found = []
        for directory, _, names in os.walk(self.path(folder)):
            found += [os.path.join(directory, n) for n in names if n.endswith(suffix) and not n.startswith(".")]
        return sorted(found)

    def stories(self):
        return [f for f in self.files("Content/stories", ".md") if not f.endswith("_index.md")]

    def brands(self):
        return [f for f in self.files("Content/booklet", ".md") if not f.endswith("_index.md")]

    def sections(self):
        return [f for f in self.files("Content/handbook", ".md") if not f.endswith("_index.md")]

    def pick(self, items):
        return self.rng.choice(items) if items else None

    def phrase(self):
        return "".join(self.rng.sample(PHRASES, 2))

    def add_stories(self, count):
        """Stories to start from: no `slug:`, which could make two of them clash before the first build."""
        for _ in range(count):
            self.story_added()
            self.story_field(keys=self.STORY_FIELDS[:-1])

    # Each edit returns a description, or None when it found nothing to edit.

    def story_body(self):
        story = self.pick(self.stories())
        if not story:
            return None
        text = read(story)
        front, body = split_front_matter(text)
        paragraphs = body.split("\n\n")
        where = self.rng.randrange(len(paragraphs))
        choice = self.rng.random()
        if choice < 0.4:
            paragraphs[where] += "\n" + self.phrase() + "，" + self.phrase() + "。"
        elif choice < 0.6 and len(paragraphs) > 2:
            del paragraphs[where]
        elif choice < 0.8:
            paragraphs.insert(where, f"## {self.phrase()}")
        else:
            paragraphs.insert(where, f"见[另一篇](../handbook/_index.md)与**{self.phrase()}**。")
        write(story, "---\n" + (front or "") + "---\n" + "\n\n".join(paragraphs))
        return f"story body of {os.path.basename(story)}"

    STORY_FIELDS = ["title", "tags", "unit", "date", "author", "cover", "draft", "summary", "slug"]

    def story_field(self, keys=STORY_FIELDS):
        story = self.pick(self.stories())
        if not story:
            return None
        text = read(story)
        key = self.rng.choice(keys)
        value = {
            "title": f"{self.phrase()}的故事",
            "tags": "[" + ", ".join(self.rng.sample(TAGS, self.rng.randint(0, 3))) + "]",
            "unit": self.rng.choice(UNITS + [None]),
            "date": f"20{self.rng.randint(19, 25)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}",
            "author": self.rng.choice(["韩雪", "李明", None]),
            "cover": self.rng.choice(["images/chuangxin.svg", None]),
            "draft": self.rng.choice(["true", "false", None]),
            "summary": self.rng.choice([self.phrase(), None]),
            "slug": None if has_field(text, "slug") else f"slug-{self.rng.randrange(100)}",
        }[key]
        write(story, set_field(text, key, value))
        return f"story {os.path.basename(story)}: {key} = {value}"

    def story_added(self):
        model = self.pick(self.stories())
        if not model:
            return None
        name = f"20{self.rng.randint(19, 25)}-{self.rng.randint(1, 12):02d}-fuzz-{self.rng.randrange(10**6)}.md"
        text = set_field(read(model), "title", f"{self.phrase()}新篇")
        write(self.path("Content/stories", name), text)
        return f"story added: {name}"

    def remove_one(self, files, keeping, what):
        """Removes one of `files` while more than `keeping` are left."""
        if len(files) <= keeping:
            return None
        chosen = self.pick(files)
        os.remove(chosen)
        return f"{what} removed: {chosen[len(self.root) + 1:]}"

    def story_removed(self):
        return self.remove_one(self.stories(), 3, "story")

    def story_renamed(self):
        story = self.pick(self.stories())
        if not story:
            return None
        new = os.path.join(os.path.dirname(story), f"2021-0{self.rng.randint(1, 9)}-renamed-{self.rng.randrange(10**6)}.md")
        os.rename(story, new)
        return f"story renamed: {os.path.basename(story)} -> {os.path.basename(new)}"

    def brand_field(self):
        brand = self.pick(self.brands())
        if not brand:
            return None
        key = self.rng.choice(["slogan", "brand", "unit", "weight", "meaning", "what", "title", "logo"])
        value = {
            "weight": str(self.rng.randint(1, 20)),
            "unit": self.rng.choice(UNITS),
            "logo": self.rng.choice(["logos/zhijue-weilai.svg", "logos/anquan-shouwang.svg"]),
        }.get(key, self.phrase())
        write(brand, set_field(read(brand), key, value))
        return f"brand {os.path.basename(brand)}: {key} = {value}"

    def brand_body(self):
        brand = self.pick(self.brands())
        if not brand:
            return None
        write(brand, read(brand) + f"\n\n- {self.phrase()}；\n")
        return f"brand body of {os.path.basename(brand)}"

    def section_edit(self):
        section = self.pick(self.sections())
        if not section:
            return None
        choice = self.rng.random()
        text = read(section)
        if choice < 0.35:
            write(section, set_field(text, "title", self.phrase()))
            return f"section {section[len(self.root) + 1:]}: title"
        if choice < 0.45:
            # Given one, or the one it has taken away.
            slug = None if has_field(text, "slug") else f"slug-{self.rng.randrange(100)}"
            write(section, set_field(text, "slug", slug))
            return f"section {section[len(self.root) + 1:]}: slug = {slug}"
        if choice < 0.7:
            write(section, text + f"\n\n## {self.phrase()}\n\n{self.phrase()}。\n")
            return f"section {section[len(self.root) + 1:]}: body"
        others = [s for s in self.sections() if s != section]
        target = self.pick(others)
        link = os.path.relpath(target, os.path.dirname(section))
        write(section, text + f"\n\n参见[{self.phrase()}]({link})。\n")
        return f"section {section[len(self.root) + 1:]}: link to {link}"

    def section_added(self):
        chapter = self.pick(sorted({os.path.dirname(s) for s in self.sections()}))
        if not chapter:
            return None
        name = f"{self.rng.randint(1, 9):02d}-fuzz-{self.rng.randrange(10**6)}.md"
        write(os.path.join(chapter, name), f"---\ntitle: {self.phrase()}\n---\n\n{self.phrase()}。\n")
        return f"section added: {os.path.basename(chapter)}/{name}"

    def section_removed(self):
        return self.remove_one(self.sections(), 5, "section")

    def index_title(self):
        index = self.pick(self.files("Content", "_index.md"))
        write(index, set_field(read(index), "title", self.phrase()))
        return f"title of {index[len(self.root) + 1:]}"

    def site_config(self):
        path = self.path("Content/site.yml")
        text = read(path)
        key = self.rng.choice(["title", "footer", "description", "base_url"])
        value = {"base_url": self.rng.choice(['"https://dangjian.example.cn/"', '"https://example.org/sub/"'])}.get(key, self.phrase())
        lines = [line for line in text.splitlines() if not line.startswith(key + ":")]
        lines.append(f"{key}: {value}")
        write(path, "\n".join(lines) + "\n")
        return f"site.yml: {key} = {value}"

    def template_edit(self):
        templates = self.files("Templates", ".mustache")
        template = self.pick(templates)
        text = read(template)
        # Text the page shows, placed before the last line so that it stays inside any block.
        lines = text.rstrip("\n").split("\n")
        lines.insert(len(lines) - 1 if len(lines) > 1 else 1, f"<!-- {self.phrase()} -->")
        write(template, "\n".join(lines) + "\n")
        return f"template {template[len(self.root) + 1:]}"

    def style_edit(self):
        path = self.path("Templates/assets/style.css")
        write(path, read(path) + f"\n/* {self.phrase()} */\n")
        return "style.css"

    def image_edit(self):
        images = self.files("Content", ".svg")
        image = self.pick(images)
        choice = self.rng.random()
        if choice < 0.5:
            text = read(image)
            write(image, text.replace("</svg>", f"<!-- {self.rng.randrange(10**6)} --></svg>"))
            return f"image changed: {image[len(self.root) + 1:]}"
        name = self.path("Content/stories/images", f"fuzz-{self.rng.randrange(10**6)}.svg")
        shutil.copyfile(image, name)
        return f"image added: {name[len(self.root) + 1:]}"

    def touch(self):
        target = self.pick(self.files("Content", ".md") + self.files("Templates", ".mustache"))
        write(target, read(target))
        return f"saved unchanged: {target[len(self.root) + 1:]}"

    def chapter_renamed(self):
        chapters = sorted({os.path.dirname(s) for s in self.sections()})
        chapter = self.pick(chapters)
        if not chapter:
            return None
        new = os.path.join(os.path.dirname(chapter), f"{self.rng.randint(1, 9):02d}-renamed-{self.rng.randrange(10**6)}")
        os.rename(chapter, new)
        return f"chapter folder renamed: {os.path.basename(chapter)} -> {os.path.basename(new)}"

    def story_moved(self):
        story = self.pick(self.stories())
        if not story:
            return None
        folder = self.path("Content/stories", self.rng.choice(["2024", "archive", "archive/old", "page", "units"]))
        os.makedirs(folder, exist_ok=True)
        os.rename(story, os.path.join(folder, os.path.basename(story)))
        return f"story moved: {os.path.basename(story)} -> {folder[len(self.root) + 1:]}/"

    def folder_section_page(self):
        """A section page (`_index.md`) for a folder stories were moved into: its title shows in
        their breadcrumbs, and `index_title` may change it later."""
        folders = [f for f in ("2024", "archive", "archive/old") if os.path.isdir(self.path("Content/stories", f))]
        folder = self.pick(folders)
        if not folder:
            return None
        write(self.path("Content/stories", folder, "_index.md"), f"---\ntitle: {self.phrase()}\n---\n\n{self.phrase()}。\n")
        return f"section page for stories/{folder}/"

    def broken_front_matter(self):
        page = self.pick(self.stories() + self.brands())
        text = read(page)
        write(page, text.replace("title:", "title: [unclosed", 1))
        return f"broken front matter: {os.path.basename(page)}"

    def broken_template(self):
        template = self.pick(self.files("Templates", ".mustache"))
        write(template, read(template) + "{{#never-closed}}\n")
        return f"broken template: {template[len(self.root) + 1:]}"

    def script_edit(self):
        path = self.path("Templates/assets/search.js")
        write(path, read(path) + f"\n// {self.rng.randrange(10**6)}\n")
        return "search.js"

    def story_template(self):
        story = self.pick(self.stories())
        if not story:
            return None
        name = self.rng.choice(["page", "story", None])
        write(story, set_field(read(story), "template", name))
        return f"story {os.path.basename(story)}: template = {name}"

    EDITS = [
        ("story_body", 8), ("story_field", 10), ("story_added", 3), ("story_removed", 2), ("story_renamed", 2),
        ("brand_field", 5), ("brand_body", 2), ("section_edit", 4), ("section_added", 2), ("section_removed", 1),
        ("index_title", 2), ("site_config", 2), ("template_edit", 3), ("style_edit", 1), ("image_edit", 2), ("touch", 3),
        ("chapter_renamed", 1), ("story_moved", 2), ("broken_front_matter", 1), ("broken_template", 1), ("script_edit", 1),
        ("story_template", 1), ("folder_section_page", 1),
    ]

    def edit(self):
        """One edit, and now and then two or three saved before the next build."""
        names = [name for name, _ in self.EDITS]
        weights = [weight for _, weight in self.EDITS]
        done = []
        while len(done) < self.rng.choice([1, 1, 1, 2, 3]):
            what = getattr(self, self.rng.choices(names, weights)[0])()
            if what:
                done.append(what)
        return "; ".join(done)


def build(binary, root, drafts=False):
    result = subprocess.run([binary, "build", "--quiet", "--root", root] + (["--drafts"] if drafts else []), capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def tamper_with_output(root, rng):
    """What someone could do to Output/ between builds: remove a file, change one, or add one."""
    files = []
    for directory, _, names in os.walk(os.path.join(root, "Output")):
        files += [os.path.join(directory, n) for n in names]
    target = rng.choice(sorted(files))
    choice = rng.random()
    if choice < 0.4:
        os.remove(target)
        return f"removed from Output/: {os.path.relpath(target, root)}"
    if choice < 0.8:
        with open(target, "ab") as f:
            f.write(b"<!-- changed by hand -->")
        return f"changed in Output/: {os.path.relpath(target, root)}"
    stray = os.path.join(os.path.dirname(target), "stray.html")
    write(stray, "<p>stray</p>")
    return f"added to Output/: {os.path.relpath(stray, root)}"


class Preview:
    """A `brandpress serve` running in the background, and the builds it has reported."""

    def __init__(self, binary, root, port):
        self.log = open(os.path.join(os.path.dirname(root), f"serve-{port}.log"), "w+", encoding="utf-8")
        self.process = subprocess.Popen([binary, "serve", "--root", root, "--port", str(port)],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.builds = 0

    def text(self):
        self.log.flush()
        with open(self.log.name, encoding="utf-8") as f:
            return f.read()

    def reports(self):
        return re.findall(r"^(built .*|updated .*|build failed.*)$", self.text(), re.M)

    def wait_for_build(self, timeout=20.0):
        """Waits for a report after the last one seen, then for a quiet moment; the last report."""
        deadline = time.monotonic() + timeout
        while len(self.reports()) <= self.builds:
            if time.monotonic() > deadline or self.process.poll() is not None:
                sys.exit(f"serve reported no build within {timeout} s:\n{self.text()}")
            time.sleep(0.02)
        while True:
            count = len(self.reports())
            time.sleep(0.4)
            if len(self.reports()) == count:
                break
        self.builds = count
        return self.reports()[-1]

    def folder(self):
        match = re.search(r"into (\S+/site)/", self.text())
        return match.group(1) if match else None

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def built(report):
    """Whether serve's report line tells of a build that succeeded (`built …` or a rebuild's `updated …`)."""
    return not report.startswith("build failed")


def serve_run(args, rng, seed, work):
    edited, fresh = os.path.join(work, "incremental"), os.path.join(work, "full")
    copy_project(args.source, edited)
    project = Project(edited, rng)
    preview = Preview(args.binary, edited, args.port)
    try:
        if not preview.wait_for_build().startswith("built"):
            sys.exit(f"the first build failed:\n{preview.text()}")
        print(f"seed {seed}: {args.steps} edits under serve in {work}")
        snapshot = os.path.join(work, "before")
        for step in range(1, args.steps + 1):
            copy_project(edited, snapshot)
            what = project.edit()
            report = preview.wait_for_build()
            copy_project(edited, fresh)
            reference = Preview(args.binary, fresh, args.port + 1)
            try:
                fresh_report = reference.wait_for_build()
                if built(report) != built(fresh_report):
                    print(f"step {step}: {what}\n  serve: {report}\n  fresh serve: {fresh_report}\n{preview.text()[-2000:]}\n{reference.text()}")
                    sys.exit(1)
                if built(report):
                    diff = subprocess.run(["diff", "-r", "-q", preview.folder(), reference.folder()], capture_output=True, text=True)
                    if diff.returncode != 0:
                        print(f"step {step}: {what}\n  the preview differs from a fresh one:\n{diff.stdout}{diff.stderr}")
                        sys.exit(1)
            finally:
                reference.stop()
            print(f"{step:4}  {'ok' if built(report) else 'error (both)':13} {what}")
            if not built(report):
                restore(snapshot, edited)
                report = preview.wait_for_build()
                if not built(report):
                    sys.exit(f"step {step}: putting the files back did not mend the build: {report}")
    finally:
        preview.stop()
    shutil.rmtree(work)
    print(f"seed {seed}: {args.steps} edits under serve, every rebuild equal to a fresh build")


def restore(snapshot, root):
    """Puts Content/ and Templates/ back as in `snapshot`, writing only the files that differ, as an editor's undo would."""
    for part in ["Content", "Templates"]:
        before, now = os.path.join(snapshot, part), os.path.join(root, part)
        kept = set()
        for directory, _, names in os.walk(before):
            for name in names:
                source = os.path.join(directory, name)
                relative = os.path.relpath(source, before)
                target = os.path.join(now, relative)
                kept.add(relative)
                with open(source, "rb") as f:
                    data = f.read()
                if os.path.isfile(target):
                    with open(target, "rb") as f:
                        if f.read() == data:
                            continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as f:
                    f.write(data)
        for directory, _, names in os.walk(now):
            for name in names:
                path = os.path.join(directory, name)
                if os.path.relpath(path, now) not in kept:
                    os.remove(path)


def copy_project(source, target):
    if os.path.exists(target):
        shutil.rmtree(target)
    os.makedirs(target)
    for part in ["Content", "Templates"]:
        shutil.copytree(os.path.join(source, part), os.path.join(target, part), symlinks=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(PROJECT, ".build/release/brandpress"))
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None, help="repeat the edits of an earlier run")
    parser.add_argument("--source", default=PROJECT, help="the project whose Content/ and Templates/ are edited")
    parser.add_argument("--extra-stories", type=int, default=0,
                        help="first add this many copies of the sample's stories, for longer lists and more index pages")
    parser.add_argument("--serve", action="store_true", help="edit under one `brandpress serve` instead of running `build`")
    parser.add_argument("--port", type=int, default=8190, help="with --serve: the preview's port; the fresh one uses the next")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(10**9)
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="brandpress-fuzz-")
    if args.extra_stories:
        source = os.path.join(work, "source")
        copy_project(args.source, source)
        Project(source, rng).add_stories(args.extra_stories)
        args.source = source
    if args.serve:
        return serve_run(args, rng, seed, work)
    edited, fresh = os.path.join(work, "incremental"), os.path.join(work, "full")
    copy_project(args.source, edited)
    project = Project(edited, rng)
    status, output = build(args.binary, edited)
    if status != 0:
        sys.exit(f"the first build failed:\n{output}")
    print(f"seed {seed}: {args.steps} edits in {work}")
    failures = 0
    snapshot = os.path.join(work, "before")
    for step in range(1, args.steps + 1):
        copy_project(edited, snapshot)
        what = project.edit()
        if rng.random() < 0.05:
            what += "; " + tamper_with_output(edited, rng)
        drafts = rng.random() < 0.1
        if drafts:
            what += "; built with --drafts"
        status, output = build(args.binary, edited, drafts)
        copy_project(edited, fresh)
        fresh_status, fresh_output = build(args.binary, fresh, drafts)
        outcome = "ok" if status == 0 else "error (both)"
        if (status == 0) != (fresh_status == 0):
            print(f"step {step}: {what}\n  incremental exit {status}, full exit {fresh_status}\n{output}\n{fresh_output}")
            sys.exit(1)
        if status == 0:
            diff = subprocess.run(["diff", "-r", "-q", os.path.join(edited, "Output"), os.path.join(fresh, "Output")],
                                  capture_output=True, text=True)
            if diff.returncode != 0:
                print(f"step {step}: {what}\n  the outputs differ:\n{diff.stdout}{diff.stderr}")
                sys.exit(1)
        else:
            failures += 1
            if output.replace(edited, "") != fresh_output.replace(fresh, ""):
                print(f"step {step}: {what}\n  the errors differ:\n--- incremental\n{output}\n--- full\n{fresh_output}")
                sys.exit(1)
            # Back to the files before the edit, as an editor would put the mistake right: the next
            # build then starts from a failed one.
            restore(snapshot, edited)
        print(f"{step:4}  {outcome:13} {what}")
    shutil.rmtree(work)
    print(f"seed {seed}: {args.steps} edits, every incremental build equal to a full one ({failures} failed alike)")


if __name__ == "__main__":
    main()
