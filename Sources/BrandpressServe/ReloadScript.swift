/// The script `serve` puts into every page: it listens on the reload channel, reloads the page after
/// a good build and draws the diagnostics of a failed one over the page.
enum ReloadScript {
    static let eventsPath = "/__brandpress/events"

    static let html = """
    <script>
    (function () {
      var overlay = null;
      function hide() { if (overlay) { overlay.remove(); overlay = null; } }
      function show(text) {
        hide();
        overlay = document.createElement("div");
        overlay.id = "brandpress-error-overlay";
        overlay.setAttribute("role", "alert");
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:24px;" +
          "background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;";
        var title = document.createElement("div");
        title.style.cssText = "color:#ff8a80;font-weight:bold;margin-bottom:12px";
        title.textContent = "brandpress: the build failed; this is the last good version of the page";
        var pre = document.createElement("pre");
        pre.style.cssText = "white-space:pre-wrap;margin:0";
        pre.textContent = text;
        overlay.appendChild(title);
        overlay.appendChild(pre);
        document.body.appendChild(overlay);
      }
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("failure", function (event) { show(JSON.parse(event.data)); });
    })();
    </script>

    """
}
