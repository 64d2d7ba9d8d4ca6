#!/usr/bin/env python3
"""Deterministic benchmark corpus for brandpress, and the same corpus as a Hugo site.

    generate_corpus.py N OUT [--seed 7] [--templates DIR] [--handbook-pages K]

writes OUT/brandpress/{Content,Templates} and OUT/hugo/{hugo.toml,content,layouts,static}.

Shape (like the sample in Content/, scaled up):
  - booklet/   kind: booklet, 20 % of the pages: brand pages with brand/unit/logo/slogan/meaning/
               what/how/who/effect front matter, one logo SVG per brand.
  - handbook/  kind: handbook, min(15 % of N, K) pages (K = 300 by default): chapter folders
               NNN-slug/_index.md with NN-slug.md sections that link to sections of other chapters,
               often with a #fragment naming a heading the target really has.  The handbook is
               capped because every handbook page carries the whole book's table of contents
               (brandpress renders its entries once per folder, but every page still holds them
               all): a 1,500-section handbook makes that part of the output quadratic.
               Use --handbook-pages to study that on purpose.
  - stories/   kind: stories, page_size 10, the rest: date/unit/author/tags/cover front matter,
               40 units, 15 tags, 12 cover images shared.
Bodies are hard-wrapped Chinese paragraphs (about 40 characters a line), ## and ### headings,
lists, bold, block quotes, an image now and then and a pipe table in about one page in eight.
Page sizes are drawn between 1.4 and 4.2 KB, so the mean is about 2.8 KB (10,000 pages = 28 MB).

The Hugo site holds the same Markdown with the same front matter except `kind:` (renamed
`publication:`; Hugo reserves nothing there in 0.111, but the name is confusing).  Choices, so
both tools make comparable output:
  - uglyURLs = true: Hugo writes dir/name.html like brandpress (not dir/name/index.html).
  - relativeURLs = true, baseURL set (brandpress: base_url set, so both write a sitemap).
  - RSS off (brandpress writes one Atom feed for the stories; Hugo would write one per list page).
  - taxonomies `unit` and `tags` on, term pages list all their stories unpaginated (as brandpress).
  - story index paginated by 10; every page has top nav, breadcrumbs, a TOC, prev/next in section;
    handbook pages have the whole book's chapter/section list, as in brandpress's theme.
  - links to .md files are left as written by Hugo (no render hook), brandpress resolves and checks
    them; brandpress also makes a handbook print page and a search page that Hugo does not.
    Both differences favour Hugo slightly.
  - Logos and images go to static/ so Hugo copies them (brandpress copies them from Content/).
"""
import argparse
import os
import random
import shutil

PHRASES = """党支部 基层党组织 党员先锋岗 安全生产 井下作业 采煤工作面 掘进巷道 班前会 职工群众 党建品牌
一支部一品牌一特色 同心向党 同向发力 攻坚克难 技术创新 合理化建议 师带徒 青年突击队 志愿服务 矿山
煤巷掘进 综采队 机电设备 通风系统 瓦斯治理 防治水 安全质量标准化 标准化班组 双述 手指口述
组织生活会 三会一课 主题党日 民主评议党员 谈心谈话 党费收缴 发展党员 入党积极分子 预备党员 支部书记
支部委员会 党小组 责任区 示范岗 流动红旗 职工书屋 困难帮扶 后勤保障 班中餐 职工公寓 矿区环境
一线工人 老党员 新工人 大学生 技术骨干 劳动模范 工匠精神 岗位练兵 技能比武 现场管理 隐患排查
每月一次 每季度 年底考核 评分标准 任务清单 时间节点 工作台账 过程公开 效果公开 承诺公开
带班下井 深入现场 解决问题 凝聚人心 促进发展 落到实处 见到实效 久久为功 持之以恒 一以贯之""".split()
VERBS = "推动 落实 开展 组织 完善 建立 加强 提升 细化 总结 推广 坚持 围绕 聚焦 深化 规范 创新 夯实 带动 形成".split()
LINKERS = "同时 此外 为此 另一方面 具体来说 实践证明 与此同时 据统计 今年以来 多年来".split()
NUMS = "三 五 六 八 十二 二十 三十六 一百 四百一十二 七百八十".split()
SURNAMES = "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧".split()
GIVEN = "伟 芳 娜 敏 静 磊 洋 勇 军 杰 涛 明 超 秀英 建国 铁军 桂芳 晓宁 文静 大海 志强 红梅 海燕 永强 瑞林".split()
UNITS = [f"{a}{b}党支部" for a in "综采 掘进 机电 运输 通风 调度 洗选 后勤 地测 安监".split() for b in "一区 二区 三区 四区".split()]
TAGS = "党员先锋 安全生产 技术创新 志愿服务 师带徒 青年突击 劳动模范 工匠精神 岗位练兵 节能降耗 班组建设 文明家庭 困难帮扶 退休党员 大学生".split()
HEAD_WORDS = "主要成效 特色做法 工作背景 基本要求 实施步骤 职责分工 评议程序 使用规范 过程公开 效果公开 方案内容 注意事项 典型案例 经验体会 下一步打算 考核办法 组织保障 时间安排 工作目标 存在问题 整改措施 宣传推广 培育提升 品牌释义 创建历程".split()
PINYIN = "caijue meihai zhijue sanxiang danghui qicai jingyi xinxin xiyang jiangxin yifeng anquan zhongshu tiejun tanlu guangming tongxin fali gongjian chuangxin".split()


