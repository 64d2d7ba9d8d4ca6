// Runs the search page's own lookup (Templates/assets/search.js) with node on a built search/
// folder, counting the bytes each query loads. Used by search_bench.py.
//   node search_query.js SEARCH_DIR QUERY...   → one JSON line per query
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const core = require(path.join(__dirname, '../../Templates/assets/search.js'));

const [dir, ...queries] = process.argv.slice(2);

function searcher() {
  const stats = { bytes: 0, files: 0 };
  const context = vm.createContext({ window: {} });
  const s = new core.Searcher((file) => {
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    stats.bytes += Buffer.byteLength(code);
    stats.files += 1;
    vm.runInContext(code, context);
    return Promise.resolve();
  });
  context.window.__bpSearch = s.registry();
  return { s, stats };
}

(async () => {
  for (const query of queries) {
    // Cold: a fresh page that has loaded nothing yet, as after following the header's search form.
    const { s, stats } = searcher();
    const t0 = process.hrtime.bigint();
    const results = await s.search(query);
    await results.fill(20);
    const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const first = { bytes: stats.bytes, files: stats.files, ms: firstMs, shown: results.items.length, top: results.items.slice(0, 3).map((r) => r.url) };
    await results.all();
    const allMs = Number(process.hrtime.bigint() - t0) / 1e6;
    // Warm: the same query again on the same page (everything already loaded).
    const t1 = process.hrtime.bigint();
    const again = await s.search(query);
    await again.fill(20);
    const warmMs = Number(process.hrtime.bigint() - t1) / 1e6;
    console.log(JSON.stringify({ query, candidates: results.candidates.length, total: results.items.length, first, all: { bytes: stats.bytes, files: stats.files, ms: allMs }, warmMs }));
  }
})();
