#!/usr/bin/env python3
"""Search index benchmark on a generated 10,000-page site.

Makes a site from sentences, headings and table rows of the sample Content/ (shuffled, so the
Chinese is real text), builds it with brandpress, then prints the size of search/, and for typical
queries the bytes and files the search page loads and the time the lookup takes (the page's own
search.js, run by node; reading files from disk stands in for the network).

    python3 Tests/Benchmarks/search_bench.py [--binary .build/release/brandpress] [--pages 10000] [--keep DIR]
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
QUERIES = ["安全生产", "四公开", "煤海先锋", "党员示范岗", "3×3", "师带徒", "班前会 考核", "技术创新",
           "合理化建议", "三会一课", "精益发运", "瓦斯", "综采", "党支部"]


def sample_text():
    sentences, headings, rows = [], [], []
    for folder, _, files in os.walk(os.path.join(REPO, "Content")):
        for name in files:
            if not name.endswith(".md"):
                continue
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
            for line in text.splitlines():
                if line.startswith("#"):
                    headings.append(line.lstrip("# ").strip())
                elif line.startswith("|") and not set(line) <= set("|-: "):
                    rows.append(line)
            prose = " ".join(l for l in text.splitlines() if l and not l.startswith(("#", "|", "!", "-", ">")))
            prose = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", prose).replace("**", "")
            sentences += [s + "。" for s in re.split(r"[。！？]\s*", prose) if re.search(r"[\u4e00-\u9fff]{4}", s)]
    return sentences, [h for h in headings if h], rows


def generate(root, pages, rng):
    sentences, headings, rows = sample_text()
    units = ["综采一区党支部", "综掘二区党支部", "机电科党支部", "运输区党支部", "通风区党支部", "洗煤厂党支部", "安监处党支部"]
    tags = ["安全生产", "技术创新", "节能降耗", "党员先锋", "师带徒", "群众工作", "精益管理"]
    os.makedirs(os.path.join(root, "Content"))
    shutil.copytree(os.path.join(REPO, "Templates"), os.path.join(root, "Templates"))
    with open(os.path.join(root, "Content", "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: 基准站点\nlanguage: zh-CN\n")
    with open(os.path.join(root, "Content", "_index.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: 首页\n---\n基准测试用的站点。\n")
    per_folder = 100
    made = 0
    folder_index = 0
    while made < pages:
        publication = f"pub{folder_index % 3 + 1}"
        folder = os.path.join(root, "Content", publication, f"part-{folder_index:03d}")
        os.makedirs(folder, exist_ok=True)
        index_md = os.path.join(root, "Content", publication, "_index.md")
        if not os.path.exists(index_md):
            with open(index_md, "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: 出版物{publication[-1]}\n---\n")
        with open(os.path.join(folder, "_index.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: 第{folder_index + 1}部分 {rng.choice(headings)}\n---\n")
        for number in range(per_folder):
            if made >= pages:
                break
            body = []
            for _ in range(rng.randint(3, 5)):
                body.append("## " + rng.choice(headings) + "\n")
                body.append("".join(rng.choice(sentences) for _ in range(rng.randint(3, 7))) + "\n")
            if rng.random() < 0.2:
                body.append("| 项目 | 内容 |\n|---|---|\n" + "\n".join(rng.sample(rows, 3)) + "\n")
            front = f"---\ntitle: {rng.choice(headings)}（{made + 1}）\nunit: {rng.choice(units)}\ntags: [{', '.join(rng.sample(tags, 2))}]\n---\n"
            with open(os.path.join(folder, f"page-{number:03d}.md"), "w", encoding="utf-8") as f:
                f.write(front + "\n".join(body))
            made += 1
        folder_index += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(REPO, ".build/release/brandpress"))
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--keep", help="generate into this folder and keep it")
    args = parser.parse_args()
    root = args.keep or tempfile.mkdtemp(prefix="bp-bench-")
    if args.keep and os.path.exists(root):
        shutil.rmtree(root)
    try:
        generate(root, args.pages, random.Random(6))
        started = time.time()
        subprocess.run([os.path.abspath(args.binary), "build", "--root", root], check=True)
        print(f"build: {time.time() - started:.1f} s for {args.pages} pages (whole site, search index included)")
        search = os.path.join(root, "Output", "search")
        sizes = {name: os.path.getsize(os.path.join(search, name)) for name in os.listdir(search)}
        shards = [v for k, v in sizes.items() if k.startswith("shard-")]
        texts = [v for k, v in sizes.items() if k.startswith("text-")]
        html = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(root, "Output")) for f in fs if f.endswith(".html"))
        mb = 1024 * 1024
        print(f"index: {sum(sizes.values()) / mb:.1f} MiB in {len(sizes)} files (site HTML: {html / mb:.1f} MiB)")
        print(f"  meta.js {sizes['meta.js'] / 1024:.1f} KiB; {len(shards)} shards, {sum(shards) / mb:.1f} MiB, "
              f"mean {sum(shards) / len(shards) / 1024:.0f} KiB, largest {max(shards) / 1024:.0f} KiB; "
              f"{len(texts)} text chunks, {sum(texts) / mb:.1f} MiB, mean {sum(texts) / len(texts) / 1024:.0f} KiB")
        out = subprocess.run(["node", os.path.join(HERE, "search_query.js"), search] + QUERIES, check=True, capture_output=True, text=True).stdout
        print(f"{'query':<12}{'results':>8}{'cands':>7}{'first 20: KiB':>15}{'files':>6}{'ms':>7}{'all: KiB':>10}{'ms':>7}{'warm ms':>9}")
        firsts = []
        for line in out.splitlines():
            r = json.loads(line)
            firsts.append(r["first"]["bytes"])
            print(f"{r['query']:<12}{r['total']:>8}{r['candidates']:>7}{r['first']['bytes'] / 1024:>15.0f}{r['first']['files']:>6}"
                  f"{r['first']['ms']:>7.0f}{r['all']['bytes'] / 1024:>10.0f}{r['all']['ms']:>7.0f}{r['warmMs']:>9.1f}")
        firsts.sort()
        print(f"median bytes loaded for the first 20 results: {firsts[len(firsts) // 2] / 1024:.0f} KiB")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