def sentence(rng, plain=False):
    parts = []
    if rng.random() < 0.2:
        parts.append(rng.choice(LINKERS))
    for _ in range(rng.randint(2, 4)):
        p = rng.choice(VERBS) + rng.choice(PHRASES)
        if rng.random() < 0.3:
            p += rng.choice(["的", "和", "与"]) + rng.choice(PHRASES)
        if rng.random() < 0.15 and not plain:
            p = f"**“{p}”**"
        elif rng.random() < 0.1:
            p += f"{rng.choice(NUMS)}项"
        parts.append(p)
    return "，".join(parts) + "。"


def wrap(tokens, width=40):
    """Hard-wraps like the sample: lines of about `width` characters, broken between tokens."""
    lines, line = [], ""
    for t in tokens:
        if line and len(line) + len(t) > width:
            lines.append(line)
            line = ""
        line += t
    if line:
        lines.append(line)
    return lines


def paragraph(rng, sentences=None):
    n = sentences or rng.randint(2, 5)
    tokens = []
    for _ in range(n):
        s = sentence(rng)
        # split long sentences at commas so lines break inside them, like hand-wrapped text
        chunks = s.split("，")
        tokens += [c + "，" for c in chunks[:-1]] + [chunks[-1]]
    return "\n".join(wrap(tokens))


def table(rng):
    cols = rng.randint(2, 4)
    head = "| " + " | ".join(rng.sample(HEAD_WORDS, cols)) + " |"
    sep = "|" + "|".join(["---"] * cols) + "|"
    rows = []
    for _ in range(rng.randint(3, 6)):
        rows.append("| " + " | ".join(rng.choice(VERBS) + rng.choice(PHRASES) for _ in range(cols)) + " |")
    return "\n".join([head, sep] + rows)


def body(rng, target_bytes, headings, links=(), image=None):
    """Blocks until the body reaches target_bytes. `headings` are used, in order, as ## headings."""
    blocks = [paragraph(rng)]
    links = list(links)
    h = 0
    size = len(blocks[0].encode())
    while size < target_bytes:
        r = rng.random()
        if h < len(headings) and (r < 0.25 or size > target_bytes * 0.3 * (h + 1)):
            blocks.append(("## " if h % 3 != 2 else "### ") + headings[h])
            h += 1
        elif r < 0.35:
            blocks.append("\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 5))))
        elif r < 0.40:
            blocks.append("\n".join(f"{i + 1}. {sentence(rng)}" for i in range(rng.randint(2, 4))))
        elif r < 0.44:
            blocks.append("> " + sentence(rng))
        elif r < 0.47 and image:
            blocks.append(f"![{rng.choice(PHRASES)}]({image})")
        elif r < 0.49:
            blocks.append(table(rng))
        else:
            text = paragraph(rng)
            if links and rng.random() < 0.5:
                label, dest = links.pop()
                text += f"\n详见[{label}]({dest})。"
            blocks.append(text)
        size += len(blocks[-1].encode()) + 2
    while h < len(headings):  # every planned heading exists, so fragments resolve
        blocks.append("## " + headings[h])
        blocks.append(paragraph(rng, 1))
        h += 1
    for label, dest in links:
        blocks.append(f"参见[{label}]({dest})。")
    return "\n\n".join(blocks) + "\n"


def front(fields):
    out = ["---"]
    for k, v in fields:
        if isinstance(v, list):
            out.append(f"{k}: [{', '.join(v)}]")
        else:
            out.append(f"{k}: {v}")
    out.append("---\n")
    return "\n".join(out)


def svg(rng, title):
    c = rng.choice(["#c0161d", "#b71c1c", "#d4a017"])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120" role="img">\n'
            f'<title>{title}</title>\n<path d="M60 6 L106 22 V58 C106 86 86 104 60 114 C34 104 14 86 14 58 V22 Z" fill="{c}"/>\n'
            f'<rect x="57" y="{rng.randint(30, 60)}" width="6" height="48" rx="2" fill="#d4a017"/>\n</svg>\n')


