/* brandpress site search. No framework, nothing external; works from file:// because the index
   files under search/ are scripts that call window.__bpSearch, loaded with <script src>.
   The tokenizer and the query rules mirror Sources/BrandpressKit/Search exactly. */
(function (global) {
  'use strict';

  // ---------- Core: text rules, query, lookup (also run by node in Tests/Benchmarks) ----------

  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var FIELD_WEIGHTS = [[1, 12], [2, 4], [4, 3], [8, 1]]; // title, headings, unit/tags, body

  function isHan(cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
  }

  // Folds one character; keeps the original when lower-casing would change its length, so that
  // offsets in the normalized text are offsets in the original (needed for <mark>).
  function foldChar(ch) {
    var cp = ch.codePointAt(0);
    if (cp >= 0xFF01 && cp <= 0xFF5E) ch = String.fromCharCode(cp - 0xFEE0);
    else if (cp === 0x3000) ch = ' ';
    var lower = ch.toLowerCase();
    return lower.length === ch.length ? lower : ch;
  }

  function normalize(text) {
    var out = '';
    for (var ch of text) out += foldChar(ch);
    return out;
  }

  // Maximal runs of Han characters and of other letters/digits, offsets in code points.
  function runs(text) {
    var result = [];
    var offset = 0;
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      var kind = isHan(cp) ? 'han' : (WORD.test(ch) ? 'word' : null);
      if (kind) {
        var last = result[result.length - 1];
        if (last && last.kind === kind && last.start + last.chars.length === offset) last.chars.push(ch);
        else result.push({ kind: kind, start: offset, chars: [ch] });
      }
      offset += 1;
    }
    return result;
  }

  function runTokens(run, singleHan) {
    if (run.kind === 'word') return [run.chars.join('')];
    var tokens = [];
    for (var i = 0; i + 1 < run.chars.length; i++) tokens.push(run.chars[i] + run.chars[i + 1]);
    if (singleHan) tokens = tokens.concat(run.chars);
    return tokens;
  }

  function tokens(text, singleHan) {
    var out = [];
    runs(normalize(text)).forEach(function (run) { out = out.concat(runTokens(run, singleHan)); });
    return out;
  }

  // Same rules as SearchQuery.swift: a word at either end of a term may be cut from a longer word,
  // so it is looked up only when the term has nothing else.
  function parseTerm(text) {
    var length = Array.from(text).length;
    var required = [], edge = [], singles = [];
    runs(text).forEach(function (run) {
      if (run.kind === 'han') {
        if (run.chars.length === 1) singles = singles.concat(runTokens(run, true));
        else required = required.concat(runTokens(run, false));
      } else if (run.start > 0 && run.start + run.chars.length < length) {
        required = required.concat(runTokens(run, false));
      } else {
        edge = edge.concat(runTokens(run, false));
      }
    });
    var list = required.length ? required : (edge.length ? edge : singles);
    if (!list.length) return null;
    return { text: text, tokens: list.filter(function (t, i) { return list.indexOf(t) === i; }) };
  }

  function parseQuery(query) {
    return normalize(query).split(/\s+/).filter(Boolean).map(parseTerm).filter(Boolean);
  }

  function hash(token) {
    var h = 0x811C9DC5;
    for (var i = 0; i < token.length; i++) {
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  function shardName(token, count) {
    var hex = (hash(token) % count).toString(16);
    var digits = count > 256 ? 3 : 2;
    while (hex.length < digits) hex = '0' + hex;
    return hex;
  }

  function score(mask) {
    var total = 0;
    FIELD_WEIGHTS.forEach(function (pair) { if (mask & pair[0]) total += pair[1]; });
    return total;
  }

  // Gap-coded [id, mask, …] → Map id → mask.
  function decode(list) {
    var map = new Map();
    var id = 0;
    for (var i = 0; i < list.length; i += 2) {
      id += list[i];
      map.set(id, list[i + 1]);
    }
    return map;
  }

  // The first document of the text chunk that holds `id`: chunk files are named by it.
  function chunkOf(id, starts) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= id) lo = mid; else hi = mid - 1;
    }
    return starts[lo];
  }

  // The text terms are checked against; SearchDocument.searchableText joins the same fields.
  function searchable(row) {
    return [row[0], row[3], row[4], row[5]].join('\n');
  }

  // Where the terms occur in `text`, merged: [[start, end], …] in UTF-16 offsets.
  function matchRanges(text, terms) {
    var folded = normalize(text);
    var ranges = [];
    terms.forEach(function (term) {
      if (!term.text) return;
      var at = folded.indexOf(term.text);
      while (at !== -1) {
        ranges.push([at, at + term.text.length]);
        at = folded.indexOf(term.text, at + term.text.length);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }

  // Text cut into [{text, mark}] pieces around the first match in the body (or its start).
  function snippet(body, terms, width) {
    width = width || 110;
    var ranges = matchRanges(body, terms);
    var start = ranges.length ? Math.max(0, ranges[0][0] - Math.floor(width / 4)) : 0;
    var end = Math.min(body.length, start + width);
    if (start > 0 && /[\uDC00-\uDFFF]/.test(body.charAt(start))) start -= 1;
    if (end < body.length && /[\uD800-\uDBFF]/.test(body.charAt(end - 1))) end += 1;
    var pieces = highlight(body.slice(start, end), terms);
    if (start > 0) pieces.unshift({ text: '…', mark: false });
    if (end < body.length) pieces.push({ text: '…', mark: false });
    return pieces;
  }

  function highlight(text, terms) {
    var pieces = [];
    var at = 0;
    matchRanges(text, terms).forEach(function (r) {
      if (r[0] > at) pieces.push({ text: text.slice(at, r[0]), mark: false });
      pieces.push({ text: text.slice(r[0], r[1]), mark: true });
      at = r[1];
    });
    if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
    return pieces;
  }

  // Looks up queries in an index. `load(path)` resolves once the script at search/`path` has run.
  function Searcher(load) {
    this.load = load;
    this.store = { meta: null, shards: {}, chunks: {} };
    this.loaded = {};
  }

  Searcher.prototype.registry = function () {
    var store = this.store;
    return {
      meta: function (meta) { store.meta = meta; },
      shard: function (name, data) { store.shards[name] = data; },
      text: function (first, rows) { store.chunks[first] = rows; }
    };
  };

  Searcher.prototype.fetch = function (path) {
    var loaded = this.loaded;
    if (!loaded[path]) {
      // A failed load is forgotten, so the next search tries again.
      loaded[path] = this.load(path).catch(function (error) { delete loaded[path]; throw error; });
    }
    return loaded[path];
  };

  // Candidates: pages with every token of every term, best first. Returns a Results object.
  Searcher.prototype.search = function (query) {
    var self = this;
    var terms = parseQuery(query);
    return this.fetch('meta.js').then(function () {
      var meta = self.store.meta;
      var all = [];
      terms.forEach(function (t) { all = all.concat(t.tokens); });
      var names = all.map(function (t) { return shardName(t, meta.shards); });
      var unique = names.filter(function (n, i) { return names.indexOf(n) === i; });
      return Promise.all(unique.map(function (n) { return self.fetch('shard-' + n + '.js'); })).then(function () {
        var scores = null;
        all.forEach(function (token, i) {
          var shard = self.store.shards[names[i]] || {};
          var postings = decode(Object.prototype.hasOwnProperty.call(shard, token) ? shard[token] : []);
          var next = new Map();
          postings.forEach(function (mask, id) {
            if (scores === null) next.set(id, score(mask));
            else if (scores.has(id)) next.set(id, scores.get(id) + score(mask));
          });
          scores = next;
        });
        var ids = scores ? Array.from(scores.keys()) : [];
        ids.sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
        return new Results(self, terms, ids);
      });
    });
  };

  // Candidates become results once their text is loaded and holds every term (exact substring).
  function Results(searcher, terms, candidates) {
    this.searcher = searcher;
    this.terms = terms;
    this.candidates = candidates;
    this.checked = 0;
    this.items = [];
  }

  Results.prototype.done = function () { return this.checked >= this.candidates.length; };

  // Checks candidates in rank order until `count` results are known or none are left.
  Results.prototype.fill = function (count) {
    var self = this;
    if (this.items.length >= count || this.done()) return Promise.resolve(this);
    var batch = this.candidates.slice(this.checked, this.checked + Math.max(10, count - this.items.length));
    var searcher = this.searcher;
    var starts = searcher.store.meta.chunks;
    var chunks = batch.map(function (id) { return chunkOf(id, starts); });
    var unique = chunks.filter(function (c, i) { return chunks.indexOf(c) === i; });
    return Promise.all(unique.map(function (c) { return searcher.fetch('text-' + c + '.js'); })).then(function () {
      batch.forEach(function (id, i) {
        var row = searcher.store.chunks[chunks[i]][id - chunks[i]];
        var text = normalize(searchable(row));
        var ok = self.terms.every(function (t) { return text.indexOf(t.text) !== -1; });
        if (ok) {
          self.items.push({
            id: id, title: row[0], url: row[1],
            publication: row[2] >= 0 ? searcher.store.meta.publications[row[2]] : '',
            titlePieces: highlight(row[0], self.terms),
            snippet: snippet(row[5] || row[3] || row[4], self.terms)
          });
        }
      });
      self.checked += batch.length;
      return self.fill(count);
    });
  };

  // Every result, for tests and benchmarks.
  Results.prototype.all = function () { return this.fill(Infinity); };

  var core = {
    normalize: normalize, tokens: tokens, parseQuery: parseQuery, hash: hash, shardName: shardName,
    score: score, snippet: snippet, highlight: highlight, Searcher: Searcher
  };

  // ---------- Page: the search form and the result list ----------

  var PAGE_SIZE = 20;

  function scriptLoader(base) {
    return function (path) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = base + path;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error('cannot load ' + base + path)); };
        document.head.appendChild(script);
      });
    };
  }

  function appendPieces(parent, pieces) {
    pieces.forEach(function (piece) {
      if (piece.mark) {
        var mark = document.createElement('mark');
        mark.textContent = piece.text;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(piece.text));
      }
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function startPage(script) {
    var input = document.getElementById('search-page-q');
    var output = document.getElementById('search-results');
    var form = input && input.form;
    if (!input || !output) return;
    var pageRoot = script.getAttribute('data-root') || '';
    var searcher = new Searcher(scriptLoader(script.getAttribute('data-index') || 'search/'));
    global.__bpSearch = searcher.registry();
    var latest = 0;
    var timer = null;

    function status(text) {
      output.removeAttribute('aria-busy');
      output.textContent = '';
      output.appendChild(element('p', 'search-status', text));
    }

    function show(results, query) {
      output.removeAttribute('aria-busy');
      output.textContent = '';
      var count = results.done() ? '找到 ' + results.items.length + ' 条结果' : '找到至少 ' + results.items.length + ' 条结果';
      if (!results.items.length) {
        status('没有找到包含“' + query.trim() + '”的内容。');
        return;
      }
      output.appendChild(element('p', 'search-status', count));
      var list = element('ol', 'search-result-list');
      results.items.forEach(function (item) {
        var li = element('li', 'search-result');
        var link = element('a', 'search-result-title');
        link.href = pageRoot + item.url;
        appendPieces(link, item.titlePieces);
        li.appendChild(link);
        if (item.publication) li.appendChild(element('span', 'search-result-publication', item.publication));
        var text = element('p', 'search-result-snippet');
        appendPieces(text, item.snippet);
        li.appendChild(text);
        list.appendChild(li);
      });
      output.appendChild(list);
      if (!results.done()) {
        var more = element('button', 'button search-more', '显示更多结果');
        more.type = 'button';
        more.addEventListener('click', function () {
          var focusIndex = results.items.length;
          results.fill(results.items.length + PAGE_SIZE).then(function () {
            show(results, query);
            var links = output.querySelectorAll('.search-result-title');
            if (links[focusIndex]) links[focusIndex].focus();
          });
        });
        output.appendChild(more);
      }
    }

    function run(query) {
      var ticket = ++latest;
      if (!parseQuery(query).length) {
        status(query.trim() ? '请输入至少一个汉字、字母或数字。' : '请输入要搜索的词语，例如“安全生产”。');
        return;
      }
      status('正在搜索…');
      // Screen readers wait for the answer instead of announcing every step.
      output.setAttribute('aria-busy', 'true');
      searcher.search(query).then(function (results) {
        return results.fill(PAGE_SIZE);
      }).then(function (results) {
        if (ticket === latest) show(results, query);
      }).catch(function (error) {
        if (ticket === latest) status('搜索索引无法载入（' + error.message + '）。请重新生成网站。');
      });
    }

    function remember(query) {
      try {
        history.replaceState(null, '', '?q=' + encodeURIComponent(query));
      } catch (ignored) { /* some browsers refuse for file:// pages; the results still show */ }
    }

    var query = new URLSearchParams(location.search).get('q') || '';
    input.value = query;
    var header = document.getElementById('site-search-q');
    if (header) header.value = query;
    run(query);

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); remember(input.value); }, 150);
    });
    if (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        clearTimeout(timer);
        run(input.value);
        remember(input.value);
      });
    }
    // Arrow keys move between the box and the results; Escape returns to the box.
    function links() { return Array.prototype.slice.call(output.querySelectorAll('.search-result-title')); }
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && links().length) { event.preventDefault(); links()[0].focus(); }
    });
    output.addEventListener('keydown', function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (at === -1) return;
      if (event.key === 'ArrowDown' && at + 1 < all.length) { event.preventDefault(); all[at + 1].focus(); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
      else if (event.key === 'Escape') { event.preventDefault(); input.focus(); }
    });
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = core;
  } else {
    global.BPSearch = core;
    var script = document.currentScript;
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { startPage(script); });
    } else {
      startPage(script);
    }
  }
})(typeof window !== 'undefined' ? window : globalThis);