class Writer:
    """Writes each page twice: brandpress's Content/ and Hugo's content/."""

    def __init__(self, out):
        self.bp = os.path.join(out, "brandpress", "Content")
        self.hugo = os.path.join(out, "hugo", "content")
        self.static = os.path.join(out, "hugo", "static")
        self.bytes = 0
        self.pages = 0

    def page(self, rel, fields, text):
        md = front(fields) + "\n" + text
        self._write(os.path.join(self.bp, rel), md)
        hfields = [("publication" if k == "kind" else k, v) for k, v in fields]
        self._write(os.path.join(self.hugo, rel), front(hfields) + "\n" + text)
        self.bytes += len(md.encode())
        self.pages += 1

    def file(self, rel, data):
        self._write(os.path.join(self.bp, rel), data)
        self._write(os.path.join(self.static, rel), data)

    @staticmethod
    def _write(path, data):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(data)


def generate(n, out, seed, templates, handbook_cap):
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    w = Writer(out)
    size = lambda: rng.randint(1400, 4200)

    w._write(os.path.join(w.bp, "site.yml"), "\n".join([
        "title: 同·兴 党建品牌", "language: zh-CN",
        "description: 基准测试用的生成内容。", "organisation: 中共瑞兴煤矿委员会",
        'base_url: "https://dangjian.example.cn/"', "footer: 内部资料 注意保存", ""]))
    links = [("党建品牌标识", "booklet/_index.md"), ("党建工作指导手册", "handbook/_index.md"), ("我们身边的榜样", "stories/_index.md")]
    w.page("_index.md", [("title", "同·兴 党建品牌"), ("summary", "生成的基准内容")], body(rng, size(), ["五个同", "一个兴"], links))

    n_booklet = max(1, n * 20 // 100)
    n_handbook = max(3, min(n * 15 // 100, handbook_cap))
    n_stories = max(1, n - 1 - n_booklet - n_handbook)  # the three publication _index pages count in their shares

    # --- handbook: plan chapters, sections and their headings first, so links can name real fragments
    per_chapter = 12
    chapters = []
    remaining = n_handbook - 1
    c = 0
    while remaining > 0:
        c += 1
        count = min(remaining - 1, rng.randint(per_chapter - 4, per_chapter + 4)) if remaining > 1 else 0
        folder = f"{c:03d}-{rng.choice(PINYIN)}-{c}"
        sections = [(f"{s + 1:02d}-{rng.choice(PINYIN)}-{s + 1}.md", rng.sample(HEAD_WORDS, rng.randint(2, 4))) for s in range(max(0, count))]
        chapters.append((folder, sections))
        remaining -= 1 + len(sections)
    all_sections = [(ci, si) for ci, (_, secs) in enumerate(chapters) for si in range(len(secs))]
    w.page("handbook/_index.md", [("title", "党建工作指导手册"), ("kind", "handbook"), ("numbering", "{chapter: chinese, section: decimal}"),
                                  ("summary", "基层党支部建设和品牌创建的工作指南。")], body(rng, size(), ["前言", "使用说明"]))
    for i in range(4):
        w.file(f"handbook/images/fig{i}.svg", svg(rng, f"图{i}"))
    for ci, (folder, sections) in enumerate(chapters):
        w.page(f"handbook/{folder}/_index.md", [("title", f"第{ci + 1}章{rng.choice(HEAD_WORDS)}")], body(rng, 600, []))
        for si, (name, heads) in enumerate(sections):
            refs = []
            for _ in range(rng.randint(1, 3)):
                tc, ts = rng.choice(all_sections)
                tfolder, tsecs = chapters[tc]
                tname, theads = tsecs[ts]
                dest = f"{tname}" if tc == ci else f"../{tfolder}/{tname}"
                if rng.random() < 0.6:
                    dest += "#" + rng.choice(theads)
                refs.append((rng.choice(HEAD_WORDS), dest))
            w.page(f"handbook/{folder}/{name}", [("title", f"{heads[0]}{si + 1}")], body(rng, size(), heads, refs, "../images/fig1.svg"))

    # --- booklet
    w.page("booklet/_index.md", [("title", "党建品牌标识"), ("kind", "booklet"), ("summary", "各基层党支部品牌的名称、标识、口号与释义。")],
           body(rng, size(), ["使用说明"], [("品牌标识设计", "../handbook/_index.md")]))
    for i in range(2):
        w.file(f"booklet/images/photo{i}.svg", svg(rng, f"照片{i}"))
    for b in range(1, n_booklet):
        slug = f"{b:05d}-{rng.choice(PINYIN)}"
        name = rng.choice(PHRASES) + rng.choice(["先锋", "堡垒", "红旗", "明灯", "之家"])
        w.file(f"booklet/logos/{slug}.svg", svg(rng, name))
        fields = [("title", name), ("brand", name), ("unit", rng.choice(UNITS)), ("logo", f"logos/{slug}.svg"),
                  ("logo_alt", "红色盾牌中央一把金色镐头"), ("slogan", rng.choice(VERBS) + rng.choice(PHRASES)),
                  ("meaning", sentence(rng, True)), ("what", sentence(rng, True)), ("how", sentence(rng, True)), ("who", sentence(rng, True)),
                  ("effect", sentence(rng, True)), ("weight", str(b))]
        w.page(f"booklet/{slug}.md", fields, body(rng, size() - 900, rng.sample(HEAD_WORDS, 3), [], "images/photo0.svg"))

    # --- stories
    w.page("stories/_index.md", [("title", "我们身边的榜样"), ("kind", "stories"), ("page_size", "10"), ("summary", "普通党员和职工的故事。")],
           body(rng, size(), ["投稿"], [("宣传推广", "../handbook/_index.md")]))
    covers = [f"images/cover{i:02d}.svg" for i in range(12)]
    for cover in covers:
        w.file(f"stories/{cover}", svg(rng, "封面"))
    for s in range(1, n_stories):
        y, m, d = 2015 + s % 11, 1 + (s * 7) % 12, 1 + (s * 13) % 28
        person = rng.choice(SURNAMES) + rng.choice(GIVEN)
        fields = [("title", f"{person}：{rng.choice(VERBS)}{rng.choice(PHRASES)}"), ("date", f"{y}-{m:02d}-{d:02d}"),
                  ("unit", rng.choice(UNITS)), ("author", rng.choice(SURNAMES) + rng.choice(GIVEN)),
                  ("tags", rng.sample(TAGS, rng.randint(1, 3)))]
        if rng.random() < 0.7:
            fields += [("cover", rng.choice(covers)), ("cover_alt", "井架上插着一面红旗")]
        w.page(f"stories/{y}-{m:02d}-{s:06d}.md", fields, body(rng, size() - 250, rng.sample(HEAD_WORDS, 2), [], rng.choice(covers)))

    if templates:
        shutil.copytree(templates, os.path.join(out, "brandpress", "Templates"))
    write_hugo_site(os.path.join(out, "hugo"))
    return w


HUGO_CONFIG = """baseURL = "https://dangjian.example.cn/"
languageCode = "zh-CN"
title = "同·兴 党建品牌"
relativeURLs = true
uglyURLs = true
hasCJKLanguage = true
disableKinds = ["RSS"]
paginate = 10
enableRobotsTXT = false
[taxonomies]
  tag = "tags"
  unit = "unit"
[markup.goldmark.renderer]
  unsafe = false
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ end }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}"></head>
<body class="kind-{{ .Kind }}">
<nav class="site-nav"><ul><li><a href="{{ site.Home.RelPermalink }}">首页</a></li>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<nav class="breadcrumbs"><ol>{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></nav>
<div class="page-body">{{ block "aside" . }}{{ end }}<main>{{ block "main" . }}{{ end }}</main></div>
<footer>{{ site.Title }}</footer></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ with .Date }}<time>{{ .Format "2006年1月2日" }}</time>{{ end }}{{ with .Params.unit }}<span>{{ . }}</span>{{ end }}{{ with .Params.author }}<span>文／{{ . }}</span>{{ end }}
{{ with .Params.cover }}<figure><img src="{{ . }}" alt="{{ $.Params.cover_alt }}"></figure>{{ end }}
{{ .TableOfContents }}
<div class="prose">{{ .Content }}</div>
<ul class="chips">{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>
<nav class="prev-next">{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">上一篇 {{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">下一篇 {{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><div class="prose">{{ .Content }}</div>
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ $pag := .Paginate .RegularPages }}<ul class="card-grid">{{ range $pag.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ with .Date }}<time>{{ .Format "2006年1月2日" }}</time>{{ end }}<p>{{ .Summary | plainify | truncate 120 }}</p></li>{{ end }}</ul>
<nav class="pager">{{ with $pag.Prev }}<a href="{{ .URL }}">上一页</a>{{ end }}{{ range $pag.Pagers }}<a href="{{ .URL }}">{{ .PageNumber }}</a>{{ end }}{{ with $pag.Next }}<a href="{{ .URL }}">下一页</a>{{ end }}</nav>
{{ end }}
""",
    "_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1><p>共 {{ len .Pages }} 篇</p>
<ul class="card-grid">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Date }}<time>{{ .Format "2006年1月2日" }}</time>{{ end }}<p>{{ .Summary | plainify | truncate 120 }}</p></li>{{ end }}</ul>{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }} {{ len .Pages }}</a></li>{{ end }}</ul>{{ end }}
""",
    "booklet/single.html": """{{ define "main" }}<article><h1>{{ .Params.brand }}</h1><p>{{ .Params.unit }}</p>
<img src="{{ .Params.logo }}" alt="{{ .Params.logo_alt }}"><p>{{ .Params.slogan }}</p><p>{{ .Params.meaning }}</p>
<dl>{{ with .Params.what }}<dt>做什么</dt><dd>{{ . }}</dd>{{ end }}{{ with .Params.how }}<dt>怎么做</dt><dd>{{ . }}</dd>{{ end }}{{ with .Params.who }}<dt>谁来做</dt><dd>{{ . }}</dd>{{ end }}{{ with .Params.effect }}<dt>达到什么效果</dt><dd>{{ . }}</dd>{{ end }}</dl>
<div class="prose">{{ .Content }}</div>
<nav class="prev-next">{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav></article>{{ end }}
""",
    "booklet/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><div class="prose">{{ .Content }}</div>
<ul class="card-grid">{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}"><img src="{{ .Params.logo }}" alt="">{{ .Params.brand }}</a> {{ .Params.unit }} {{ .Params.slogan }}</li>{{ end }}</ul>{{ end }}
""",
    "handbook/single.html": """{{ define "aside" }}{{ partial "book-toc.html" . }}{{ end }}
{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .TableOfContents }}<div class="prose">{{ .Content }}</div>
<nav class="prev-next">{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav></article>{{ end }}
""",
    "handbook/list.html": """{{ define "aside" }}{{ partial "book-toc.html" . }}{{ end }}
{{ define "main" }}<h1>{{ .Title }}</h1><div class="prose">{{ .Content }}</div>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "partials/book-toc.html": """{{ $cur := . }}<aside><ol class="book-toc">{{ range .FirstSection.Sections }}<li><a href="{{ .RelPermalink }}"{{ if eq . $cur }} aria-current="page"{{ end }}>{{ .Title }}</a><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}"{{ if eq . $cur }} aria-current="page"{{ end }}>{{ .Title }}</a></li>{{ end }}</ol></li>{{ end }}</ol></aside>
""",
    "index.html": """{{ define "main" }}<h1>{{ .Title }}</h1><div class="prose">{{ .Content }}</div>
{{ range site.Sections }}<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ len .RegularPagesRecursive }}</p>
<ul>{{ range first 6 .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>{{ end }}{{ end }}
""",
}


def write_hugo_site(root):
    with open(os.path.join(root, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(HUGO_CONFIG)
    for rel, text in HUGO_LAYOUTS.items():
        if text is None:
            continue
        Writer._write(os.path.join(root, "layouts", rel), text)
    Writer._write(os.path.join(root, "static", "assets", "style.css"), "body{font-family:sans-serif}\n" * 600)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--templates", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Templates"))
    ap.add_argument("--handbook-pages", type=int, default=300)
    a = ap.parse_args()
    w = generate(a.pages, a.out, a.seed, a.templates, a.handbook_pages)
    print(f"{w.pages} pages, {w.bytes / 1e6:.1f} MB of Markdown, {w.bytes / max(1, w.pages):.0f} bytes a page -> {a.out}")


if __name__ == "__main__":
    main()
